package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.common.DanishFormats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import org.junit.jupiter.api.Test;

/** Issue 17: {@link HoursFormat#number} without a DecimalFormat per figure writes the same text as the pattern did. */
class HoursFormatTest {

    @Test
    void a_number_reads_as_the_former_pattern_wrote_it() {
        DecimalFormat former = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(DanishFormats.DANISH));
        former.setRoundingMode(RoundingMode.HALF_UP);
        for (String value : new String[] {
            "0",
            "0.0",
            "0.004",
            "0.005",
            "1.7",
            "2",
            "2.125",
            "2.135",
            "10.0",
            "1E+1",
            "1E+3",
            "123456.789",
            "3.3333",
            "0.9999",
            "-1.5",
            "-0.001"
        }) {
            BigDecimal hours = new BigDecimal(value);
            assertThat(HoursFormat.number(hours)).as(value).isEqualTo(former.format(hours));
        }
        for (int cents = 0; cents < 100_000; cents += 7) {
            BigDecimal hours = BigDecimal.valueOf(cents, 3);
            assertThat(HoursFormat.number(hours)).as(hours.toString()).isEqualTo(former.format(hours));
        }
    }
}
