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

    // issue 17: the page's figures formatted once per page in Java read as the template's expressions wrote them
    @Test
    void a_pages_hours_and_shares_read_as_the_templates_expressions_wrote_them() {
        org.springframework.context.support.StaticMessageSource messages =
                new org.springframework.context.support.StaticMessageSource();
        messages.addMessage("hours.value", DanishFormats.DANISH, "{0} timer");
        messages.addMessage("hours.value", java.util.Locale.ENGLISH, "{0} hours");
        messages.addMessage("hours.overview.shortIn", DanishFormats.DANISH, "{0} aftaler under aftalt i {1}");
        messages.addMessage("hours.overview.shortIn", java.util.Locale.ENGLISH, "{0} agreements below agreed in {1}");
        HoursFormat format = new HoursFormat(messages);
        for (java.util.Locale locale : new java.util.Locale[] {DanishFormats.DANISH, java.util.Locale.ENGLISH}) {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
            try {
                java.util.function.Function<BigDecimal, String> hours = format.forPage();
                java.util.function.Function<BigDecimal, String> percent = format.percentForPage();
                assertThat(hours.apply(null)).isEqualTo(format.hours(null));
                java.util.function.BiFunction<Integer, String, String> shortIn = format.shortInForPage();
                for (int n : new int[] {0, 1, 41, 999, 1_080, 12_345}) {
                    assertThat(shortIn.apply(n, "Aalborg"))
                            .isEqualTo(
                                    messages.getMessage("hours.overview.shortIn", new Object[] {n, "Aalborg"}, locale));
                }
                for (int tenThousandths = 0; tenThousandths <= 20_000; tenThousandths += 3) {
                    BigDecimal value = BigDecimal.valueOf(tenThousandths, 4);
                    assertThat(hours.apply(value)).as("%s %s", locale, value).isEqualTo(format.hours(value));
                    assertThat(percent.apply(value))
                            .as("%s %s", locale, value)
                            .isEqualTo(org.thymeleaf.util.NumberUtils.formatPercent(value, 1, 1, locale));
                }
            } finally {
                org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
            }
        }
    }
}
