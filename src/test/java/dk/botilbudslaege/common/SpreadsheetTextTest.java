package dk.botilbudslaege.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP's rule for CSV and formula injection: text that could start a formula gets a leading quote. */
class SpreadsheetTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"=HYPERLINK(\"http://x\",\"y\")", "+45 12 34", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "=", "-"})
    void text_that_could_start_a_formula_gets_a_leading_quote(String text) {
        assertThat(SpreadsheetText.safe(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Skovstjernen", "Anne Kjær", "070101", "Bo-stedet", " =1+1", "'=1", "12,50", "a=b", "Åhuset"})
    void harmless_text_is_unchanged(String text) {
        assertThat(SpreadsheetText.safe(text)).isEqualTo(text);
    }

    @Test
    void nothing_is_the_empty_text() {
        assertThat(SpreadsheetText.safe(null)).isEmpty();
        assertThat(SpreadsheetText.safe("")).isEmpty();
    }
}
