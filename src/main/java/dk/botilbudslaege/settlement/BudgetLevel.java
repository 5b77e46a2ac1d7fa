package dk.botilbudslaege.settlement;

import dk.botilbudslaege.agreement.MonthlyFee;
import dk.botilbudslaege.agreement.MonthlyHours;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Collection;

/**
 * SPEC F6 (seed 004: "Udgifterne skal følge dækningsgraden"): the frame of 6.3 MDKK for 250
 * facilities assumes 2 hours a month per covered facility at the rate level of its day. The expected
 * cost of a facility is therefore 2 hours × the rate in force, earned day by day as a fee is (F4): each
 * covered day earns 2 × rate / the days of its month, summed exactly and rounded once per month.
 * At 1,072.01 kr. an hour: 2,144.02 kr. a month, 25,728.24 kr. for a full year — not the fixed
 * 6.3 MDKK / 250 = 25,200 kr., which lies below an ordinary fee.
 */
public final class BudgetLevel {

    /** The frame's assumption: an ordinary facility's hours (R2, F2). */
    public static final BigDecimal FRAME_HOURS = MonthlyHours.STANDARD;

    private final RateTable rates;

    public BudgetLevel(RateTable rates) {
        this.rates = rates;
    }

    /** The expected level of one facility for a whole month at the rate on {@code day}: 2 × 1,072.01 = 2,144.02. */
    public BigDecimal monthly(LocalDate day) {
        return MonthlyFee.of(FRAME_HOURS, rates.rateOn(day));
    }

    /** The expected cost of one facility covered on {@code coveredDays} (days of {@code month}; others ignored). */
    public BigDecimal month(YearMonth month, Collection<LocalDate> coveredDays) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate day : coveredDays) {
            if (YearMonth.from(day).equals(month)) {
                sum = sum.add(MonthlyFee.exact(FRAME_HOURS, rates.rateOn(day)));
            }
        }
        return sum.divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }

    /**
     * {@link #month(YearMonth, Collection)} for the covered days of {@code month} given as days of its year (bit
     * {@code d - 1} for day-of-year {@code d}), summed per run of days at one rate (i17-settle): the same exact sum,
     * the same level to the øre, without a list and a rate look-up per day.
     */
    BigDecimal month(YearMonth month, BitSet daysOfYear) {
        int first = month.atDay(1).getDayOfYear() - 1;
        int end = first + month.lengthOfMonth();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = daysOfYear.nextSetBit(first); i >= 0 && i < end; i = daysOfYear.nextSetBit(i)) {
            int runEnd = Math.min(daysOfYear.nextClearBit(i), end);
            LocalDate from = month.atDay(i - first + 1);
            LocalDate until = month.atDay(runEnd - first).plusDays(1);
            for (LocalDate change : rates.changesBetween(from, until.minusDays(1))) {
                sum = sum.add(runAmount(from, change));
                from = change;
            }
            sum = sum.add(runAmount(from, until));
            i = runEnd;
        }
        return sum.divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
    }

    private BigDecimal runAmount(LocalDate from, LocalDate until) {
        return MonthlyFee.exact(FRAME_HOURS, rates.rateOn(from))
                .multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, until)));
    }

    /** One facility covered every day of a year: the twelve months' levels (25,728.24 at 1,072.01). */
    public BigDecimal fullYear(int year) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            sum = sum.add(month(
                    month,
                    month.atDay(1).datesUntil(month.atEndOfMonth().plusDays(1)).toList()));
        }
        return sum;
    }
}
