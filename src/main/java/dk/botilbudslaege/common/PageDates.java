package dk.botilbudslaege.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Dates on pages (issue 16, item 4): shown and typed as dd-mm-åååå; a page also reads åååå-mm-dd (old
 * links, bookmarks). Use {@code @DateTimeFormat(pattern = PageDates.PATTERN, fallbackPatterns = {PageDates.ISO, PageDates.SHORT})}
 * on a page's date parameter or form field; the API keeps its own ISO dates (API.md).
 */
public final class PageDates {

    /** The pattern a page shows and reads first (Spring makes it strict: 31-02-2026 is refused). */
    public static final String PATTERN = "dd-MM-yyyy";

    /** The ISO pattern a page also reads. */
    public static final String ISO = "yyyy-MM-dd";

    /**
     * Review 16 (i16-fixc): a page also reads one-digit days and months, 1-3-2026 (GOV.UK, designsystem.dk), and
     * shows them back as 01-03-2026; still strict: 31-2-2026 is no day.
     */
    public static final String SHORT = "d-M-yyyy";

    private static final DateTimeFormatter DANISH =
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DANISH_SHAPE = Pattern.compile("\\d{1,2}-\\d{1,2}-\\d{4}");
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

    private PageDates() {}

    private static final Pattern AROUND = Pattern.compile("^[\\s\\p{Z}]+|[\\s\\p{Z}]+$");

    /** The text without the blanks around it: spaces, tabs, line breaks, no-break spaces (pasted dates). */
    public static String unpadded(String text) {
        return text == null ? null : AROUND.matcher(text).replaceAll("");
    }

    /** A page's date text: dd-mm-åååå or åååå-mm-dd; null when it is neither or no such day. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = unpadded(text);
        try {
            if (ISO_SHAPE.matcher(trimmed).matches()) {
                return LocalDate.parse(trimmed, ISO_DATE);
            }
            return LocalDate.parse(DANISH_SHAPE.matcher(trimmed).matches() ? padded(trimmed) : trimmed, DANISH);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the text has the shape of a date (day, month, year in digits) but names no day: 31-02-2026. */
    public static boolean noSuchDay(String text) {
        if (text == null) {
            return false;
        }
        String trimmed = unpadded(text);
        return (DANISH_SHAPE.matcher(trimmed).matches()
                        || ISO_SHAPE.matcher(trimmed).matches())
                && parse(padded(trimmed)) == null;
    }

    /** The message key and argument of a date text that cannot be read: "no such day" or "write it so". */
    public static String problemKey(String text) {
        return noSuchDay(text) ? "forms.date.notExists" : "forms.date.format";
    }

    /** A date as a page shows it, dd-mm-åååå ("" for none). */
    public static String format(LocalDate date) {
        return date == null ? "" : DANISH.format(date);
    }

    /**
     * A date inside a message (review 16, finding 8): dd-mm-åååå on a page ("mellem 01-01-2007 og 31-12-2100"),
     * åååå-mm-dd in an answer of the API, whose dates are ISO (API.md); outside a request, as on a page.
     */
    public static String inMessage(LocalDate date) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && apiPath(servlet.getRequest())) {
            return date.toString();
        }
        return format(date);
    }

    private static boolean apiPath(jakarta.servlet.http.HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String text ? text : request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    private static String padded(String text) {
        String[] parts = text.split("-");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(out.isEmpty() ? "" : "-").append(part.length() == 1 ? "0" + part : part);
        }
        return out.toString();
    }
}
