package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §3 notice: 3 months' notice to the end of a quarter. */
class NoticePeriodTest {

    @ParameterizedTest(name = "notice {0} ends {1}")
    @CsvSource({
        // SPEC's worked examples
        "2025-11-15, 2026-03-31",
        "2025-12-31, 2026-03-31",
        "2026-01-01, 2026-06-30",
        // the edges around them
        "2025-12-30, 2026-03-31",
        "2025-12-01, 2026-03-31",
        "2026-03-31, 2026-06-30",
        "2026-04-01, 2026-09-30",
        "2025-09-30, 2025-12-31",
        "2025-10-01, 2026-03-31",
        // month ends: plus 3 months keeps the day where it can, or takes the month's last day
        "2025-11-30, 2026-03-31",
        "2026-06-30, 2026-09-30",
        "2026-07-01, 2026-12-31",
        // leap years: 29 February and the notice that lands on it
        "2027-11-29, 2028-03-31",
        "2027-11-30, 2028-03-31",
        "2028-02-29, 2028-06-30",
        "2027-12-31, 2028-03-31"
    })
    void the_end_date_is_the_last_day_of_the_first_quarter_ending_on_or_after_notice_plus_three_months(
            LocalDate noticeDate, LocalDate endDate) {
        assertThat(NoticePeriod.endDate(noticeDate)).isEqualTo(endDate);
    }

    @ParameterizedTest
    @CsvSource({"2025-01-15, 2025-03-31", "2025-05-31, 2025-06-30", "2025-08-01, 2025-09-30", "2025-12-31, 2025-12-31"})
    void a_quarter_ends_on_the_last_day_of_march_june_september_or_december(LocalDate date, LocalDate end) {
        assertThat(NoticePeriod.endOfQuarter(date)).isEqualTo(end);
    }
}
