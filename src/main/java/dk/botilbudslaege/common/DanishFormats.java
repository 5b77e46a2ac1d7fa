package dk.botilbudslaege.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one home of the formats people read (SPEC: Danish dates and numbers): dates as 05-03-2025,
 * months as "marts 2025", decimal commas (2144,02), percentages (42,5 %). Exported files use the
 * Danish ones whatever the caller's language; texts of the pages follow the caller's locale.
 */
public final class DanishFormats {

    public static final Locale DANISH = Locale.forLanguageTag("da-DK");
    /** A day: 05-03-2025. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    /** A month on a chart's axis: 03-2025. */
    public static final DateTimeFormatter MONTH_NUMBER = DateTimeFormatter.ofPattern("MM-yyyy");
    /** A month on a chart's axis on a page (review 16, i16-fixc): "aug. 2025", "maj 2025". */
    public static final DateTimeFormatter MONTH_SHORT = DateTimeFormatter.ofPattern("MMM yyyy", DANISH);

    private DanishFormats() {}

    /** 2025-03-05 → "05-03-2025". */
    public static String date(LocalDate date) {
        return date.format(DATE);
    }

    /** 2025-03 → "marts 2025" (Danish) or "March 2025" (English). */
    public static String month(YearMonth month, Locale locale) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    }

    /** 2144.02 → "2144,02" (2 decimals) or 7.5 → "7,5" and 7 → "7" (1): no thousands separator, safe to read back. */
    public static String decimal(BigDecimal value, int decimals) {
        return new DecimalFormat(decimals == 2 ? "0.00" : "0.#", DecimalFormatSymbols.getInstance(DANISH))
                .format(value);
    }

    /** An amount with two decimals and thousands separators in the caller's language: "1.234,56". */
    public static String amount(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    /** A fraction 0..1 as a Danish percentage number with one decimal, without the sign: 0.425 → "42,5". */
    public static String percentNumber(BigDecimal fraction) {
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(DANISH))
                .format(fraction.multiply(BigDecimal.valueOf(100)));
    }

    /** A fraction 0..1 as a Danish percentage: 0.425 → "42,5 %". */
    public static String percent(BigDecimal fraction) {
        return percentNumber(fraction) + " %";
    }

    /**
     * The Danish text of a label in messages_da (the same as #{key} on a Danish page), for files that
     * are Danish whatever the caller's language. A missing key throws {@link MissingResourceException};
     * with arguments the text is a {@link MessageFormat} pattern, as in Spring's MessageSource.
     */
    public static String label(String key, Object... arguments) {
        String text = ResourceBundle.getBundle("messages", DANISH).getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, DANISH).format(arguments);
    }

    /** The Danish label of a code that may have none (a code from the data): the code itself then. */
    public static String labelOrCode(String prefix, String code) {
        ResourceBundle danish = ResourceBundle.getBundle("messages", DANISH);
        return danish.containsKey(prefix + code) ? danish.getString(prefix + code) : code;
    }

    /** A distance with one decimal: 12.345 → "12,3 km". */
    public static String kilometres(double km) {
        return String.format(DANISH, "%.1f km", km);
    }
}
