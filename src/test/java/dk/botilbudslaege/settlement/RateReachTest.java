package dk.botilbudslaege.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** F1: a rate row may not reach into a month any region has approved. */
class RateReachTest {

    static final List<LocalDate> ROWS = List.of(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 4, 1));
    static final List<YearMonth> APPROVED = List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11));

    @Test
    void a_row_inside_an_approved_month_reaches_it() {
        assertThat(RateReach.ofAdding(ROWS, LocalDate.of(2025, 11, 15)).lockedMonth(APPROVED))
                .contains(YearMonth.of(2025, 11));
    }

    @Test
    void a_row_before_an_approved_month_reaches_it_through_the_days_up_to_the_next_row() {
        assertThat(RateReach.ofAdding(ROWS, LocalDate.of(2025, 6, 1)).lockedMonth(APPROVED))
                .contains(YearMonth.of(2025, 10));
    }

    @Test
    void a_row_after_the_approved_months_reaches_none() {
        assertThat(RateReach.ofAdding(ROWS, LocalDate.of(2025, 12, 1)).lockedMonth(APPROVED))
                .isEmpty();
    }

    @Test
    void removing_a_row_reaches_its_days_up_to_the_next_row_only() {
        List<LocalDate> rows = List.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1));
        assertThat(RateReach.ofRemoving(rows, LocalDate.of(2025, 9, 1)).lockedMonth(APPROVED))
                .isEmpty();
        assertThat(RateReach.ofRemoving(rows, LocalDate.of(2025, 10, 1)).lockedMonth(APPROVED))
                .contains(YearMonth.of(2025, 10));
    }

    @Test
    void moving_a_row_reaches_the_days_of_both_its_dates() {
        assertThat(RateReach.ofCorrecting(ROWS, LocalDate.of(2026, 4, 1), LocalDate.of(2025, 11, 1))
                        .lockedMonth(APPROVED))
                .contains(YearMonth.of(2025, 11));
        assertThat(RateReach.ofCorrecting(ROWS, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1))
                        .lockedMonth(APPROVED))
                .isEmpty();
    }
}
