package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SPEC F1 and F3 with their examples. */
class MonthlyFeeTest {

    @Test
    void two_hours_at_the_april_2024_rate_cost_2144_02_a_month() {
        assertThat(MonthlyFee.of(new BigDecimal("2"), MonthlyFee.HOURLY_RATE)).isEqualTo(new BigDecimal("2144.02"));
    }

    @Test
    void three_hours_for_a_unit_of_more_than_30_residents_cost_3216_03_a_month() {
        assertThat(MonthlyFee.of(new BigDecimal("3"), MonthlyFee.HOURLY_RATE)).isEqualTo(new BigDecimal("3216.03"));
    }

    @Test
    void a_vat_registered_practice_gets_25_percent_vat_on_the_rounded_fee() {
        BigDecimal fee = MonthlyFee.of(new BigDecimal("3"), MonthlyFee.HOURLY_RATE);

        assertThat(MonthlyFee.vat(fee)).isEqualTo(new BigDecimal("804.01"));
        assertThat(MonthlyFee.inclVat(fee)).isEqualTo(new BigDecimal("4020.04"));
    }

    @Test
    void the_fee_is_rounded_half_up_to_ore() {
        assertThat(MonthlyFee.of(new BigDecimal("2.5"), new BigDecimal("0.01"))).isEqualTo(new BigDecimal("0.03"));
        assertThat(MonthlyFee.of(new BigDecimal("2.5"), MonthlyFee.HOURLY_RATE)).isEqualTo(new BigDecimal("2680.03"));
        assertThat(MonthlyFee.vat(new BigDecimal("0.02"))).isEqualTo(new BigDecimal("0.01"));
    }
}
