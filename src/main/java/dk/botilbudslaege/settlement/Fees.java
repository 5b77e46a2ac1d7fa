package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * F1 and F3: the monthly fee is hours × the hourly rate (2 hours × 1,072.01 = 2,144.02 DKK ex VAT);
 * 25 % VAT is added when the practice is VAT registered, computed on the rounded line, half up
 * (3,216.03 + 804.01 VAT = 4,020.04).
 */
public final class Fees {

    public static final BigDecimal VAT_RATE = new BigDecimal("0.25");

    private Fees() {
    }

    public static BigDecimal monthlyFee(BigDecimal hours, BigDecimal hourlyRate) {
        return hours.multiply(hourlyRate);
    }

    public static BigDecimal vat(BigDecimal amountExVat, boolean vatRegistered) {
        return vatRegistered ? amountExVat.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
    }
}
