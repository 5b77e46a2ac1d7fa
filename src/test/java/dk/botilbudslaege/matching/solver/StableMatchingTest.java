package dk.botilbudslaege.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Textbook instances with known answers (SPEC §6 M3). */
class StableMatchingTest {

    /** Each doctor's first choice ranks that doctor last; each facility's first choice ranks it last. */
    private static MatchingInstance latinSquare() {
        return MatchingInstance.builder()
                .doctor(1, 1, List.of(10L, 20L, 30L))
                .doctor(2, 1, List.of(20L, 30L, 10L))
                .doctor(3, 1, List.of(30L, 10L, 20L))
                .facility(10, List.of(2L, 3L, 1L))
                .facility(20, List.of(3L, 1L, 2L))
                .facility(30, List.of(1L, 2L, 3L))
                .build();
    }

    @Test
    void doctors_proposing_every_doctor_gets_its_first_choice() {
        Matching m = StableMatching.doctorProposing(latinSquare());

        assertThat(m.pairs()).containsExactly(new Pair(1, 10), new Pair(2, 20), new Pair(3, 30));
        assertThat(m.unmatchedFacilityIds()).isEmpty();
    }

    @Test
    void facilities_proposing_every_facility_gets_its_first_choice() {
        Matching m = StableMatching.facilityProposing(latinSquare());

        assertThat(m.pairs()).containsExactly(new Pair(2, 10), new Pair(3, 20), new Pair(1, 30));
        assertThat(m.unmatchedFacilityIds()).isEmpty();
    }

    @Test
    void the_latin_square_has_three_stable_matchings_and_the_checker_finds_exactly_them() {
        MatchingInstance in = latinSquare();

        assertThat(BruteForce.allStableMatchings(in))
                .extracting(Matching::pairs)
                .containsExactlyInAnyOrder(
                        List.of(new Pair(1, 10), new Pair(2, 20), new Pair(3, 30)),
                        List.of(new Pair(3, 10), new Pair(1, 20), new Pair(2, 30)),
                        List.of(new Pair(2, 10), new Pair(3, 20), new Pair(1, 30)));
    }

    @Test
    void a_party_never_gets_someone_it_did_not_rank() {
        MatchingInstance in = MatchingInstance.builder()
                .doctor(1, 1, List.of(10L))
                .doctor(2, 1, List.of(20L))
                .facility(10, List.of(2L))
                .facility(20, List.of(2L, 1L))
                .build();

        for (Matching m : List.of(StableMatching.doctorProposing(in), StableMatching.facilityProposing(in))) {
            assertThat(m.pairs()).containsExactly(new Pair(2, 20));
            assertThat(m.unmatchedFacilityIds()).containsExactly(10L);
        }
    }

    @Test
    void a_facility_nobody_ranks_stays_unmatched() {
        MatchingInstance in = MatchingInstance.builder()
                .doctor(1, 2, List.of(10L))
                .facility(10, List.of(1L))
                .facility(20, List.of(1L))
                .build();

        assertThat(StableMatching.doctorProposing(in).unmatchedFacilityIds()).containsExactly(20L);
        assertThat(StableMatching.facilityProposing(in).unmatchedFacilityIds()).containsExactly(20L);
    }

    @Test
    void a_doctor_with_capacity_zero_gets_nothing() {
        MatchingInstance in = MatchingInstance.builder()
                .doctor(1, 0, List.of(10L))
                .facility(10, List.of(1L))
                .build();

        assertThat(StableMatching.doctorProposing(in).pairs()).isEmpty();
        assertThat(StableMatching.facilityProposing(in).pairs()).isEmpty();
    }

    @Test
    void a_doctor_with_capacity_two_takes_its_two_best_among_those_that_want_it() {
        MatchingInstance in = MatchingInstance.builder()
                .doctor(1, 2, List.of(10L, 20L, 30L))
                .doctor(2, 1, List.of(10L, 20L, 30L))
                .facility(10, List.of(1L, 2L))
                .facility(20, List.of(1L, 2L))
                .facility(30, List.of(1L, 2L))
                .build();

        for (Matching m : List.of(StableMatching.doctorProposing(in), StableMatching.facilityProposing(in))) {
            assertThat(m.pairs()).containsExactly(new Pair(1, 10), new Pair(1, 20), new Pair(2, 30));
        }
    }

