package dk.botilbudslaege.matching;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.matching.solver.CoverageInstance;
import dk.botilbudslaege.matching.solver.CoveragePlan;
import dk.botilbudslaege.matching.solver.CoveragePlanner;
import dk.botilbudslaege.matching.solver.Haversine;
import dk.botilbudslaege.matching.solver.Matching;
import dk.botilbudslaege.matching.solver.MatchingInstance;
import dk.botilbudslaege.matching.solver.Pair;
import dk.botilbudslaege.matching.solver.StableMatching;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching over an area (SPEC §6 M3, M4): a stable matching of the stored wish and priority lists, or a
 * coverage plan. Only the area's doctors (by their practice: every doctor of its region, and those of the
 * neighbouring regions within the distance when asked, see {@link Area}) and its openings take part: the facilities
 * in scope today without an agreement in force, or the openings a round published. Each doctor's room
 * follows R1–R3 and the dispensations ({@link AreaDoctors}).
 */
@Service
public class SolverFacade {

    public enum Proposing {
        DOCTORS,
        FACILITIES
    }

    /** A facility open for a doctor, with what planning needs of it. */
    record Opening(long id, String name, int residents, Double latitude, Double longitude, String operator) {}

    static final int DEFAULT_WHAT_IF_PER_DOCTOR = 2;
    static final int MAX_WHAT_IF_PER_DOCTOR = 10;

    private final JdbcClient jdbc;
    private final AreaDoctors areaDoctors;

    SolverFacade(JdbcClient jdbc, AreaDoctors areaDoctors) {
        this.jdbc = jdbc;
        this.areaDoctors = areaDoctors;
    }

    /** The great-circle distance in km the solver uses, for those outside matching (e.g. the demo's wish lists). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        return Haversine.km(lat1, lon1, lat2, lon2);
    }

    /**
     * The answer of {@code POST /matching/stable} (API.md): the pairs and the facilities left without a
     * doctor; each pair also carries both ranks (1-based) and the distance in km (extensions).
     */
    public record StableAnswer(List<StablePair> pairs, List<Long> unmatchedFacilityIds) {}

    public record StablePair(
            long doctorId, long facilityId, Integer doctorRank, Integer facilityRank, Double distanceKm) {}

    /** {@code POST /matching/stable}: the stable matching of the area's openings. */
    @Transactional(readOnly = true)
    public StableAnswer stable(CurrentUser user, String regionCode, String municipalityCode, Proposing proposing) {
        Area area = area(user, regionCode, municipalityCode);
        if (proposing == null) {
            throw InvalidInputException.of(FieldProblem.of("proposing", "matching.proposing.required"));
        }
        Outcome outcome = stableOutcome(area, uncoveredOpenings(area), proposing);
        return new StableAnswer(
                outcome.proposals().stream()
                        .map(p -> new StablePair(
                                p.doctorId(), p.facilityId(), p.doctorRank(), p.facilityRank(), p.distanceKm()))
                        .toList(),
                outcome.unmatched().stream().map(Outcome.Unmatched::facilityId).toList());
    }

    /** {@code POST /matching/coverage-plan}: the optimal plan for the area's openings. */
    @Transactional(readOnly = true)
    public CoveragePlan coveragePlan(
            CurrentUser user,
            String regionCode,
            String municipalityCode,
            Double maxDistanceKm,
            boolean allowMultipleFacilities,
            Integer facilitiesPerDoctor,
            boolean neighbourRegions) {
        Area area = area(user, regionCode, municipalityCode).withNeighbours(neighbourRegions ? maxDistanceKm : null);
        int whatIf = whatIfPerDoctor(maxDistanceKm, allowMultipleFacilities, facilitiesPerDoctor);
        return rounded(plan(area, uncoveredOpenings(area), maxDistanceKm, whatIf));
    }

