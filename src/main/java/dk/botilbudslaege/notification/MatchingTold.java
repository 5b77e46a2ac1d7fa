package dk.botilbudslaege.notification;

import dk.botilbudslaege.matching.MatchingEvents;
import dk.botilbudslaege.matching.Proposals;
import dk.botilbudslaege.matching.Rounds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told of a matching round (issue 14 item 3), in the transaction of the step; the link is the round's page
 * {@code /matching/rounds/{id}}, the subject names the round's area.
 * <ul>
 *   <li>round opened: the area's doctors, those who take part ({@link Rounds#doctorIds});</li>
 *   <li>round closed with proposals: for each proposal, the one who confirms it (SPEC §3, who files the
 *       facility's form): the region for a regional facility, the municipality for a municipal or private one,
 *       and a private facility itself. One notice per round;</li>
 *   <li>a proposal declined: its doctor.</li>
 * </ul>
 */
@Component
class MatchingTold {

    static final String LINK = "/matching/rounds/";

    private final Rounds rounds;
    private final Proposals proposals;
    private final Notifier notifier;
    private final Recipients recipients;

    MatchingTold(Rounds rounds, Proposals proposals, Notifier notifier, Recipients recipients) {
        this.rounds = rounds;
        this.proposals = proposals;
        this.notifier = notifier;
        this.recipients = recipients;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MatchingEvents.RoundOpened opened) {
        Recipients.actor().ifPresent(actor -> {
            Rounds.Round round = rounds.get(actor, opened.roundId());
            List<String> doctors = notifier.doctorUsers(rounds.doctorIds(round.id()));
            notifier.notify(Notice.of(
                    NotificationKind.ROUND_OPENED,
                    Recipients.without(actor.username(), doctors),
                    LINK + round.id(),
                    "notification.subject.roundOpened",
                    round.areaName()));
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MatchingEvents.RoundClosed closed) {
        Recipients.actor().ifPresent(actor -> {
            Rounds.Round round = rounds.get(actor, closed.roundId());
            Set<String> told = new LinkedHashSet<>();
            for (Rounds.ProposalRow p : proposals.of(actor, round.id()).proposals()) {
                if (!"PROPOSED".equals(p.status())) {
                    continue;
                }
                if ("REGIONAL".equals(p.facilityOperator())) {
                    told.addAll(notifier.regionUsers(round.regionCode()));
                } else {
                    notifier.municipalityUsers(List.of(p.facilityMunicipalityCode()))
                            .values()
                            .forEach(told::addAll);
                    if ("PRIVATE".equals(p.facilityOperator())) {
                        told.addAll(notifier.facilityUsers(p.facilityId()));
                    }
                }
            }
            notifier.notify(Notice.of(
                    NotificationKind.PROPOSAL_WAITING,
                    Recipients.without(actor.username(), told),
                    LINK + round.id(),
                    "notification.subject.proposalWaiting",
                    round.areaName()));
        });
    }

    /**
     * A proposal declined: its doctor, the other party. The event names the proposal only; its round is found among
     * the closed rounds the one who declined sees (a decline is rare, and the matching module stays as it is).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MatchingEvents.ProposalAnswered answered) {
        if (!"DECLINED".equals(answered.action())) {
            return;
        }
        Recipients.actor().ifPresent(actor -> {
            for (Rounds.Round round : rounds.list(actor)) {
                if (round.open()) {
                    continue;
                }
                for (Rounds.ProposalRow p : proposals.of(actor, round.id()).proposals()) {
                    if (Long.valueOf(answered.proposalId()).equals(p.id())) {
                        notifier.notify(Notice.of(
                                NotificationKind.PROPOSAL_DECLINED,
                                Recipients.without(actor.username(), notifier.doctorUsers(List.of(p.doctorId()))),
                                LINK + round.id(),
                                "notification.subject.proposalDeclined",
                                p.facilityName(),
                                round.areaName()));
                        return;
                    }
                }
            }
        });
    }
}
