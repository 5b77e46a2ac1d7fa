package dk.botilbudslaege.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * C1: a facility is covered on a date when an approved agreement covering it (or one of its
 * sections) is in force that day: start ≤ date ≤ end, or no end. The database holds the same rule as
 * {@code agreement_coverage.period @> date} with {@code period = daterange(start, end, '[]')};
 * drafts, filed, rejected and withdrawn agreements have no coverage rows and never count.
 */
public final class CoverageRule {

    private CoverageRule() {}

    /** Whether an approved agreement from {@code start} to {@code end} (null: open) is in force on {@code date}. */
    public static boolean inForce(LocalDate start, LocalDate end, LocalDate date) {
        return !date.isBefore(start) && (end == null || !date.isAfter(end));
    }

    /** Covered over all, as a fraction 0..1 with four decimals; 0 when there is nothing to cover. */
    public static BigDecimal fraction(long covered, long all) {
        if (all <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(covered).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP);
    }
}
