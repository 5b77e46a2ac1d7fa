package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 10, item 6: an import cell refuses the text every form refuses, whatever column it is in. */
class ImportCellTextTest {

    @Test
    void a_cell_with_a_control_or_invisible_character_is_a_row_problem() {
        assertThatThrownBy(() -> ImportValues.text("Skovly\u0007"))
                .isInstanceOf(ImportValues.BadValue.class)
                .extracting(e -> ((ImportValues.BadValue) e).messageKey())
                .isEqualTo("validation.text.control");
        assertThatThrownBy(() -> ImportValues.text("Skov\u200Bly"))
                .isInstanceOf(ImportValues.BadValue.class)
                .extracting(e -> ((ImportValues.BadValue) e).messageKey())
                .isEqualTo("validation.text.invisible");
        assertThatThrownBy(() -> ImportValues.integer("1\u00002")).isInstanceOf(ImportValues.BadValue.class);
    }

    @Test
    void surrounding_blanks_and_non_breaking_spaces_are_still_trimmed() {
        assertThat(ImportValues.text(" \u00A0Skovly\t")).isEqualTo("Skovly");
        assertThat(ImportValues.text("\u00A0 ")).isNull();
    }
}
