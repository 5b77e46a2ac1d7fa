package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One line of a month's settlement: the fee of one agreement for the month, or an adjustment that
 * corrects an approved (locked) earlier month. Amounts in DKK with øre.
 *
 * @param hours the monthly hours on the agreement's last day in force in the month
 */
public record SettlementLine(
        long agreementId,
        long doctorId,
        String providerNumber,
        String regionCode,
        YearMonth month,
        Kind kind,
        YearMonth correctsMonth,
        int days,
        BigDecimal hours,
        BigDecimal amountExVat,
        BigDecimal vat,
        BigDecimal amountInclVat) {

    public enum Kind {
        FEE,
        ADJUSTMENT
    }
}
