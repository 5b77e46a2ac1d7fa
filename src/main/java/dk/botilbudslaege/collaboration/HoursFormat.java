package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.DanishFormats;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The hours pages' Danish display ({@code ${@hoursFormat.hours(x)}}): hours always with two decimals,
 * "2,00 timer", "1,70 timer", "1,75 timer" (the same on every page and in the report's PDF), months as "februar 2026" in the reader's language.
 */
@Component("hoursFormat")
public class HoursFormat {

    private final MessageSource messages;

    HoursFormat(MessageSource messages) {
        this.messages = messages;
    }

    /** 2 → "2,00", 1.7 → "1,70", 1.755 → "1,76", null → "–" (Danish decimal comma, no thousands separator). */
    public static String number(BigDecimal hours) {
        if (hours == null) {
            return "–";
        }
        if (hours.signum() >= 0) {
            // the same digits as the pattern below, without building a DecimalFormat for every figure of a page
            return hours.setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString()
                    .replace('.', ',');
        }
        DecimalFormat f = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(DanishFormats.DANISH));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(hours);
    }

    /** "2,00 timer" (da) or "2,00 hours" (en); null → "–". */
    public String hours(BigDecimal hours) {
        if (hours == null) {
            return "–";
        }
        return messages.getMessage("hours.value", new Object[] {number(hours)}, locale());
    }

    /**
     * {@link #hours} for the figures of a whole page: the reader's unit is looked up once, not once per figure
     * (issue 17: the overview lists up to hundreds of agreements with three figures each).
     */
    public Function<BigDecimal, String> forPage() {
        String marked = messages.getMessage("hours.value", new Object[] {"\u0000"}, locale());
        int at = marked.indexOf('\u0000');
        String before = marked.substring(0, at);
        String after = marked.substring(at + 1);
        return hours -> hours == null ? "–" : before + number(hours) + after;
    }

    /**
     * A share 0..1 as the page's percentage with one decimal ("93,8 %" in Danish), the digits of Thymeleaf's
     * {@code #numbers.formatPercent(x, 1, 1)} in the reader's locale, its format built once per page.
     */
    public Function<BigDecimal, String> percentForPage() {
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setMinimumIntegerDigits(1);
        return format::format;
    }

    /**
     * "41 aftaler under aftalt i Aalborg" for each municipality of a page, as {@code #{hours.overview.shortIn(n, name)}}
     * writes it, the message and the count's format looked up once per page.
     */
    public BiFunction<Integer, String, String> shortInForPage() {
        Locale locale = LocaleContextHolder.getLocale();
        MessageFormat format = new MessageFormat(messages.getMessage("hours.overview.shortIn", null, locale), locale);
        NumberFormat count = NumberFormat.getInstance(locale);
        return (n, municipality) -> format.format(new Object[] {count.format(n), municipality});
    }

    /** "februar 2026". */
    public String month(YearMonth month) {
        return DanishFormats.month(month, locale());
    }

    private static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage().equals("en") ? Locale.ENGLISH : DanishFormats.DANISH;
    }
}
