package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** C1: an approved agreement counts from its start day through its end day. */
class CoverageRuleTest {

    static final LocalDate START = LocalDate.of(2025, 10, 1);
    static final LocalDate END = LocalDate.of(2026, 3, 31);

    @Test
    void the_start_day_counts() {
        assertThat(CoverageRule.inForce(START, END, START)).isTrue();
        assertThat(CoverageRule.inForce(START, END, START.minusDays(1))).isFalse();
    }

    @Test
    void the_end_day_counts_and_the_day_after_does_not() {
        assertThat(CoverageRule.inForce(START, END, END)).isTrue();
        assertThat(CoverageRule.inForce(START, END, END.plusDays(1))).isFalse();
    }

    @Test
    void an_agreement_without_an_end_counts_on_every_later_day() {
        assertThat(CoverageRule.inForce(START, null, LocalDate.of(2040, 1, 1))).isTrue();
    }

    @Test
    void coverage_is_a_fraction_with_four_decimals_and_zero_when_there_is_nothing_to_cover() {
        assertThat(CoverageRule.fraction(1, 3)).isEqualByComparingTo(new BigDecimal("0.3333"));
        assertThat(CoverageRule.fraction(0, 0)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(CoverageRule.fraction(4, 4)).isEqualByComparingTo(BigDecimal.ONE);
    }
}
