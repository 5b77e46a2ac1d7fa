package dk.botilbudslaege.agreement;

import java.math.BigDecimal;

/**
 * Hours of advice per month (SPEC F2, seed 004 § 65): 2, or 3 when the unit has more than 30
 * residents (a group's residents are summed), or what a dispensation on hours sets while valid.
 */
public final class MonthlyHours {

    public static final BigDecimal STANDARD = new BigDecimal("2");
    public static final BigDecimal LARGE_UNIT = new BigDecimal("3");
    /** A unit with more than this many residents gets {@link #LARGE_UNIT} hours. */
    public static final int LARGE_UNIT_THRESHOLD = 30;

    private MonthlyHours() {}

    /** @param dispensationHours the hours of a valid HOURS dispensation, or null */
    public static BigDecimal of(int residents, BigDecimal dispensationHours) {
        if (dispensationHours != null) {
            return dispensationHours;
        }
        return residents > LARGE_UNIT_THRESHOLD ? LARGE_UNIT : STANDARD;
    }
}
