package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC F6: when a region's (or the nation's) budget is flagged. Pure: figures in, assessment out.
 *
 * <ul>
 *   <li>{@code ABOVE_LEVEL}: the year's cost (ex VAT) is higher than the expected level, 2 hours × the
 *   rate in force for each day a facility was covered ({@link BudgetLevel}); compared as a percentage
 *   with one decimal, so a level of 100.0 % (rounding to øre) is no flag. Seed 004 reads a higher level
 *   as more residents per doctor than the frame assumed, so the flag names its cause: how many
 *   agreements pay 3 or more hours, because of over 30 residents or a dispensation.</li>
 *   <li>{@code PASSES_FRAME}: at the year's pace — the months so far and the rest of the year at the
 *   agreements in force — the cumulative cost passes the frame (the region's share of 6.3 MDKK) before
 *   the year ends; the flag names the month it passes.</li>
 * </ul>
 */
public final class BudgetFlags {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BudgetFlags() {}

    /**
     * A region's or the nation's year.
     *
     * @param monthlyCost         the cost ex VAT of each month of the year (January first; 12 entries)
     * @param expected            the expected level for the year: 2 hours × rate for each covered facility-day
     * @param coveredFacilities   facilities covered on some day of the year
     * @param threeHourAgreements agreements paying 3 or more hours in some month of the year
     * @param overThirtyResidents of those, because the unit has more than 30 residents
     * @param dispensations       of those, because of a dispensation on hours
     */
    public record Figures(
            int year,
            BigDecimal frame,
            List<BigDecimal> monthlyCost,
            BigDecimal expected,
            int coveredFacilities,
            int threeHourAgreements,
            int overThirtyResidents,
            int dispensations) {

        public BigDecimal cost() {
            return monthlyCost.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A flag: a stable code and the values its message names. */
    public record Flag(String code, List<Object> args) {}

    /**
     * @param levelPercent the cost as a percentage of the expected level (null when nothing is covered)
     * @param passesFrameIn the month the cumulative cost passes the frame, or null
     */
    public record Assessment(BigDecimal levelPercent, boolean aboveLevel, YearMonth passesFrameIn, List<Flag> flags) {}

    public static Assessment assess(Figures f) {
        List<Flag> flags = new ArrayList<>();
        BigDecimal level = f.expected().signum() == 0
                ? null
                : f.cost().multiply(HUNDRED).divide(f.expected(), 1, RoundingMode.HALF_UP);
        boolean above = level != null && level.compareTo(HUNDRED) > 0;
        if (above) {
            flags.add(new Flag(
                    "ABOVE_LEVEL",
                    List.of(level, f.threeHourAgreements(), f.overThirtyResidents(), f.dispensations())));
        }
        YearMonth passes = passesFrameIn(f.year(), f.frame(), f.monthlyCost());
        if (passes != null) {
            flags.add(new Flag("PASSES_FRAME", List.of(passes)));
        }
        return new Assessment(level, above, passes, List.copyOf(flags));
    }

    /** The first month whose cumulative cost exceeds the frame, or null if the year stays within it. */
    static YearMonth passesFrameIn(int year, BigDecimal frame, List<BigDecimal> monthlyCost) {
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < monthlyCost.size(); i++) {
            cumulative = cumulative.add(monthlyCost.get(i));
            if (cumulative.compareTo(frame) > 0) {
                return YearMonth.of(year, i + 1);
            }
        }
        return null;
    }
}
