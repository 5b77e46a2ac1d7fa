package dk.botilbudslaege.notification;

import dk.botilbudslaege.collaboration.AdvisorySessionEvents;
import dk.botilbudslaege.collaboration.SickVisit;
import dk.botilbudslaege.collaboration.SickVisitEvents;
import dk.botilbudslaege.collaboration.SickVisits;
import dk.botilbudslaege.common.DanishFormats;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told of the collaboration of facility and doctor (issue 14 item 3), in the transaction of the step. No
 * subject carries a resident, a reference, a note or a session's topic: only the facility or agreement and a date.
 * <ul>
 *   <li>sick-visit request: the doctor of the agreement the request goes to; the link is the doctor's list of
 *       requests {@code /sick-visits};</li>
 *   <li>session logged: the facility side who confirms it, the unit's facilities' own users and, for municipal and
 *       private facilities, the municipality's users; the link is the agreement's sessions
 *       {@code /agreements/{id}/sessions}.</li>
 * </ul>
 */
@Component
class CollaborationTold {

    static final String SICK_VISITS = "/sick-visits";

    private record Unit(String unitName, List<Long> facilityIds) {}

    private final SickVisits sickVisits;
    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final Recipients recipients;

    CollaborationTold(SickVisits sickVisits, JdbcClient jdbc, Notifier notifier, Recipients recipients) {
        this.sickVisits = sickVisits;
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.recipients = recipients;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(SickVisitEvents.SickVisitRequested requested) {
        Recipients.actor().ifPresent(actor -> {
            long facilityId = ((Number) requested.changes().get("facilityId").to()).longValue();
            SickVisit visit = sickVisits.list(actor, facilityId).stream()
                    .filter(v -> v.id() == requested.sickVisitId())
                    .findFirst()
                    .orElseThrow();
            notifier.notify(Notice.of(
                    NotificationKind.SICK_VISIT_REQUESTED,
                    Recipients.without(actor.username(), notifier.doctorUsers(List.of(visit.doctorId()))),
                    SICK_VISITS,
                    "notification.subject.sickVisitRequested",
                    visit.facilityName(),
                    DanishFormats.date(visit.wantedFrom().toLocalDate())));
        });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AdvisorySessionEvents.Logged logged) {
        Recipients.actor().ifPresent(actor -> {
            long agreementId = ((Number) logged.changes().get("agreementId").to()).longValue();
            String date = String.valueOf(logged.changes().get("date").to());
            Unit unit = jdbc.sql("select unit_name, facility_ids from agreement_overview where id = :id")
                    .param("id", agreementId)
                    .query((rs, n) -> new Unit(rs.getString(1), AgreementsTold.ids(rs.getArray(2))))
                    .single();
            notifier.notify(Notice.of(
                    NotificationKind.SESSION_LOGGED,
                    Recipients.without(actor.username(), recipients.facilitySide(unit.facilityIds(), null)),
                    AgreementsTold.LINK + agreementId + "/sessions",
                    "notification.subject.sessionLogged",
                    String.valueOf(agreementId),
                    unit.unitName(),
                    DanishFormats.date(LocalDate.parse(date))));
        });
    }
}
