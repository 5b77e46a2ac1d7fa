package dk.botilbudslaege.common;

/**
 * What text a person or an API client may send (issue 10, item 6). Refused, in every text field:
 * <ul>
 * <li>control characters: U+0000–U+001F (a {@link MultiLine} field allows tab, line feed and carriage
 * return), U+007F and the C1 controls U+0080–U+009F, and in a one-line field the line and paragraph
 * separators U+2028/U+2029;</li>
 * <li>invisible characters: every format character (Unicode category Cf: U+00AD soft hyphen,
 * U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF and the rest), lone surrogates and the
 * noncharacters (U+FDD0–U+FDEF, U+xxFFFE/U+xxFFFF) — none of them belongs in a name, an address or a
 * reason, and several cannot be printed (PDF, XML);</li>
 * <li>text of spaces only, when one of them is not a plain space, tab or line break (U+00A0, U+2003,
 * U+3000 ...): it looks blank. Plain blanks are left to the field's own "required" rule.</li>
 * </ul>
 * No Spring here; the web layer applies it to every form, JSON body and request parameter.
 */
public final class TextRules {

    /** Why a text is refused, as the message key of its field. */
    public enum Problem {
        CONTROL("validation.text.control"),
        INVISIBLE("validation.text.invisible"),
        BLANK("validation.text.blank");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private TextRules() {
    }

    /** The first problem of a text, or null when it may be stored (null and empty text may). */
    public static Problem check(String text, boolean multiLine) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        boolean visible = false;
        boolean unusualSpace = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(i + 1));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                return Problem.INVISIBLE;
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
            if (type == Character.FORMAT || isNonCharacter(cp)) {
                return Problem.INVISIBLE;
            }
            if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                if (!multiLine) {
                    return Problem.CONTROL;
                }
                unusualSpace = true;
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                unusualSpace = true;
            } else {
                visible = true;
            }
        }
        return !visible && unusualSpace ? Problem.BLANK : null;
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
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
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

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
