package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What approving an agreement whose start lies in the past pays afterwards (issue 11 item 5), shown on
 * the confirmation before the region approves. The months from the start's month to the month before
 * today's are already past; each pays the monthly fee for the days the agreement runs in it (F4: the
 * fee × days / days of the month, rounded to øre per month). An estimate at one rate, today's, and the
 * monthly hours of today: the settlement itself uses the rate and hours of each day. Example: start
 * 2025-04-15, approved 2025-07-10, 2 hours at 1,072.01: April 2,144.02 × 16/30 = 1,143.48, May and June
 * 2,144.02 each: 3 months, 5,431.52 kr. ex VAT. The current month is paid in its own run.
 *
 * @param months   the past months the agreement runs in (0: nothing to pay afterwards)
 * @param first    the first of them, null when none
 * @param last     the last of them, null when none
 * @param amountExVat the estimated amount ex VAT
 */
public record BackPay(int months, YearMonth first, YearMonth last, BigDecimal amountExVat) {

    public static BackPay of(LocalDate start, LocalDate today, BigDecimal monthlyFee) {
        YearMonth first = YearMonth.from(start);
        YearMonth last = YearMonth.from(today).minusMonths(1);
        if (first.isAfter(last)) {
            return new BackPay(0, null, null, BigDecimal.ZERO.setScale(2));
        }
        BigDecimal sum = BigDecimal.ZERO;
        int months = 0;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate from = month.equals(first) ? start : month.atDay(1);
            int days = month.atEndOfMonth().getDayOfMonth() - from.getDayOfMonth() + 1;
            sum = sum.add(monthlyFee
                    .multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP));
            months++;
        }
        return new BackPay(months, first, last, sum);
    }
}
