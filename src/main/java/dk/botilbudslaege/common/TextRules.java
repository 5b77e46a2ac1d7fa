package dk.botilbudslaege.common;

/**
 * What text a person or an API client may send (issue 10, item 6). Refused, in every text field:
 * <ul>
 * <li>control characters: U+0000–U+001F (a {@link MultiLine} field allows tab, line feed and carriage
 * return), U+007F and the C1 controls U+0080–U+009F, and in a one-line field the line and paragraph
 * separators U+2028/U+2029;</li>
 * <li>invisible characters, anywhere in the text: every format character (Unicode category Cf: U+00AD
 * soft hyphen, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF and the rest), the default-ignorable
 * fillers that are letters or marks by category but print as nothing (U+034F combining grapheme joiner,
 * U+115F/U+1160 Hangul choseong/jungseong fillers, U+17B4/U+17B5 Khmer inherent vowels, U+180B–U+180F
 * Mongolian variation selectors and vowel separator, U+3164 Hangul filler, U+FFA0 halfwidth Hangul filler),
 * the tag characters U+E0000–U+E007F, and the noncharacters (U+FDD0–U+FDEF, U+xxFFFE/U+xxFFFF) — none of
 * them belongs in a name, an address or a reason, and several cannot be printed (PDF, XML);</li>
 * <li>a lone surrogate (half of a UTF-16 pair, or what a JSON body's invalid UTF-8 bytes are read as):
 * not a character at all;</li>
 * <li>text that looks blank: no code point other than spaces (whitespace, Unicode Zs such as U+00A0,
 * U+2003, U+3000), combining marks (Mn, Me), variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF) and
 * U+2800 Braille blank — unless every one of them is a plain space, tab or line break, which is left to
 * the field's own "required" rule. A mark or a variation selector after a visible character is fine
 * ("é" as e + U+0301, "❤️" as U+2764 U+FE0F).</li>
 * </ul>
 * No Spring here; the web layer applies it to every form, JSON body and request parameter.
 */
public final class TextRules {

    /** Why a text is refused, as the message key of its field. */
    public enum Problem {
        CONTROL("validation.text.control"),
        INVISIBLE("validation.text.invisible"),
        SURROGATE("validation.text.surrogate"),
        BLANK("validation.text.blank");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private TextRules() {}

    /** The first problem of a text, or null when it may be stored (null and empty text may). */
    public static Problem check(String text, boolean multiLine) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean visible = false;
        boolean blankLooking = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return Problem.SURROGATE;
            } else {
                cp = c;
                i++;
            }
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                if (!multiLine) {
                    return Problem.CONTROL;
                }
                continue;
            }
            if (cp == ' ') {
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL) {
                return Problem.CONTROL;
            }
            if (type == Character.FORMAT || isNonCharacter(cp) || isInvisibleFiller(cp)) {
                return Problem.INVISIBLE;
            }
            if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                if (!multiLine) {
                    return Problem.CONTROL;
                }
                blankLooking = true;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || looksBlank(cp, type)) {
                blankLooking = true;
            } else {
                visible = true;
            }
        }
        return !visible && blankLooking ? Problem.BLANK : null;
    }

    /**
     * The text with every character XML 1.0 forbids removed (controls other than tab, line feed and
     * carriage return, lone surrogates, U+FFFE, U+FFFF), for output built from rows stored before
     * these rules or imported.
     */
    public static String forXml(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair
                    || c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Default-ignorable code points that are not Cf but print as nothing, and the tag characters. */
    private static boolean isInvisibleFiller(int cp) {
        return cp == 0x034F
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x17B4
                || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F)
                || cp == 0x3164
                || cp == 0xFFA0
                || (cp >= 0xE0000 && cp <= 0xE007F);
    }

    /** Marks and selectors that show nothing of their own, and the Braille blank. */
    private static boolean looksBlank(int cp, int type) {
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF)
                || cp == 0x2800;
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
