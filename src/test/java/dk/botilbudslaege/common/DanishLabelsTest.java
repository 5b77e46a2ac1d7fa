package dk.botilbudslaege.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

/** The labels of the exported files are messages_da's, whatever the machine's language; none is made up. */
class DanishLabelsTest {

    @Test
    void a_label_is_danish_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(DanishFormats.label("file.payment.kind.FEE")).isEqualTo("Honorar");
            assertThat(DanishFormats.label("file.coverage.figure.target", "01-01-2027"))
                    .isEqualTo("Mål for hele landet (01-01-2027)");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void a_missing_label_fails_rather_than_falling_back() {
        assertThatThrownBy(() -> DanishFormats.label("file.no.such.label"))
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void a_code_without_a_label_is_shown_as_itself() {
        assertThat(DanishFormats.labelOrCode("coverage.group.", "MUNICIPAL")).isEqualTo("Kommunal");
        assertThat(DanishFormats.labelOrCode("coverage.group.", "SEL_999")).isEqualTo("SEL_999");
    }
}
