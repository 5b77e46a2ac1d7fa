package dk.botilbudslaege.matching;

import dk.botilbudslaege.matching.solver.CoveragePlan;
import java.util.List;

/**
 * The result of a matching round before a person confirms anything (SPEC §6 M5): proposals, each with
 * both parties' rank (stable matching), the distance and the rules that limited it, and the openings
 * left without a doctor with the reasons.
 *
 * @param method        {@code STABLE_MATCHING} or {@code COVERAGE_PLAN}
 * @param detail        how it was run, e.g. {@code DOCTORS} or {@code 25 km}
 * @param plan          the coverage plan's sums, null for stable matching
 * @param whatIfCovered facilities a plan with the what-if dispensations would cover, null when not asked
 * @param whatIfDoctors the doctors that plan gives more facilities than their rules allow today: the
 *                      dispensations worth granting, each with the facilities it would cover
 */
record Outcome(
        String method,
        String detail,
        List<Proposal> proposals,
        List<Unmatched> unmatched,
        CoveragePlan plan,
        Integer whatIfCovered,
        List<WhatIfDoctor> whatIfDoctors) {

    Outcome(
            String method,
            String detail,
            List<Proposal> proposals,
            List<Unmatched> unmatched,
            CoveragePlan plan,
            Integer whatIfCovered) {
        this(method, detail, proposals, unmatched, plan, whatIfCovered, List.of());
    }

    /** A doctor who would need a dispensation in the what-if plan, and the facilities and distances it takes there. */
    record WhatIfDoctor(long doctorId, int capacityToday, List<CoveragePlan.PlannedPair> pairs) {}

    /** A proposed pair; ranks are 1-based positions in the stored lists, null when unranked. */
    record Proposal(
            long doctorId,
            long facilityId,
            Integer doctorRank,
            Integer facilityRank,
            Double distanceKm,
            List<String> limits) {}

    /** An opening left without a doctor and why, as limit codes. */
    record Unmatched(long facilityId, List<String> limits) {}
}
