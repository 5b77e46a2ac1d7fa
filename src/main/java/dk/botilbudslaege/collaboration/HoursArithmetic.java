package dk.botilbudslaege.collaboration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arithmetic of hours delivered (issue 13 item 3, SPEC §7, seed 000), without Spring or a database:
 * <ul>
 *   <li>only the minutes of the session itself count; preparation is never entered and never counts (90
 *       minutes of teaching prepared for an hour count 1,5 hours);</li>
 *   <li>a session counts in the calendar month of its date;</li>
 *   <li>a month's agreed hours are the agreement's hours for that month (2, 3, or a dispensation's); a
 *       month the agreement runs only part of is agreed pro rata by calendar days (an agreement starting on
 *       16 June agrees 15/30 of 2 = 1,00 hour in June), so the first and last months are neither free nor
 *       counted in full;</li>
 *   <li>the month in progress (today's) and later months are shown, never flagged and left out of the
 *       averages; a complete month with fewer confirmed hours than agreed is flagged short;</li>
 *   <li>an average is confirmed hours per month over complete months, a partial month weighing its share
 *       of days: the rolling average covers the 12 complete months before today's month, the average since
 *       the start every complete month since the agreement started.</li>
 * </ul>
 */
public final class HoursArithmetic {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private HoursArithmetic() {}

    /** One month of one agreement: what was agreed, logged and confirmed, and whether it fell short. */
    public record Month(
            YearMonth month,
            BigDecimal agreedHours,
            BigDecimal loggedHours,
            BigDecimal confirmedHours,
            BigDecimal weight,
            boolean complete,
            boolean shortfall) {}

    /** The minutes of one month: all sessions logged, and those the facility side confirmed. */
    public record Minutes(long logged, long confirmed) {
        public static final Minutes NONE = new Minutes(0, 0);
    }

    /** Minutes as hours, two decimals (90 minutes = 1,50 hours). */
    public static BigDecimal hours(long minutes) {
        if (minutes < 0) {
            return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(hundredths(minutes), 2);
    }

    /**
     * {@link #hours} in hundredths of an hour, rounded half up, in whole numbers (issue 17: the overview sums these for
     * every month of every running agreement; dividing BigDecimals was most of its arithmetic).
     */
    static long hundredths(long minutes) {
        return (200 * minutes + 60) / 120;
    }

    /** The share of the month's days on which the agreement runs (0 to 1, four decimals). */
    public static BigDecimal weight(YearMonth month, LocalDate start, LocalDate end) {
        long w = tenThousandths(month, start, end);
        return w == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(w, 4);
    }

    /** {@link #weight} in ten-thousandths, rounded half up, in whole numbers: a whole month is 10,000. */
    static long tenThousandths(YearMonth month, LocalDate start, LocalDate end) {
        LocalDate first = month.atDay(1).isBefore(start) ? start : month.atDay(1);
        LocalDate last = end != null && end.isBefore(month.atEndOfMonth()) ? end : month.atEndOfMonth();
        if (last.isBefore(first)) {
            return 0;
        }
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        long length = month.lengthOfMonth();
        return (20_000 * days + length) / (2 * length);
    }

    /**
     * The months from {@code from} to {@code to} on which the agreement runs, each with its agreed,
     * logged and confirmed hours; {@code today} decides which months are complete.
     */
    public static List<Month> months(
            YearMonth from,
            YearMonth to,
            LocalDate start,
            LocalDate end,
            LocalDate today,
            Function<YearMonth, BigDecimal> agreedPerMonth,
            Function<YearMonth, Minutes> minutes) {
        List<Month> months = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            BigDecimal weight = weight(m, start, end);
            if (weight.signum() == 0) {
                continue;
            }
            BigDecimal agreed = agreedPerMonth.apply(m).multiply(weight).setScale(2, RoundingMode.HALF_UP);
            Minutes done = minutes.apply(m);
            BigDecimal confirmed = hours(done.confirmed());
            boolean complete = m.isBefore(current);
            months.add(new Month(
                    m,
                    agreed,
                    hours(done.logged()),
                    confirmed,
                    weight,
                    complete,
                    complete && confirmed.compareTo(agreed) < 0));
        }
        return months;
    }

    /** Confirmed hours per (full) month over the complete months; null when none is complete. */
    public static BigDecimal averageConfirmed(List<Month> months) {
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        for (Month m : months) {
            if (m.complete()) {
                hours = hours.add(m.confirmedHours());
                weight = weight.add(m.weight());
            }
        }
        return weight.signum() == 0 ? null : hours.divide(weight, 2, RoundingMode.HALF_UP);
    }

    /**
     * {@link #averageConfirmed} of the complete months since {@code start}, without building each month: the same
     * sums (each month's confirmed minutes as hours, each month's weight), only over the months that have minutes for
     * the hours. The overview asks this of every running agreement (issue 17: building every month since the start
     * of 250–1,080 agreements was a third of /hours' own time).
     */
    public static BigDecimal averageConfirmedSince(
            LocalDate start, LocalDate end, LocalDate today, Map<YearMonth, Minutes> minutes) {
        YearMonth current = YearMonth.from(today);
        long hours = 0;
        long weight = 0;
        for (YearMonth m = YearMonth.from(start); m.isBefore(current); m = m.plusMonths(1)) {
            long w = tenThousandths(m, start, end);
            if (w == 0) {
                continue;
            }
            weight += w;
            Minutes done = minutes.get(m);
            if (done != null) {
                hours += hundredths(done.confirmed());
            }
        }
        return average(hours, weight);
    }

    /** The rolling twelve of one agreement as the overview shows it: the average and how many months fell short. */
    public record Rolling(BigDecimal average, int shortMonths) {}

    /**
     * {@link #averageConfirmed} of {@link #rollingTwelve} and how many of those months fell short, without building
     * the months (issue 17: the overview asks this of every running agreement): the same months (complete, at most
     * 12 before today's month, none before the start or after the end), each month's confirmed hours and weight summed
     * in whole hundredths and ten-thousandths, a month short when its confirmed hours are below its agreed hours.
     */
    public static Rolling rolling(
            LocalDate start,
            LocalDate end,
            LocalDate today,
            Function<YearMonth, BigDecimal> agreedPerMonth,
            Map<YearMonth, Minutes> minutes) {
        YearMonth current = YearMonth.from(today);
        YearMonth from = YearMonth.from(start);
        if (from.isBefore(current.minusMonths(12))) {
            from = current.minusMonths(12);
        }
        long hours = 0;
        long weight = 0;
        int shortMonths = 0;
        for (YearMonth m = from; m.isBefore(current); m = m.plusMonths(1)) {
            long w = tenThousandths(m, start, end);
            if (w == 0) {
                continue;
            }
            weight += w;
            Minutes done = minutes.get(m);
            long confirmed = done == null ? 0 : hundredths(done.confirmed());
            hours += confirmed;
            BigDecimal agreed =
                    agreedPerMonth.apply(m).multiply(BigDecimal.valueOf(w, 4)).setScale(2, RoundingMode.HALF_UP);
            if (BigDecimal.valueOf(confirmed, 2).compareTo(agreed) < 0) {
                shortMonths++;
            }
        }
        return new Rolling(average(hours, weight), shortMonths);
    }

    /** Hundredths of hours over ten-thousandths of months, two decimals; null over no month. */
    private static BigDecimal average(long hundredths, long tenThousandths) {
        return tenThousandths == 0
                ? null
                : BigDecimal.valueOf(hundredths, 2)
                        .divide(BigDecimal.valueOf(tenThousandths, 4), 2, RoundingMode.HALF_UP);
    }

    /** The 12 complete months before today's month, or fewer when the agreement started later. */
    public static List<Month> rollingTwelve(List<Month> months, LocalDate today) {
        YearMonth first = YearMonth.from(today).minusMonths(12);
        return months.stream()
                .filter(m -> m.complete() && !m.month().isBefore(first))
                .toList();
    }

    /** Whether an average falls short of the agreed hours per month (no average: not flagged). */
    public static boolean fallsShort(BigDecimal average, BigDecimal agreedPerMonth) {
        return average != null && agreedPerMonth != null && average.compareTo(agreedPerMonth) < 0;
    }

    public static BigDecimal sum(List<Month> months, Function<Month, BigDecimal> field) {
        return months.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
