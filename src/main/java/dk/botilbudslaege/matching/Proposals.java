package dk.botilbudslaege.matching;

import dk.botilbudslaege.agreement.AgreementForm;
import dk.botilbudslaege.agreement.Agreements;
import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposals of a closed round (SPEC §6 M5): who sees them, and a person confirming one, which creates
 * a draft agreement with the round's match method, or declining it. Each is decided once.
 */
@Service
public class Proposals {

    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final Agreements agreements;
    private final ApplicationEventPublisher events;
    private final OutcomeViews views;

    Proposals(
            JdbcClient jdbc,
            Rounds rounds,
            Agreements agreements,
            ApplicationEventPublisher events,
            OutcomeViews views) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.agreements = agreements;
        this.events = events;
        this.views = views;
    }

    /** The stored proposals of a closed round; a doctor sees only their own, a facility its own. */
    @Transactional(readOnly = true)
    public Rounds.OutcomeView of(CurrentUser user, long roundId) {
        Rounds.Round round = rounds.get(user, roundId);
        String filter = switch (user.role()) {
            case DOCTOR -> " and x.doctor_id = " + (user.doctorId() == null ? -1 : user.doctorId());
            case FACILITY -> " and x.facility_id = " + (user.facilityId() == null ? -1 : user.facilityId());
            case MUNICIPALITY ->
                " and f.municipality_code = '" + user.municipalityCode().replaceAll("[^0-9]", "") + "'";
            default -> "";
        };
        List<Rounds.ProposalRow> rows = jdbc.sql(
                        PROPOSAL_SELECT + " where x.round_id = :id" + filter + " order by f.name, x.id")
                .param("id", roundId)
                .query(Proposals::row)
                .list();
        List<Long> unmatched = user.is(Role.DOCTOR) || user.is(Role.FACILITY)
                ? List.of()
                : jdbc.sql("""
                        select o.facility_id from matching_opening o join registry_facility f on f.id = o.facility_id
                         where o.round_id = :id and not exists (select 1 from matching_proposal x
                                                                  where x.round_id = o.round_id
                                                                    and x.facility_id = o.facility_id)
                        """ + filter.replace("x.", "o."))
                        .param("id", roundId)
                        .query(Long.class)
                        .list();
        return views.stored(round.outcomeMethod(), round.outcomeDetail(), rows, unmatched);
    }

    // issue 16 item 1: the municipality's start page
    /** A proposal the caller may confirm or decline, with its round. */
    public record Waiting(long id, long roundId, String facilityName, String doctorName) {}

    /** The proposals of closed rounds waiting for the caller's decision (see {@link Rounds.ProposalRow#decidableBy}). */
    @Transactional(readOnly = true)
    public List<Waiting> waiting(CurrentUser user, int limit) {
        String scope = switch (user.role()) {
            case REGION -> "f.operator = 'REGIONAL' and r.region_code = :v";
            case MUNICIPALITY -> "f.operator <> 'REGIONAL' and f.municipality_code = :v";
            default -> null;
        };
        if (scope == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select x.id, x.round_id, f.name as facility_name, d.name as doctor_name
                          from matching_proposal x join matching_round r on r.id = x.round_id
                          join registry_facility f on f.id = x.facility_id
                          join registry_doctor d on d.id = x.doctor_id
                         where x.status = 'PROPOSED' and\s""" + scope + " order by x.id limit :limit")
                .param("v", user.is(Role.REGION) ? user.regionCode() : user.municipalityCode())
                .param("limit", limit)
                .query(Waiting.class)
                .list();
    }

    /** Confirms a proposal: a draft agreement from the given start date, made by the person confirming. */
    @Transactional
    public long accept(CurrentUser user, long proposalId, LocalDate startDate) {
        return accept(user, proposalId, startDate, false);
    }

    /**
     * Confirms a proposal; with {@code wholeGroup}, for the whole group its facility belongs to (R7:
     * facilities at one address or under common management should share one doctor).
     */
    @Transactional
    public long accept(CurrentUser user, long proposalId, LocalDate startDate, boolean wholeGroup) {
        Decision decision = proposalToDecide(user, proposalId, false);
        Rounds.ProposalRow proposal = decision.proposal();
        if (startDate == null) {
            throw InvalidInputException.of(FieldProblem.of("startDate", "agreement.startDate.required"));
        }
        AgreementForm form = new AgreementForm();
        form.setDoctorId(proposal.doctorId());
        form.setFacilityIds(List.of(proposal.facilityId()));
        if (wholeGroup && proposal.group() != null) {
            form.setGroupId(proposal.group().id());
        }
        form.setStartDate(startDate);
        form.setMatchMethod(MatchMethod.valueOf(decision.round().outcomeMethod()));
        long agreementId = agreements.create(user, form).id();
        decide(proposalId, "ACCEPTED", agreementId, user);
        return agreementId;
    }

    @Transactional
    public void decline(CurrentUser user, long proposalId) {
        proposalToDecide(user, proposalId, true);
        decide(proposalId, "DECLINED", null, user);
    }

    private void decide(long proposalId, String status, Long agreementId, CurrentUser user) {
        int changed = jdbc.sql("""
                        update matching_proposal set status = :status, agreement_id = :agreement, decided_by = :by,
                               decided_at = now() where id = :id and status = 'PROPOSED'
                        """)
                .param("status", status)
                .param("agreement", agreementId)
                .param("by", user.username())
                .param("id", proposalId)
                .update();
        if (changed == 0) {
            throw new ConflictException("PROPOSAL_DECIDED", "matching.proposal.decided");
        }
        events.publishEvent(new MatchingEvents.ProposalAnswered(
                proposalId,
                status,
                agreementId == null
                        ? Rounds.changes("status", status)
                        : Rounds.changes("status", status, "agreementId", agreementId),
                CurrentUsers.actor()));
    }

    /** A proposal still to decide, with its round. */
    private record Decision(Rounds.ProposalRow proposal, Rounds.Round round) {}

    /** Confirming is for whoever files for the facility; declining also for whoever runs the round. */
    private Decision proposalToDecide(CurrentUser user, long proposalId, boolean declining) {
        Long roundId = jdbc.sql("select round_id from matching_proposal where id = :id")
                .param("id", proposalId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of("MATCHING_PROPOSAL", proposalId));
        Rounds.Round round = rounds.get(user, roundId);
        Rounds.ProposalRow row = jdbc.sql(PROPOSAL_SELECT + " where x.id = :id")
                .param("id", proposalId)
                .query(Proposals::row)
                .single();
        if (!"PROPOSED".equals(row.status())) {
            throw new ConflictException("PROPOSAL_DECIDED", "matching.proposal.decided");
        }
        if (!row.decidableBy(user) && !(declining && rounds.manages(user, round) && row.declinableBy(user))) {
            throw new ForbiddenException("scope.matching.proposal");
        }
        return new Decision(row, round);
    }

    private static final String PROPOSAL_SELECT = """
            select x.*, d.name as doctor_name, p.name as practice_name, f.name as facility_name, f.residents,
                   f.operator, f.municipality_code, f.group_id, g.name as group_name,
                   (select count(*) from registry_facility m where m.group_id = f.group_id) as group_facilities,
                   (select coalesce(sum(m.residents), 0) from registry_facility m where m.group_id = f.group_id) as group_residents
              from matching_proposal x join registry_doctor d on d.id = x.doctor_id join registry_practice p on p.id = d.practice_id
              join registry_facility f on f.id = x.facility_id
              left join registry_facility_group g on g.id = f.group_id
            """;

    private static Rounds.ProposalRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String limits = rs.getString("limits");
        return new Rounds.ProposalRow(
                rs.getLong("id"),
                rs.getLong("doctor_id"),
                rs.getString("doctor_name"),
                rs.getString("practice_name"),
                rs.getLong("facility_id"),
                rs.getString("facility_name"),
                rs.getInt("residents"),
                (Integer) rs.getObject("doctor_rank", Integer.class),
                rs.getObject("facility_rank", Integer.class),
                SolverFacade.decimal(rs, "distance_km"),
                limits == null ? List.of() : List.of(limits.split("\\|")),
                rs.getString("status"),
                (Long) rs.getObject("agreement_id", Long.class),
                rs.getString("operator"),
                rs.getString("municipality_code"),
                rs.getObject("group_id", Long.class) == null
                        ? null
                        : new Rounds.ProposalRow.Group(
                                rs.getLong("group_id"),
                                rs.getString("group_name"),
                                rs.getInt("group_facilities"),
                                rs.getInt("group_residents")));
    }
}
