package dk.botilbudslaege.matching;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.matching.solver.CoveragePlan;
import dk.botilbudslaege.matching.solver.CoveragePlanner;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching rounds (SPEC §6 M1–M5). A municipality (or its region) opens a round: it publishes its
 * openings to the doctors of the area and records how matching happens locally. Until the round
 * closes, doctors rank the openings and facilities the doctors who offered. Closing runs a stable
 * matching or a coverage plan and keeps the outcome as proposals, which {@link Proposals} decides.
 * What each side ranks is {@link Offers}.
 */
@Service
public class Rounds {

    static final String ENTITY = "MATCHING_ROUND";

    /** How far the region's doctors outside a municipality's round may be from an opening, unless chosen. */
    static final double DEFAULT_REACH_KM = 25;

    public record Round(
            long id,
            String regionCode,
            String municipalityCode,
            String areaName,
            MatchMethod localMethod,
            String note,
            LocalDate closesOn,
            String status,
            String outcomeMethod,
            String outcomeDetail,
            String openedBy,
            Instant openedAt,
            String closedBy,
            Instant closedAt,
            int version,
            int openings,
            int proposals,
            double reachKm,
            boolean includeNeighbours) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** An opening as the round's page shows it: how many offered and whether the facility ranked them. */
    public record OpeningRow(
            long facilityId,
            String name,
            String municipalityName,
            int residents,
            int offers,
            int ranked,
            boolean covered) {}

    /** A proposal with names, ready for a page. */
    public record ProposalRow(
            Long id,
            long doctorId,
            String doctorName,
            String practiceName,
            long facilityId,
            String facilityName,
            int residents,
            Integer doctorRank,
            Integer facilityRank,
            Double distanceKm,
            List<String> limits,
            String status,
            Long agreementId,
            String facilityOperator,
            String facilityMunicipalityCode,
            Group group) {

        /** R7: the group (same address or common management) the facility belongs to, with its totals. */
        public record Group(long id, String name, int facilities, int residents) {}

        /**
         * Whether a user may confirm or decline: whoever files the facility's information form (SPEC §3): the
         * region for regional facilities, the municipality for municipal and private ones, or a private
         * facility itself.
         */
        public boolean decidableBy(CurrentUser user) {
            boolean regional = "REGIONAL".equals(facilityOperator);
            boolean files = switch (user.role()) {
                case REGION -> regional;
                case MUNICIPALITY -> !regional && user.inMunicipality(facilityMunicipalityCode);
                case FACILITY ->
                    "PRIVATE".equals(facilityOperator) && user.facilityId() != null && user.facilityId() == facilityId;
                case DOCTOR, NATIONAL, ADMIN -> false;
            };
            return "PROPOSED".equals(status) && files;
        }

        /** Whether the one who runs the round may decline it: never a municipality for a regional facility. */
        public boolean declinableBy(CurrentUser user) {
            return "PROPOSED".equals(status) && (user.is(Role.REGION) || !"REGIONAL".equals(facilityOperator));
        }
    }

    public record UnmatchedRow(long facilityId, String facilityName, List<String> limits) {}

    /** An outcome with names: a preview before closing or the stored proposals after. */
    public record OutcomeView(
            String method,
            String detail,
            List<ProposalRow> proposals,
            List<UnmatchedRow> unmatched,
            CoveragePlan plan,
            Integer whatIfCovered,
            List<WhatIfRow> whatIfDoctors,
            PlanMap map) {}

    /** A doctor who would need a dispensation in the what-if plan, and what it would cover there. */
    public record WhatIfRow(String doctorName, String practiceName, int capacityToday, List<String> facilities) {}

    private final JdbcClient jdbc;
    private final SolverFacade matching;
    private final ApplicationEventPublisher events;
    private final OutcomeViews views;

    private final dk.botilbudslaege.registry.RegionLineage lineage;

    Rounds(
            JdbcClient jdbc,
            SolverFacade matching,
            ApplicationEventPublisher events,
            OutcomeViews views,
            dk.botilbudslaege.registry.RegionLineage lineage) {
        this.lineage = lineage;
        this.jdbc = jdbc;
        this.matching = matching;
        this.events = events;
        this.views = views;
    }

