package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * F1: the hourly rate in force on a day, which the information form and the confirmation show. The rate
 * table belongs to settlement, which depends on agreement: agreement declares the question and settlement
 * answers it, so no cycle runs between them (issue 12).
 */
public interface HourlyRates {

    /** The rate of the dated rate table in force on the day, or {@link MonthlyFee#HOURLY_RATE} before any. */
    BigDecimal hourlyRateOn(LocalDate day);
}