    /** Validates a plan's distance and what-if; the doctors' what-if capacity, 0 when not asked. */
    static int whatIfPerDoctor(Double maxDistanceKm, boolean allowMultiple, Integer facilitiesPerDoctor) {
        List<FieldProblem> problems = new ArrayList<>();
        if (maxDistanceKm == null || !(maxDistanceKm > 0 && maxDistanceKm <= CoveragePlanner.MAX_DISTANCE_KM)) {
            problems.add(FieldProblem.of(
                    "maxDistanceKm", "matching.maxDistanceKm.range", (int) CoveragePlanner.MAX_DISTANCE_KM));
        }
        if (facilitiesPerDoctor != null && (facilitiesPerDoctor < 2 || facilitiesPerDoctor > MAX_WHAT_IF_PER_DOCTOR)) {
            problems.add(FieldProblem.of(
                    "facilitiesPerDoctor", "matching.facilitiesPerDoctor.range", MAX_WHAT_IF_PER_DOCTOR));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        return allowMultiple ? (facilitiesPerDoctor == null ? DEFAULT_WHAT_IF_PER_DOCTOR : facilitiesPerDoctor) : 0;
    }

    /** The area a user may match in: a municipality its own; a region its region or one of its municipalities. */
    Area area(CurrentUser user, String regionCode, String municipalityCode) {
        if (municipalityCode != null && !municipalityCode.isBlank()) {
            String region = jdbc.sql("select region_code from current_municipality_region where municipality_code = :m")
                    .param("m", municipalityCode)
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> InvalidInputException.of(FieldProblem.of(
                            "municipalityCode", "facility.municipalityCode.unknown", municipalityCode)));
            if (regionCode != null && !regionCode.isBlank() && !regionCode.equals(region)) {
                throw InvalidInputException.of(
                        FieldProblem.of("regionCode", "matching.regionCode.mismatch", municipalityCode, region));
            }
            boolean allowed = user.is(Role.REGION)
                    ? user.inRegion(region)
                    : user.is(Role.MUNICIPALITY) && user.inMunicipality(municipalityCode);
            if (!allowed) {
                throw new ForbiddenException("scope.matching.round");
            }
            return new Area(region, municipalityCode, user.is(Role.MUNICIPALITY));
        }
        if (user.is(Role.MUNICIPALITY)) {
            if (regionCode != null && !regionCode.isBlank() && !user.inRegion(regionCode)) {
                throw new ForbiddenException("scope.matching.round");
            }
            return new Area(user.regionCode(), user.municipalityCode(), true);
        }
        if (!user.is(Role.REGION) || (regionCode != null && !regionCode.isBlank() && !user.inRegion(regionCode))) {
            throw new ForbiddenException("scope.matching.round");
        }
        return new Area(user.regionCode(), null);
    }

    /** The area's facilities in scope today without an agreement in force from today. */
    List<Opening> uncoveredOpenings(Area area) {
        return jdbc.sql("""
                        select f.id, f.name, f.residents, f.latitude, f.longitude, f.operator from registry_facility f
                         where\s""" + area.condition("f.municipality_code") + """
                           and legal_basis_in_scope(f.legal_basis, current_date)
                           and not exists (select 1 from agreement_facility_coverage c where c.facility_id = f.id
                                            and c.period && daterange(current_date, null))
                         order by f.id
                        """)
                .param("areaCode", area.code())
                .query(Opening.class)
                .list();
    }

