package dk.botilbudslaege.common;

import org.junit.jupiter.api.Test;

import static dk.botilbudslaege.common.TextRules.Problem.BLANK;
import static dk.botilbudslaege.common.TextRules.Problem.CONTROL;
import static dk.botilbudslaege.common.TextRules.Problem.INVISIBLE;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10, item 6: which text a field accepts. */
class TextRulesTest {

    @Test
    void ordinary_danish_text_and_symbols_pass() {
        assertThat(TextRules.check("Bostedet Æblegården – afd. Ø, § 108 & 2½ 🙂", false)).isNull();
        assertThat(TextRules.check("", false)).isNull();
        assertThat(TextRules.check(null, false)).isNull();
        assertThat(TextRules.check("   ", false)).as("plain blanks are the required rule's").isNull();
    }

    @Test
    void control_characters_are_refused_and_a_multi_line_field_allows_tab_and_line_breaks() {
        assertThat(TextRules.check("Navn\u0000", false)).isEqualTo(CONTROL);
        assertThat(TextRules.check("Navn\u0007", true)).isEqualTo(CONTROL);
        assertThat(TextRules.check("Navn\u007F", false)).isEqualTo(CONTROL);
        assertThat(TextRules.check("Navn\u0085", false)).isEqualTo(CONTROL);
        assertThat(TextRules.check("to\nlinjer", false)).isEqualTo(CONTROL);
        assertThat(TextRules.check("a\tb", false)).isEqualTo(CONTROL);
        assertThat(TextRules.check("første linje\r\nanden\tlinje", true)).isNull();
        assertThat(TextRules.check("a\u2028b", false)).isEqualTo(CONTROL);
    }

    @Test
    void invisible_characters_and_lone_surrogates_are_refused() {
        for (String bad : new String[] {"Na\u200Bvn", "\uFEFFNavn", "Navn\u202E", "Na\u00ADvn", "Navn\u2060",
                "Navn\uD800", "\uDC00Navn", "Navn\uFFFF"}) {
            assertThat(TextRules.check(bad, true)).as(bad).isEqualTo(INVISIBLE);
        }
    }

    @Test
    void text_of_invisible_spaces_only_is_blank() {
        assertThat(TextRules.check("\u00A0\u00A0", false)).isEqualTo(BLANK);
        assertThat(TextRules.check(" \u3000 ", false)).isEqualTo(BLANK);
        assertThat(TextRules.check("\u200B", false)).isEqualTo(INVISIBLE);
        assertThat(TextRules.check("Ny\u00A0vej", false)).isNull();
    }

    @Test
    void output_for_xml_drops_what_xml_forbids_and_keeps_the_rest() {
        assertThat(TextRules.forXml("Bo\u0007sted\u0000 \uD800æ🙂\t\n")).isEqualTo("Bosted æ🙂\t\n");
        String clean = "Æblegården";
        assertThat(TextRules.forXml(clean)).isSameAs(clean);
    }
}
