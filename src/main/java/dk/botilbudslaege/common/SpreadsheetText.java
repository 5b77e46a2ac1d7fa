package dk.botilbudslaege.common;

/**
 * Text from users made safe to open in a spreadsheet (CSV or formula injection, OWASP): text that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a single
 * quote in front, so that Excel and LibreOffice show it as text instead of running it as a formula
 * ({@code =HYPERLINK(...)}, {@code =cmd|...}).
 * <p>
 * Every CSV and XLSX writer of the app passes each text cell through {@link #safe}. An XLSX string
 * cell is never evaluated as a formula, but it gets the same prefix all the same: a person who saves
 * the sheet again as CSV would otherwise write the live formula. Numbers are not text: amounts,
 * counts and percentages are written as numbers (numeric cells, or in CSV the number as Danish
 * Excel writes it, {@code -12,50}) and never pass through here.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    /** The text with a leading {@code '} if it could start a formula; null as the empty text. */
    public static String safe(Object text) {
        String s = text == null ? "" : text.toString();
        if (s.isEmpty()) {
            return s;
        }
        return switch (s.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + s;
            default -> s;
        };
    }
}
