package dk.botilbudslaege.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker's stability definition and hard rules, on hand-made matchings. */
class BlockingPairsTest {

    private static final MatchingInstance TWO_BY_TWO = MatchingInstance.builder()
            .doctor(1, 1, List.of(10L, 20L))
            .doctor(2, 1, List.of(10L, 20L))
            .facility(10, List.of(1L, 2L))
            .facility(20, List.of(1L, 2L))
            .build();

    @Test
    void a_doctor_and_facility_who_prefer_each_other_to_their_matches_block() {
        Matching m = new Matching(List.of(new Pair(1, 20), new Pair(2, 10)), List.of());

        assertThat(BlockingPairs.validate(TWO_BY_TWO, m)).isEmpty();
        assertThat(BlockingPairs.find(TWO_BY_TWO, m)).containsExactly(new Pair(1, 10));
    }

    @Test
    void an_unmatched_facility_and_a_doctor_with_free_capacity_block() {
        Matching m = new Matching(List.of(new Pair(1, 10)), List.of(20L));

        assertThat(BlockingPairs.find(TWO_BY_TWO, m)).containsExactly(new Pair(2, 20));
    }

    @Test
    void a_doctor_with_room_of_its_own_in_a_full_practice_does_not_block() {
        MatchingInstance in = MatchingInstance.builder()
                .practice(7, 1)
                .doctorInPractice(1, 1, 7, List.of(10L))
                .doctorInPractice(2, 1, 7, List.of(20L))
                .facility(10, List.of(1L))
                .facility(20, List.of(2L))
                .build();

        Matching m = new Matching(List.of(new Pair(2, 20)), List.of(10L));

        assertThat(BlockingPairs.validate(in, m)).isEmpty();
        assertThat(BlockingPairs.find(in, m)).isEmpty();
    }

    @Test
    void a_doctor_in_a_full_practice_blocks_with_a_facility_it_prefers_to_one_it_holds() {
        MatchingInstance in = MatchingInstance.builder()
                .practice(7, 1)
                .doctorInPractice(1, 2, 7, List.of(20L, 10L))
                .facility(10, List.of(1L))
                .facility(20, List.of(1L))
                .build();

        Matching m = new Matching(List.of(new Pair(1, 10)), List.of(20L));

        assertThat(BlockingPairs.find(in, m)).containsExactly(new Pair(1, 20));
    }

    @Test
    void validation_names_every_broken_rule() {
        MatchingInstance in = MatchingInstance.builder()
                .practice(7, 1)
                .doctorInPractice(1, 1, 7, List.of(10L, 20L))
                .doctorInPractice(2, 1, 7, List.of(30L))
                .facility(10, List.of(1L))
                .facility(20, List.of(1L))
                .facility(30, List.of())
                .build();

        Matching m =
                new Matching(List.of(new Pair(1, 10), new Pair(1, 20), new Pair(2, 30), new Pair(2, 30)), List.of(10L));

        assertThat(BlockingPairs.validate(in, m))
                .anySatisfy(p -> assertThat(p).contains("more than one doctor"))
                .anySatisfy(p -> assertThat(p).contains("not mutually acceptable"))
                .anySatisfy(p -> assertThat(p).contains("doctor 1 has 2 facilities, capacity 1"))
                .anySatisfy(p -> assertThat(p).contains("practice #0 has 4 facilities, capacity 1"))
                .anySatisfy(p -> assertThat(p).contains("unmatched facilities [10]"));
    }
}
