package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** SPEC F2: 2 hours a month; 3 when the unit has more than 30 residents; a dispensation may set others. */
class MonthlyHoursTest {

    @Test
    void a_unit_of_30_residents_or_fewer_gets_two_hours() {
        assertThat(MonthlyHours.of(0, null)).isEqualByComparingTo("2");
        assertThat(MonthlyHours.of(30, null)).isEqualByComparingTo("2");
    }

    @Test
    void a_unit_of_more_than_30_residents_gets_three_hours() {
        assertThat(MonthlyHours.of(31, null)).isEqualByComparingTo("3");
        assertThat(MonthlyHours.of(62, null)).isEqualByComparingTo("3");
    }

    @Test
    void a_dispensation_on_hours_sets_the_hours_whatever_the_residents() {
        assertThat(MonthlyHours.of(12, new BigDecimal("4"))).isEqualByComparingTo("4");
        assertThat(MonthlyHours.of(45, new BigDecimal("1.5"))).isEqualByComparingTo("1.5");
    }
}
