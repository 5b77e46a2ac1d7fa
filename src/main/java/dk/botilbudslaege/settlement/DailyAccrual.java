package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * F4: each day of a month earns the monthly fee in force that day divided by the days of that month.
 * The days are summed exactly and the month's line is rounded once, to øre, half up. A start, an end,
 * a change of rate, of residents across 30 or of a dispensation's hours within a month all follow
 * from this one rule. Example: start 2025-04-15 at 2 hours: 2,144.02 × 16/30 = 1,143.48.
 */
public final class DailyAccrual {

    private DailyAccrual() {}

    /**
     * The month's amount ex VAT for the days from {@code from} to {@code to} (inclusive, either may
     * lie outside the month; {@code to} null means open-ended).
     *
     * @param monthlyFeeOnDay the monthly fee (rate × hours) in force on a day
     */
    public static BigDecimal amount(
            YearMonth month, LocalDate from, LocalDate to, Function<LocalDate, BigDecimal> monthlyFeeOnDay) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day : activeDays(month, from, to)) {
            sum = sum.add(monthlyFeeOnDay.apply(day));
        }
        return sum.divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }

    /** The days of the month on which an agreement running from {@code from} to {@code to} is in force. */
    public static java.util.List<LocalDate> activeDays(YearMonth month, LocalDate from, LocalDate to) {
        LocalDate first = later(month.atDay(1), from);
        LocalDate last = to == null ? month.atEndOfMonth() : earlier(month.atEndOfMonth(), to);
        return first.isAfter(last)
                ? java.util.List.of()
                : first.datesUntil(last.plusDays(1)).toList();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
