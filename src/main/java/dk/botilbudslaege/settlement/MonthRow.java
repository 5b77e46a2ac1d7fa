package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

/**
 * One line of the month page as it is shown (i18-settle): the page read each cell through a chain of method calls and
 * formatted each amount with a new number format, half of its time for a region's hundred lines. Here each cell is one
 * accessor call (in the page's evaluation context a call costs a fifth of a property read, which looks the accessor
 * up each time), and the amounts are formatted as the page's {@code #numbers.formatDecimal(amount, 1, 'DEFAULT', 2,
 * 'DEFAULT')} formats them (the same Thymeleaf function), once per distinct amount of the page.
 */
record MonthRow(
        long agreementId,
        String unitName,
        String municipalityName,
        String doctorName,
        String providerNumber,
        boolean fee,
        YearMonth correctsMonth,
        int days,
        BigDecimal hours,
        String exVat,
        String vat,
        String inclVat) {

    static List<MonthRow> of(List<Settlements.LineView> lines, Locale locale) {
        Map<BigDecimal, String> shown = new HashMap<>();
        List<MonthRow> rows = new ArrayList<>(lines.size());
        for (Settlements.LineView v : lines) {
            SettlementLine l = v.line();
            rows.add(new MonthRow(
                    l.agreementId(),
                    v.unitName(),
                    v.municipalityName(),
                    v.doctorName(),
                    l.providerNumber(),
                    l.kind() == SettlementLine.Kind.FEE,
                    l.correctsMonth(),
                    l.days(),
                    l.hours(),
                    shown.computeIfAbsent(l.amountExVat(), a -> amount(a, locale)),
                    shown.computeIfAbsent(l.vat(), a -> amount(a, locale)),
                    shown.computeIfAbsent(l.amountInclVat(), a -> amount(a, locale))));
        }
        return rows;
    }

    private static String amount(BigDecimal amount, Locale locale) {
        return NumberUtils.format(amount, 1, NumberPointType.DEFAULT, 2, NumberPointType.DEFAULT, locale);
    }
}
