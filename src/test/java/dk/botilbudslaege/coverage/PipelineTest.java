package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline (issue 11 item 10) on seed 001's own numbers: in Norddjurs twelve agreements are
 * made; Skovstjernen and Dolmerhave start 1 April 2025, seven more in spring and summer, the last
 * three "umiddelbart efter sommerferien eller i løbet af efteråret".
 */
class PipelineTest {

    static final LocalDate MADE = LocalDate.of(2025, 3, 15);
    static final List<LocalDate> STARTS = List.of(
            LocalDate.of(2025, 4, 1),
            LocalDate.of(2025, 4, 1),
            LocalDate.of(2025, 5, 1),
            LocalDate.of(2025, 5, 1),
            LocalDate.of(2025, 6, 1),
            LocalDate.of(2025, 6, 1),
            LocalDate.of(2025, 7, 1),
            LocalDate.of(2025, 8, 1),
            LocalDate.of(2025, 8, 1),
            LocalDate.of(2025, 9, 1),
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2025, 10, 1));

    static long startingLater(LocalDate date) {
        return STARTS.stream()
                .filter(start -> Pipeline.startsLater(MADE, start, date))
                .count();
    }

    static long started(LocalDate date) {
        return STARTS.stream()
                .filter(start -> CoverageRule.inForce(start, null, date))
                .count();
    }

    @Test
    void after_the_summer_holiday_nine_have_started_and_three_start_later() {
        LocalDate endOfJuly = LocalDate.of(2025, 8, 1).minusDays(1);
        assertThat(started(endOfJuly)).isEqualTo(7);
        LocalDate lateAugust = LocalDate.of(2025, 8, 31);
        assertThat(started(lateAugust)).isEqualTo(9);
        assertThat(startingLater(lateAugust)).isEqualTo(3);
        assertThat(started(lateAugust) + startingLater(lateAugust)).isEqualTo(12);
    }

    @Test
    void an_agreement_counts_as_starting_later_up_to_the_day_before_its_start_and_as_covered_from_it() {
        LocalDate start = LocalDate.of(2025, 10, 1);
        assertThat(Pipeline.startsLater(MADE, start, start.minusDays(1))).isTrue();
        assertThat(Pipeline.startsLater(MADE, start, start)).isFalse();
        assertThat(CoverageRule.inForce(start, null, start)).isTrue();
    }

    @Test
    void an_agreement_is_not_made_before_the_region_approves_it() {
        LocalDate start = LocalDate.of(2025, 10, 1);
        assertThat(Pipeline.startsLater(MADE, start, MADE.minusDays(1))).isFalse();
        assertThat(Pipeline.startsLater(MADE, start, MADE)).isTrue();
        assertThat(Pipeline.startsLater(null, start, MADE)).isTrue();
    }

    @Test
    void a_form_awaits_approval_from_its_filing_day_until_the_day_before_it_is_decided_or_withdrawn() {
        LocalDate filed = LocalDate.of(2025, 9, 1), decided = LocalDate.of(2025, 9, 20);
        assertThat(Pipeline.awaitsApproval(filed, decided, filed.minusDays(1))).isFalse();
        assertThat(Pipeline.awaitsApproval(filed, decided, filed)).isTrue();
        assertThat(Pipeline.awaitsApproval(filed, decided, decided.minusDays(1)))
                .isTrue();
        assertThat(Pipeline.awaitsApproval(filed, decided, decided)).isFalse();
        assertThat(Pipeline.awaitsApproval(filed, null, LocalDate.of(2030, 1, 1)))
                .isTrue();
        assertThat(Pipeline.awaitsApproval(null, null, filed))
                .as("a draft was never filed")
                .isFalse();
    }
}