    /** The rounds a user sees: its area's for a municipality or region; the open ones near a doctor. */
    @Transactional(readOnly = true)
    public List<Round> list(CurrentUser user) {
        String where = switch (user.role()) {
            // a merged region also reads its predecessors' rounds (issue 15 item 4)
            case REGION -> "r.region_code in (select region_lineage(:region))";
            case MUNICIPALITY ->
                "(r.municipality_code = :municipality or (r.municipality_code is null and r.region_code = :region))";
            case FACILITY ->
                "exists (select 1 from matching_opening o where o.round_id = r.id and o.facility_id = :facility)";
            case DOCTOR -> "r.status = 'OPEN' and " + doctorArea();
            case NATIONAL, ADMIN -> throw new ForbiddenException("scope.national.aggregatesOnly");
        };
        return jdbc.sql(ROUND_SELECT + " where " + where + " order by r.status desc, r.opened_at desc, r.id desc")
                .param("region", nullSafe(user.regionCode()))
                .param("municipality", nullSafe(user.municipalityCode()))
                .param("facility", user.facilityId() == null ? -1 : user.facilityId())
                .param("practice", user.practiceId() == null ? -1 : user.practiceId())
                .query(Round.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Round get(CurrentUser user, long id) {
        Round round = find(id);
        boolean visible = switch (user.role()) {
            case REGION -> lineage.includes(user.regionCode(), round.regionCode());
            case MUNICIPALITY ->
                user.inMunicipality(round.municipalityCode())
                        || (round.municipalityCode() == null && user.inRegion(round.regionCode()));
            case FACILITY -> user.facilityId() != null && isOpening(id, user.facilityId());
            case DOCTOR -> list(user).stream().anyMatch(r -> r.id() == id) || hasProposalFor(id, user.doctorId());
            case NATIONAL, ADMIN -> throw new ForbiddenException("scope.national.aggregatesOnly");
        };
        if (!visible) {
            throw NotFoundException.of(ENTITY, id);
        }
        return round;
    }

    /**
     * The doctors who take part in a round (issue 14: the area's doctors are told when it opens): those whose
     * practice reaches one of its openings, the rule by which a doctor sees an open round.
     */
    @Transactional(readOnly = true)
    public List<Long> doctorIds(long roundId) {
        return jdbc.sql("""
                        select d.id from registry_doctor d join registry_practice p on p.id = d.practice_id
                         cross join matching_round r
                         where r.id = :round and exists (select 1 from matching_opening o
                                                           join registry_facility f on f.id = o.facility_id
                                                          where o.round_id = r.id and\s""" + takesPart("r", "p", "f") + """
                        )
                         order by d.id
                        """)
                .param("round", roundId)
                .query(Long.class)
                .list();
    }

    /** Whether a user runs and decides this round: the municipality of it, or the region. */
    public boolean manages(CurrentUser user, Round round) {
        return (user.is(Role.REGION) && user.inRegion(round.regionCode()))
                || (user.is(Role.MUNICIPALITY) && user.inMunicipality(round.municipalityCode()));
    }

    /** The facilities the user could publish now: the area's in scope without a doctor. */
    @Transactional(readOnly = true)
    public List<SolverFacade.Opening> candidates(CurrentUser user, String municipalityCode) {
        return publishable(matching.area(user, null, municipalityCode));
    }

    /**
     * The area's facilities without a doctor that no round is dealing with already: not published in an
     * open round, and without a proposal waiting for a decision or a confirmed one whose draft is still on
     * its way (so a facility never gets two proposals or two drafts at once). A municipality publishes
     * only the facilities it files for: not the regional ones.
     */
    private List<SolverFacade.Opening> publishable(Area area) {
        java.util.Set<Long> busy =
                new java.util.HashSet<>(jdbc.sql("""
                        select o.facility_id from matching_opening o join matching_round r on r.id = o.round_id
                         where r.status = 'OPEN'
                        union
                        select x.facility_id from matching_proposal x left join agreement_state a on a.id = x.agreement_id
                         where x.status = 'PROPOSED' or (x.status = 'ACCEPTED' and a.status in ('DRAFT', 'SUBMITTED'))
                        """).query(Long.class).list());
        return matching.uncoveredOpenings(area).stream()
                .filter(o -> !busy.contains(o.id()))
                .filter(o -> !area.municipalOnly() || !"REGIONAL".equals(o.operator()))
                .toList();
    }

    /** Publishes openings with the default reach and the region's doctors only. */
    @Transactional
    public Round open(
            CurrentUser user,
            String municipalityCode,
            MatchMethod localMethod,
            LocalDate closesOn,
            String note,
            List<Long> facilityIds) {
        return open(user, municipalityCode, localMethod, closesOn, note, facilityIds, null, false);
    }

    /**
     * Publishes openings (all the area's uncovered facilities when none are chosen); one open round per area.
     * Besides the doctors of the area, the region's doctors whose practice lies within {@code reachKm} of an
     * opening take part (default {@link #DEFAULT_REACH_KM}), and with {@code includeNeighbours} the doctors
     * of the neighbouring regions within the same distance (issue 11 item 13).
     */
    @Transactional
    public Round open(
            CurrentUser user,
            String municipalityCode,
            MatchMethod localMethod,
            LocalDate closesOn,
            String note,
            List<Long> facilityIds,
            Double reachKm,
            boolean includeNeighbours) {
        Area area = matching.area(user, null, municipalityCode);
        List<FieldProblem> problems = new ArrayList<>();
        if (localMethod == null) {
            problems.add(FieldProblem.of("localMethod", "matching.round.localMethod.required"));
        }
        if (closesOn != null && closesOn.isBefore(LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK))) {
            problems.add(FieldProblem.of("closesOn", "matching.round.closesOn.past"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(FieldProblem.of("note", "matching.round.note.tooLong", 2000));
        }
        if (reachKm != null && !(reachKm > 0 && reachKm <= CoveragePlanner.MAX_DISTANCE_KM)) {
            problems.add(
                    FieldProblem.of("reachKm", "matching.round.reachKm.range", (int) CoveragePlanner.MAX_DISTANCE_KM));
        }
        List<Long> candidates =
                publishable(area).stream().map(SolverFacade.Opening::id).toList();
        Set<Long> chosen = facilityIds == null || facilityIds.isEmpty()
                ? new LinkedHashSet<>(candidates)
                : new LinkedHashSet<>(facilityIds);
        if (!candidates.containsAll(chosen)) {
            problems.add(FieldProblem.of("facilityIds", "matching.round.facility.notOpen"));
        } else if (chosen.isEmpty()) {
            problems.add(FieldProblem.of("facilityIds", "matching.round.noOpenings"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        long id;
        try {
            id = insertRound(
                    area,
                    localMethod,
                    note,
                    closesOn,
                    user,
                    reachKm == null ? DEFAULT_REACH_KM : SolverFacade.round(reachKm),
                    includeNeighbours);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the partial unique index holds one open round per area, also against a round opened at this moment
            throw new ConflictException("ROUND_ALREADY_OPEN", "matching.round.alreadyOpen");
        }
        for (long f : chosen) {
            jdbc.sql("insert into matching_opening (round_id, facility_id) values (:id, :f)")
                    .param("id", id)
                    .param("f", f)
                    .update();
        }
        events.publishEvent(new MatchingEvents.RoundOpened(
                id,
                changes(
                        "localMethod",
                        localMethod.name(),
                        "openings",
                        chosen.size(),
                        "reachKm",
                        reachKm == null ? DEFAULT_REACH_KM : SolverFacade.round(reachKm),
                        "includeNeighbours",
                        includeNeighbours),
                CurrentUsers.actor()));
        return find(id);
    }

    private long insertRound(
            Area area,
            MatchMethod localMethod,
            String note,
            LocalDate closesOn,
            CurrentUser user,
            double reachKm,
            boolean includeNeighbours) {
        return jdbc.sql("""
                        insert into matching_round (region_code, municipality_code, local_method, note, closes_on, opened_by,
                                                    reach_km, include_neighbours)
                        values (:r, :m, :method, :note, :closes, :by, :reach, :neighbours) returning id
                        """)
                .param("reach", reachKm)
                .param("neighbours", includeNeighbours)
                .param("r", area.regionCode())
                .param("m", area.municipalityCode())
                .param("method", localMethod.name())
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("closes", closesOn)
                .param("by", user.username())
                .query(Long.class)
                .single();
    }

    @Transactional(readOnly = true)
    public List<OpeningRow> openings(CurrentUser user, long roundId) {
        get(user, roundId);
        return jdbc.sql("""
                        select f.id as facility_id, f.name, m.name as municipality_name, f.residents,
                               (select count(*) from doctor_wish w join registry_doctor d on d.id = w.doctor_id
                                  join registry_practice p on p.id = d.practice_id
                                 where w.facility_id = f.id and\s""" + takesPart("r", "p", "f") + """
                               ) as offers,
                               (select count(*) from facility_priority p where p.facility_id = f.id) as ranked,
                               exists (select 1 from agreement_facility_coverage c where c.facility_id = f.id
                                          and c.period && daterange(current_date, null)) as covered
                          from matching_opening o join matching_round r on r.id = o.round_id join registry_facility f on f.id = o.facility_id
                          join registry_municipality m on m.code = f.municipality_code
                         where o.round_id = :id and (:municipality = '' or f.municipality_code = :municipality)
                         order by f.name, f.id
                        """)
                .param("id", roundId)
                .param("municipality", user.is(Role.MUNICIPALITY) ? user.municipalityCode() : "")
                .query(OpeningRow.class)
                .list();
    }

    /**
     * A coverage plan of an area's facilities without a doctor, outside any round (M4): nothing is
     * published or stored; for a region or municipality to see the scarcity and the value of dispensations.
     */
    @Transactional(readOnly = true)
    public OutcomeView plan(
            CurrentUser user,
            String municipalityCode,
            Double maxDistanceKm,
            boolean whatIf,
            Integer facilitiesPerDoctor,
            boolean neighbourRegions) {
        Area area = matching.area(user, null, municipalityCode).withNeighbours(neighbourRegions ? maxDistanceKm : null);
        int perDoctor = SolverFacade.whatIfPerDoctor(maxDistanceKm, whatIf, facilitiesPerDoctor);
        return views.named(matching.planOutcome(area, matching.uncoveredOpenings(area), maxDistanceKm, perDoctor));
    }

    /** What closing would give, without storing anything. */
    @Transactional(readOnly = true)
    public OutcomeView preview(CurrentUser user, long roundId, Run run) {
        Round round = requireManaged(user, roundId);
        requireOpen(round);
        return views.named(outcome(round, run));
    }

    /** Runs the round and keeps its outcome as proposals; the lists of its openings are then final. */
    @Transactional
    public Round close(CurrentUser user, long roundId, Run run, Integer version) {
        requireManaged(user, roundId);
        // lock the round first: list changes share-lock it (RankedLists), so none slips in between
        // computing the outcome and closing
        jdbc.sql("select id from matching_round where id = :id for update")
                .param("id", roundId)
                .query(Long.class)
                .single();
        Round round = find(roundId);
        requireOpen(round);
        Outcome outcome = outcome(round, run);
        int changed = jdbc.sql("""
                        update matching_round set status = 'CLOSED', outcome_method = :method, outcome_detail = :detail,
                               closed_by = :by, closed_at = now(), version = version + 1
                         where id = :id and status = 'OPEN' and (:version::int is null or version = :version::int)
                        """)
                .param("method", outcome.method())
                .param("detail", outcome.detail())
                .param("by", user.username())
                .param("id", roundId)
                .param("version", version)
                .update();
        if (changed == 0) {
            throw new ConcurrentChangeException(ENTITY, roundId);
        }
        for (Outcome.Proposal p : outcome.proposals()) {
            jdbc.sql("""
                            insert into matching_proposal (round_id, doctor_id, facility_id, doctor_rank, facility_rank,
                                                           distance_km, limits)
                            values (:round, :doctor, :facility, :dr, :fr, :km, :limits)
                            """)
                    .param("round", roundId)
                    .param("doctor", p.doctorId())
                    .param("facility", p.facilityId())
                    .param("dr", p.doctorRank())
                    .param("fr", p.facilityRank())
                    .param("km", p.distanceKm())
                    .param("limits", p.limits().isEmpty() ? null : String.join("|", p.limits()))
                    .update();
        }
        events.publishEvent(new MatchingEvents.RoundClosed(
                roundId,
                changes(
                        "method",
                        outcome.method(),
                        "detail",
                        outcome.detail(),
                        "proposals",
                        outcome.proposals().size()),
                CurrentUsers.actor()));
        return find(roundId);
    }

    /** How to run a round: stable matching from one side, or a coverage plan within a distance. */
    public record Run(
            MatchMethod method,
            SolverFacade.Proposing proposing,
            Double maxDistanceKm,
            boolean whatIf,
            Integer facilitiesPerDoctor) {}

    private Outcome outcome(Round round, Run run) {
        Area area = Area.of(round);
        List<SolverFacade.Opening> openings = jdbc.sql("""
                        select f.id, f.name, f.residents, f.latitude, f.longitude, f.operator
                          from matching_opening o join registry_facility f on f.id = o.facility_id
                         where o.round_id = :id
                           and not exists (select 1 from agreement_facility_coverage c where c.facility_id = f.id
                                            and c.period && daterange(current_date, null))
                         order by f.id
                        """)
                .param("id", round.id())
                .query(SolverFacade.Opening.class)
                .list();
        if (run == null || run.method() == null) {
            throw InvalidInputException.of(FieldProblem.of("method", "matching.round.method.required"));
        }
        return switch (run.method()) {
            case STABLE_MATCHING -> {
                if (run.proposing() == null) {
                    throw InvalidInputException.of(FieldProblem.of("proposing", "matching.proposing.required"));
                }
                yield matching.stableOutcome(area, openings, run.proposing());
            }
            case COVERAGE_PLAN -> {
                int perDoctor =
                        SolverFacade.whatIfPerDoctor(run.maxDistanceKm(), run.whatIf(), run.facilitiesPerDoctor());
                yield matching.planOutcome(area, openings, run.maxDistanceKm(), perDoctor);
            }
            default -> throw InvalidInputException.of(FieldProblem.of("method", "matching.round.method.required"));
        };
    }

    private Round requireManaged(CurrentUser user, long roundId) {
        Round round = get(user, roundId);
        if (!manages(user, round)) {
            throw new ForbiddenException("scope.matching.round");
        }
        return round;
    }

    private static void requireOpen(Round round) {
        if (!round.open()) {
            throw new ConflictException("ROUND_CLOSED", "matching.round.closed");
        }
    }

    private Round find(long id) {
        return jdbc.sql(ROUND_SELECT + " where r.id = :id")
                .param("id", id)
                .query(Round.class)
                .optional()
                .orElseThrow(() -> NotFoundException.of(ENTITY, id));
    }

    private boolean isOpening(long roundId, long facilityId) {
        return jdbc.sql("select exists (select 1 from matching_opening where round_id = :r and facility_id = :f)")
                .param("r", roundId)
                .param("f", facilityId)
                .query(Boolean.class)
                .single();
    }

    private boolean hasProposalFor(long roundId, Long doctorId) {
        return doctorId != null
                && jdbc.sql("select exists (select 1 from matching_proposal where round_id = :r and doctor_id = :d)")
                        .param("r", roundId)
                        .param("d", doctorId)
                        .query(Boolean.class)
                        .single();
    }

    /** A doctor of practice {@code :practice} takes part in round {@code r}: for one of its openings at least. */
    static String doctorArea() {
        return "exists (select 1 from registry_practice p join matching_opening o on o.round_id = r.id join registry_facility f on f.id = o.facility_id"
                + " where p.id = :practice and " + takesPart("r", "p", "f") + ")";
    }

    /**
     * Whether the doctors of practice {@code p} take part in round {@code r} for its opening {@code f} (SQL
     * aliases; issue 11 item 13): a practice in the round's area always; elsewhere in the round's region
     * within the round's reach; in a neighbouring region within the reach when the round includes them.
     * The same rule as {@link Area#reachOf} and {@link AreaDoctors.PracticeRoom#reaches}, in SQL.
     */
    static String takesPart(String r, String p, String f) {
        String within = "haversine_km(" + p + ".latitude, " + p + ".longitude, " + f + ".latitude, " + f
                + ".longitude) <= " + r + ".reach_km";
        return "exists (select 1 from current_municipality_region pcr where pcr.municipality_code = " + p
                + ".municipality_code"
                + " and ((pcr.region_code = " + r + ".region_code and (" + r + ".municipality_code is null or "
                + r + ".municipality_code = " + p + ".municipality_code or " + within + "))"
                + " or (" + r
                + ".include_neighbours and pcr.region_code in (select neighbour_code from region_neighbour rn"
                + " where rn.region_code = " + r + ".region_code) and " + within + ")))";
    }

    static Map<String, AuditTrail.Change> changes(Object... keysAndValues) {
        Map<String, AuditTrail.Change> changes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.put((String) keysAndValues[i], new AuditTrail.Change(null, keysAndValues[i + 1]));
        }
        return changes;
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }

    private static final String ROUND_SELECT = """
            select r.*, coalesce(m.name, g.name) as area_name,
                   (select count(*) from matching_opening o where o.round_id = r.id) as openings,
                   (select count(*) from matching_proposal x where x.round_id = r.id) as proposals
              from matching_round r join registry_region g on g.code = r.region_code
              left join registry_municipality m on m.code = r.municipality_code
            """;
}