    @Test
    void with_capacity_one_the_same_doctor_takes_only_its_best() {
        MatchingInstance in = MatchingInstance.builder()
                .doctor(1, 1, List.of(20L, 10L))
                .facility(10, List.of(1L))
                .facility(20, List.of(1L))
                .build();

        assertThat(StableMatching.doctorProposing(in).pairs()).containsExactly(new Pair(1, 20));
        assertThat(StableMatching.facilityProposing(in).pairs()).containsExactly(new Pair(1, 20));
    }

    @Test
    void doctors_of_a_full_practice_share_its_remaining_capacity() {
        MatchingInstance in = MatchingInstance.builder()
                .practice(7, 1)
                .doctorInPractice(1, 1, 7, List.of(10L))
                .doctorInPractice(2, 1, 7, List.of(20L))
                .facility(10, List.of(1L))
                .facility(20, List.of(2L))
                .build();

        Matching byDoctors = StableMatching.doctorProposing(in);
        Matching byFacilities = StableMatching.facilityProposing(in);

        assertThat(byDoctors.pairs()).containsExactly(new Pair(1, 10));
        assertThat(byFacilities.pairs()).containsExactly(new Pair(1, 10));
        assertThat(BlockingPairs.find(in, byDoctors)).isEmpty();
        assertThat(BlockingPairs.find(in, byFacilities)).isEmpty();
    }

    @Test
    void a_doctor_of_a_full_practice_still_swaps_for_a_facility_it_prefers() {
        MatchingInstance in = MatchingInstance.builder()
                .practice(7, 1)
                .doctorInPractice(1, 2, 7, List.of(20L, 10L))
                .facility(10, List.of(1L))
                .facility(20, List.of(1L))
                .build();

        assertThat(StableMatching.doctorProposing(in).pairs()).containsExactly(new Pair(1, 20));
        assertThat(StableMatching.facilityProposing(in).pairs()).containsExactly(new Pair(1, 20));
    }

    @Test
    void a_practice_with_no_room_left_gets_nothing() {
        MatchingInstance in = MatchingInstance.builder()
                .practice(7, 0)
                .doctorInPractice(1, 3, 7, List.of(10L))
                .facility(10, List.of(1L))
                .build();

        assertThat(StableMatching.doctorProposing(in).pairs()).isEmpty();
        assertThat(StableMatching.facilityProposing(in).pairs()).isEmpty();
    }

    @Test
    void an_instance_refuses_unknown_ids_duplicates_and_negative_capacities() {
        assertThatThrownBy(() ->
                        MatchingInstance.builder().doctor(1, 1, List.of(99L)).build())
                .hasMessageContaining("unknown facility 99");
        assertThatThrownBy(() -> MatchingInstance.builder()
                        .doctor(1, 1, List.of(10L, 10L))
                        .facility(10, List.of())
                        .build())
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> MatchingInstance.builder().doctor(1, -1, List.of()))
                .hasMessageContaining("capacity must be 0 or more");
        assertThatThrownBy(() -> MatchingInstance.builder()
                        .doctorInPractice(1, 1, 7, List.of())
                        .build())
                .hasMessageContaining("unknown practice 7");
        assertThatThrownBy(
                        () -> MatchingInstance.builder().facility(10, List.of()).facility(10, List.of()))
                .hasMessageContaining("added twice");
    }

    @Test
    void only_mutually_acceptable_pairs_are_kept_in_the_lists() {
        MatchingInstance in = MatchingInstance.builder()
                .doctor(1, 1, List.of(10L, 20L))
                .doctor(2, 1, List.of(20L))
                .facility(10, List.of(2L))
                .facility(20, List.of(2L, 1L))
                .build();

        assertThat(in.acceptableFacilities(1)).containsExactly(20L);
        assertThat(in.acceptableDoctors(10)).isEmpty();
        assertThat(in.acceptableDoctors(20)).containsExactly(2L, 1L);
    }
}