    /** A numeric column as a double, null when null. */
    static Double decimal(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    static Double decimal(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    /** A row of three ids or ranks: (doctor, facility, rank) or (facility, doctor, rank). */
    private static long[] threeLongs(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }

    /** Stable matching of the stored lists between the area's doctors and the openings. */
    Outcome stableOutcome(Area area, List<Opening> openings, Proposing proposing) {
        AreaDoctors.Rooms rooms = areaDoctors.rooms(area, 0);
        Map<Long, Opening> byId = new LinkedHashMap<>();
        openings.forEach(o -> byId.put(o.id(), o));
        Map<Long, List<Long>> wishes = new LinkedHashMap<>();
        Map<Long, List<Long>> priorities = new LinkedHashMap<>();
        Map<List<Long>, Integer> doctorRank = new HashMap<>();
        Map<List<Long>, Integer> facilityRank = new HashMap<>();
        openings.forEach(o -> priorities.put(o.id(), new ArrayList<>()));
        if (!openings.isEmpty() && !rooms.doctors().isEmpty()) {
            jdbc.sql(
                            "select doctor_id, facility_id, rank from doctor_wish where facility_id in (:f) and doctor_id in (:d) "
                                    + "order by doctor_id, rank")
                    .param("f", List.copyOf(byId.keySet()))
                    .param("d", List.copyOf(rooms.doctors().keySet()))
                    .query(SolverFacade::threeLongs)
                    .list()
                    .forEach(r -> {
                        // a doctor of a neighbouring region offers only for the openings within the round's distance
                        Opening o = byId.get(r[1]);
                        if (rooms.practiceOf(r[0]).reaches(o.latitude(), o.longitude())) {
                            wishes.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
                            doctorRank.put(List.of(r[0], r[1]), (int) r[2]);
                        }
                    });
            jdbc.sql("select facility_id, doctor_id, rank from facility_priority where facility_id in (:f) "
                            + "and doctor_id in (:d) order by facility_id, rank")
                    .param("f", List.copyOf(byId.keySet()))
                    .param("d", List.copyOf(rooms.doctors().keySet()))
                    .query(SolverFacade::threeLongs)
                    .list()
                    .forEach(r -> {
                        priorities.get(r[0]).add(r[1]);
                        facilityRank.put(List.of(r[1], r[0]), (int) r[2]);
                    });
        }
        MatchingInstance.Builder builder = MatchingInstance.builder();
        rooms.practices().values().forEach(p -> builder.practice(p.id(), p.room()));
        wishes.forEach((doctor, ranked) -> {
            AreaDoctors.DoctorRoom room = rooms.doctors().get(doctor);
            if (room.alreadyCounted()) {
                // R3 counts a dispensed doctor once, and this one is counted already: its further facilities
                // use none of the practice's room
                builder.doctor(doctor, room.capacity(), ranked);
            } else {
                builder.doctorInPractice(doctor, room.capacity(), room.practiceId(), ranked);
            }
        });
        priorities.forEach((facility, ranked) -> builder.facility(
                facility, ranked.stream().filter(wishes::containsKey).toList()));
        MatchingInstance instance = builder.build();
        Matching matching = proposing == Proposing.DOCTORS
                ? StableMatching.doctorProposing(instance)
                : StableMatching.facilityProposing(instance);
        List<Outcome.Proposal> proposals = new ArrayList<>();
        for (Pair p : matching.pairs()) {
            List<Long> key = List.of(p.doctorId(), p.facilityId());
            proposals.add(new Outcome.Proposal(
                    p.doctorId(),
                    p.facilityId(),
                    doctorRank.get(key),
                    facilityRank.get(key),
                    distance(rooms.practiceOf(p.doctorId()), byId.get(p.facilityId())),
                    limitsAbove(priorities.get(p.facilityId()), p.doctorId(), p.facilityId(), wishes, rooms)));
        }
        List<Outcome.Unmatched> unmatched = new ArrayList<>();
        for (long f : matching.unmatchedFacilityIds()) {
            List<String> limits = limitsAbove(priorities.get(f), null, f, wishes, rooms);
            boolean offered = wishes.values().stream().anyMatch(list -> list.contains(f));
            if (!offered) {
                limits = List.of("NO_OFFERS");
            } else if (priorities.get(f).isEmpty()) {
                limits = List.of("NOT_RANKED");
            }
            unmatched.add(new Outcome.Unmatched(f, limits));
        }
        return new Outcome("STABLE_MATCHING", proposing.name(), proposals, unmatched, null, null);
    }

    /**
     * The doctors a facility ranked above its match (all, when unmatched) who offered themselves too but
     * whom a rule held back: "R1:name" and so on.
     */
    private static List<String> limitsAbove(
            List<Long> priorities, Long matched, long facility, Map<Long, List<Long>> wishes, AreaDoctors.Rooms rooms) {
        List<String> limits = new ArrayList<>();
        for (long doctor : priorities) {
            if (matched != null && doctor == matched) {
                break;
            }
            AreaDoctors.Limit limit = rooms.limitOf(doctor);
            if (wishes.getOrDefault(doctor, List.of()).contains(facility)
                    && rooms.matchingCapacity(doctor) == 0
                    && limit != null) {
                limits.add(limit.name() + ":" + rooms.doctors().get(doctor).name());
            }
        }
        return limits;
    }

    /** The optimal coverage plan of the openings by the area's doctors, as proposals. */
    Outcome planOutcome(Area area, List<Opening> openings, double maxDistanceKm, int whatIfPerDoctor) {
        AreaDoctors.Rooms rooms = areaDoctors.rooms(area, 0);
        CoverageInstance today = instance(openings, rooms);
        CoveragePlan plan = plan(today, null, maxDistanceKm);
        CoveragePlan whatIfPlan = whatIfPerDoctor == 0
                ? null
                : rounded(plan(today, instance(openings, areaDoctors.rooms(area, whatIfPerDoctor)), maxDistanceKm));
        List<Outcome.WhatIfDoctor> dispensations = new ArrayList<>();
        if (whatIfPlan != null) {
            Map<Long, List<CoveragePlan.PlannedPair>> byDoctor = new LinkedHashMap<>();
            whatIfPlan
                    .pairs()
                    .forEach(p -> byDoctor.computeIfAbsent(p.doctorId(), k -> new ArrayList<>())
                            .add(p));
            byDoctor.forEach((doctor, pairs) -> {
                int capacityToday = rooms.doctors().get(doctor).capacity();
                if (pairs.size() > capacityToday) {
                    dispensations.add(new Outcome.WhatIfDoctor(doctor, capacityToday, pairs));
                }
            });
        }
        List<Outcome.Proposal> proposals = new ArrayList<>();
        for (CoveragePlan.PlannedPair p : plan.pairs()) {
            AreaDoctors.Limit limit = rooms.doctors().get(p.doctorId()).limit();
            proposals.add(new Outcome.Proposal(
                    p.doctorId(),
                    p.facilityId(),
                    null,
                    null,
                    round(p.distanceKm()),
                    limit == AreaDoctors.Limit.DISPENSATION ? List.of("DISPENSATION:") : List.of()));
        }
        String km = BigDecimal.valueOf(maxDistanceKm).stripTrailingZeros().toPlainString();
        List<Outcome.Unmatched> unmatched = new ArrayList<>();
        plan.uncoveredFacilityIds()
                .forEach(f -> unmatched.add(new Outcome.Unmatched(f, List.of("NO_DOCTOR_WITHIN:" + km))));
        plan.facilitiesWithoutCoordinates()
                .forEach(f -> unmatched.add(new Outcome.Unmatched(f, List.of("NO_COORDINATES:"))));
        String detail = km + (whatIfPerDoctor > 0 ? "/" + whatIfPerDoctor : "");
        return new Outcome(
                "COVERAGE_PLAN",
                detail,
                proposals,
                unmatched,
                rounded(plan),
                whatIfPlan == null ? null : whatIfPlan.coveredFacilities(),
                dispensations);
    }

    /** The plan of today's rooms, or with {@code area} given its what-if plan for that many facilities a doctor. */
    private CoveragePlan plan(Area area, List<Opening> openings, double maxDistanceKm, int whatIfPerDoctor) {
        CoverageInstance today = instance(openings, areaDoctors.rooms(area, 0));
        return plan(
                today,
                whatIfPerDoctor == 0 ? null : instance(openings, areaDoctors.rooms(area, whatIfPerDoctor)),
                maxDistanceKm);
    }

    /** Today's plan, or with {@code whatIf} the what-if plan measured against today. */
    private static CoveragePlan plan(CoverageInstance today, CoverageInstance whatIf, double maxDistanceKm) {
        try {
            return whatIf == null
                    ? CoveragePlanner.plan(today, maxDistanceKm)
                    : CoveragePlanner.whatIf(today, whatIf, maxDistanceKm);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(FieldProblem.of(
                    "maxDistanceKm", "matching.maxDistanceKm.range", (int) CoveragePlanner.MAX_DISTANCE_KM));
        }
    }

    private static CoverageInstance instance(List<Opening> openings, AreaDoctors.Rooms rooms) {
        CoverageInstance.Builder b = CoverageInstance.builder();
        openings.forEach(o -> b.facility(o.id(), o.residents(), o.latitude(), o.longitude()));
        rooms.practices().values().forEach(p -> b.practice(p.id(), p.room(), p.latitude(), p.longitude(), p.reachKm()));
        rooms.doctors()
                .values()
                .forEach(d -> b.doctor(d.id(), d.practiceId(), d.capacity(), d.dispensed(), d.heldRoles()));
        return b.build();
    }

    static Double distance(AreaDoctors.PracticeRoom practice, Opening facility) {
        return practice == null || facility == null
                ? null
                : km(practice.latitude(), practice.longitude(), facility.latitude(), facility.longitude());
    }

    /** The distance in km to one decimal between two places, null when either has no coordinates. */
    static Double km(Double lat1, Double lon1, Double lat2, Double lon2) {
        return lat1 == null || lat2 == null ? null : round(Haversine.km(lat1, lon1, lat2, lon2));
    }

    static double round(double km) {
        return BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static CoveragePlan rounded(CoveragePlan plan) {
        return new CoveragePlan(
                plan.pairs().stream()
                        .map(p -> new CoveragePlan.PlannedPair(p.doctorId(), p.facilityId(), round(p.distanceKm())))
                        .toList(),
                plan.coveredFacilities(),
                plan.coveredResidents(),
                round(plan.totalDistanceKm()),
                plan.uncoveredFacilityIds(),
                plan.facilitiesWithoutCoordinates(),
                plan.doctorsWithoutCoordinates());
    }
}
