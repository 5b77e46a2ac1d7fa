package dk.botilbudslaege.common;

import static dk.botilbudslaege.common.TextRules.Problem.BLANK;
import static dk.botilbudslaege.common.TextRules.Problem.CONTROL;
import static dk.botilbudslaege.common.TextRules.Problem.INVISIBLE;
import static dk.botilbudslaege.common.TextRules.Problem.SURROGATE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 10, item 6: which text a field accepts. */
class TextRulesTest {

    @Test
    void ordinary_danish_text_and_symbols_pass() {
        assertThat(TextRules.check("Bostedet Æblegården – afd. Ø, § 108 & 2½ 🙂", false))
                .isNull();
        assertThat(TextRules.check("", false)).isNull();
        assertThat(TextRules.check(null, false)).isNull();
        assertThat(TextRules.check("   ", false))
                .as("plain blanks are the required rule's")
                .isNull();
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
        for (String bad :
                new String[] {"Na\u200Bvn", "\uFEFFNavn", "Navn\u202E", "Na\u00ADvn", "Navn\u2060", "Navn\uFFFF"}) {
            assertThat(TextRules.check(bad, true)).as(bad).isEqualTo(INVISIBLE);
        }
        assertThat(TextRules.check("Navn\uD800", false)).isEqualTo(SURROGATE);
        assertThat(TextRules.check("\uDC00Navn", false)).isEqualTo(SURROGATE);
    }

    @Test
    void default_ignorable_fillers_and_tag_characters_are_invisible_wherever_they_stand() {
        for (String bad : new String[] {
            "\u3164\u3164",
            "\u115F",
            "\u1160",
            "A\u034FB",
            "Bo\u17B4",
            "\u17B5",
            "Bo\u180B",
            "\u180E",
            "\uFFA0",
            "Bo" + new String(Character.toChars(0xE0041)),
            new String(Character.toChars(0xE007F))
        }) {
            assertThat(TextRules.check(bad, false)).as(bad).isEqualTo(INVISIBLE);
        }
    }

    @Test
    void marks_selectors_and_the_braille_blank_alone_look_blank_and_are_fine_after_a_visible_character() {
        for (String blank : new String[] {
            "\u2800", "\u0301\u0301", "\uFE0F", " \u20DD ", "\u2800\u00A0", new String(Character.toChars(0xE0100))
        }) {
            assertThat(TextRules.check(blank, false)).as(blank).isEqualTo(BLANK);
        }
        for (String fine : new String[] {"\u2764\uFE0F", "Cafe\u0301", "Bo \u2800 sted", "e\u20DD"}) {
            assertThat(TextRules.check(fine, false)).as(fine).isNull();
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
