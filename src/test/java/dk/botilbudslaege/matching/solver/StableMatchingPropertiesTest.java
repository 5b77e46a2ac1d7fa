package dk.botilbudslaege.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property tests on seeded random instances (SPEC §6 M3): both directions always give a valid matching
 * without blocking pairs; without practices, doctor-proposing is doctor-optimal and facility-proposing
 * facility-optimal, checked against every stable matching of small instances.
 */
class StableMatchingPropertiesTest {

    private static Random seeded(RepetitionInfo info, long salt) {
        return new Random(info.getCurrentRepetition() * 7_919L + salt);
    }

    @RepeatedTest(300)
    void both_directions_give_a_valid_matching_without_blocking_pairs_even_with_practices(RepetitionInfo info) {
        Random random = seeded(info, 1);
        MatchingInstance in = RandomInstances.random(random, 40, 60, random.nextBoolean());

        for (Matching m : List.of(StableMatching.doctorProposing(in), StableMatching.facilityProposing(in))) {
            assertThat(BlockingPairs.validate(in, m)).as("%s%n%s", in, m).isEmpty();
            assertThat(BlockingPairs.find(in, m)).as("%s%n%s", in, m).isEmpty();
            assertEveryoneRankedTheirPartner(in, m);
        }
    }

    @RepeatedTest(300)
    void every_doctor_weakly_prefers_doctor_proposing_and_every_facility_facility_proposing(RepetitionInfo info) {
        MatchingInstance in = RandomInstances.random(seeded(info, 2), 40, 60, false);

        Matching byDoctors = StableMatching.doctorProposing(in);
        Matching byFacilities = StableMatching.facilityProposing(in);

        for (long doctor : in.doctorIds) {
            assertThat(Preferences.doctorWeaklyPrefers(in, doctor, byDoctors, byFacilities))
                    .as("doctor %d%n%s%n%s%n%s", doctor, in, byDoctors, byFacilities)
                    .isTrue();
        }
        for (long facility : in.facilityIds) {
            assertThat(Preferences.facilityWeaklyPrefers(in, facility, byFacilities, byDoctors))
                    .as("facility %d%n%s%n%s%n%s", facility, in, byDoctors, byFacilities)
                    .isTrue();
        }
        assertThat(byDoctors.pairs()).hasSameSizeAs(byFacilities.pairs());
    }

    @RepeatedTest(300)
    void on_small_instances_doctor_proposing_is_doctor_optimal_and_facility_proposing_facility_optimal(
            RepetitionInfo info) {
        MatchingInstance in = RandomInstances.random(seeded(info, 3), 6, 6, false);

        Matching byDoctors = StableMatching.doctorProposing(in);
        Matching byFacilities = StableMatching.facilityProposing(in);
        List<Matching> stable = BruteForce.allStableMatchings(in);

        assertThat(stable).as("%s", in).isNotEmpty().contains(byDoctors, byFacilities);
        for (Matching other : stable) {
            for (long doctor : in.doctorIds) {
                assertThat(Preferences.doctorWeaklyPrefers(in, doctor, byDoctors, other))
                        .as("doctor %d%n%s%n%s%n%s", doctor, in, byDoctors, other)
                        .isTrue();
            }
            for (long facility : in.facilityIds) {
                assertThat(Preferences.facilityWeaklyPrefers(in, facility, byFacilities, other))
                        .as("facility %d%n%s%n%s%n%s", facility, in, byFacilities, other)
                        .isTrue();
            }
        }
    }

    @RepeatedTest(300)
    void on_small_instances_with_practices_both_results_are_among_the_stable_matchings(RepetitionInfo info) {
        MatchingInstance in = RandomInstances.random(seeded(info, 4), 6, 6, true);

        List<Matching> stable = BruteForce.allStableMatchings(in);

        assertThat(stable)
                .as("%s", in)
                .contains(StableMatching.doctorProposing(in), StableMatching.facilityProposing(in));
    }

    @RepeatedTest(300)
    void the_cut_lists_keep_exactly_the_mutually_acceptable_pairs_and_know_each_others_positions(RepetitionInfo info) {
        MatchingInstance in = RandomInstances.random(seeded(info, 5), 40, 60, true);

        for (int d = 0; d < in.doctorCount(); d++) {
            for (int k = 0; k < in.doctorPrefs[d].length; k++) {
                int f = in.doctorPrefs[d][k];
                assertThat(in.rankAtFacility[d][k])
                        .isEqualTo(in.facilityRank(f, d))
                        .isNotNegative();
            }
        }
        for (int f = 0; f < in.facilityCount(); f++) {
            for (int k = 0; k < in.facilityPrefs[f].length; k++) {
                int d = in.facilityPrefs[f][k];
                assertThat(in.rankAtDoctor[f][k]).isEqualTo(in.doctorRank(d, f)).isNotNegative();
            }
        }
    }

    private static void assertEveryoneRankedTheirPartner(MatchingInstance in, Matching m) {
        for (Pair pair : m.pairs()) {
            assertThat(in.acceptableFacilities(pair.doctorId())).contains(pair.facilityId());
            assertThat(in.acceptableDoctors(pair.facilityId())).contains(pair.doctorId());
        }
    }
}
