package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The monthly advisory fee of an agreement (SPEC F1, F3; seed 004 § 65 stk. 1 and 3): hours × hourly
 * rate, rounded half up to øre; when the practice is VAT registered, 25 % VAT is computed on the
 * rounded fee, half up. Example: 2 hours × 1.072,01 = 2.144,02 kr.; 3 hours = 3.216,03 kr. + 804,01 kr.
 * VAT = 4.020,04 kr.
 */
public final class MonthlyFee {

    /**
     * F1: DKK per hour ex VAT, April 2024 level, travel time included: the first row of the dated rate
     * table (V6) that the region keeps; indexation adds rows there.
     */
    public static final BigDecimal HOURLY_RATE = new BigDecimal("1072.01");
    /** F3: VAT added when the practice is VAT registered. */
    public static final BigDecimal VAT_RATE = new BigDecimal("0.25");

    private MonthlyFee() {}

    /** Hours × rate, rounded half up to øre (2 decimals). */
    public static BigDecimal of(BigDecimal hours, BigDecimal rate) {
        return exact(hours, rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** Hours × rate unrounded: what each day of a month earns a share of before the line is rounded once (F4). */
    public static BigDecimal exact(BigDecimal hours, BigDecimal rate) {
        return hours.multiply(rate);
    }

    /** 25 % VAT on a fee ex VAT, rounded half up to øre. */
    public static BigDecimal vat(BigDecimal feeExVat) {
        return feeExVat.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP);
    }

    /** The fee ex VAT plus its VAT. */
    public static BigDecimal inclVat(BigDecimal feeExVat) {
        return feeExVat.add(vat(feeExVat));
    }
}
