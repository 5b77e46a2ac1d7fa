package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Issue 11 items 2 and 5: the window a notice may be dated in, and the back pay of a start in the past. */
class NoticeWindowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void a_notice_is_dated_on_the_day_it_is_registered_or_up_to_30_days_earlier() {
        NoticeWindow window = NoticeWindow.of(LocalDate.of(2025, 4, 1), TODAY);

        assertThat(window.allows(TODAY)).isTrue();
        assertThat(window.allows(LocalDate.of(2026, 10, 31))).isTrue();
        assertThat(window.allows(LocalDate.of(2026, 10, 30))).isFalse();
        assertThat(window.allows(LocalDate.of(2026, 12, 1))).isFalse();
    }

    @Test
    void a_notice_is_never_dated_before_the_agreement_starts() {
        NoticeWindow window = NoticeWindow.of(LocalDate.of(2026, 11, 15), TODAY);

        assertThat(window.from()).isEqualTo(LocalDate.of(2026, 11, 15));
        assertThat(window.allows(LocalDate.of(2026, 11, 14))).isFalse();
        assertThat(window.allows(LocalDate.of(2026, 11, 15))).isTrue();
    }

    @Test
    void an_agreement_that_has_not_started_cannot_be_given_notice() {
        assertThat(NoticeWindow.of(LocalDate.of(2026, 12, 1), TODAY).empty()).isTrue();
        assertThat(NoticeWindow.of(TODAY, TODAY).empty()).isFalse();
    }

    @Test
    void approving_a_start_in_the_past_pays_the_past_months_by_the_day() {
        // F4's example: start 2025-04-15 at 2 hours, 2,144.02 × 16/30 = 1,143.48; May and June in full
        BackPay backPay = BackPay.of(LocalDate.of(2025, 4, 15), LocalDate.of(2025, 7, 10), new BigDecimal("2144.02"));

        assertThat(backPay.months()).isEqualTo(3);
        assertThat(backPay.first()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(backPay.last()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(backPay.amountExVat()).isEqualByComparingTo("5431.52");
    }

    @Test
    void a_start_in_the_current_month_or_later_creates_no_back_pay() {
        assertThat(BackPay.of(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 10), new BigDecimal("2144.02"))
                        .months())
                .isZero();
        assertThat(BackPay.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 7, 10), new BigDecimal("2144.02"))
                        .amountExVat())
                .isEqualByComparingTo("0");
    }
}
