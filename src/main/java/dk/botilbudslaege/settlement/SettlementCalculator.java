package dk.botilbudslaege.settlement;

import dk.botilbudslaege.agreement.MonthlyFee;
import dk.botilbudslaege.agreement.MonthlyHours;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Computes a month's fee lines from the agreements' terms, the rate table and the residents history
 * (F1-F4). Pure: the same inputs always give the same lines, so a run can be repeated safely.
 */
public final class SettlementCalculator {

    private final RateTable rates;
    private final Map<Long, NavigableMap<LocalDate, Integer>> residentsHistory;

    public SettlementCalculator(RateTable rates, Map<Long, NavigableMap<LocalDate, Integer>> residentsHistory) {
        this.rates = rates;
        this.residentsHistory = residentsHistory;
    }

    public List<SettlementLine> feeLines(YearMonth month, List<AgreementTerms> agreements) {
        List<SettlementLine> lines = new ArrayList<>();
        for (AgreementTerms terms : agreements) {
            feeLine(month, terms).ifPresent(lines::add);
        }
        return lines;
    }

    public java.util.Optional<SettlementLine> feeLine(YearMonth month, AgreementTerms terms) {
        List<LocalDate> days = DailyAccrual.activeDays(month, terms.start(), terms.end());
        if (days.isEmpty()) {
            return java.util.Optional.empty();
        }
        BigDecimal exVat = DailyAccrual.amount(
                month, terms.start(), terms.end(), day -> MonthlyFee.exact(hoursOn(terms, day), rates.rateOn(day)));
        BigDecimal vat = vatOf(month, terms, exVat);
        return java.util.Optional.of(new SettlementLine(
                terms.agreementId(),
                terms.doctorId(),
                terms.providerNumber(),
                terms.regionCode(),
                month,
                SettlementLine.Kind.FEE,
                null,
                days.size(),
                hoursOn(terms, days.get(days.size() - 1)),
                exVat,
                vat,
                exVat.add(vat)));
    }

    /**
     * F3-F5 with a dated VAT status: 25 % VAT on the rounded ex-VAT part earned on the days the
     * practice was VAT registered. That part is summed exactly and rounded once like the line (F4), so
     * a month wholly with VAT gets 25 % of the rounded line and a month without gets none. Example:
     * 3 hours, 30 days, VAT from the 16th: part 3,216.03 × 15/30 = 1,608.02, VAT 402.01.
     */
    BigDecimal vatOf(YearMonth month, AgreementTerms terms, BigDecimal lineExVat) {
        List<LocalDate> days = DailyAccrual.activeDays(month, terms.start(), terms.end());
        boolean first = terms.vatRegisteredOn(days.get(0));
        if (days.stream().allMatch(day -> terms.vatRegisteredOn(day) == first)) {
            return vat(lineExVat, first);
        }
        return MonthlyFee.vat(DailyAccrual.amount(
                month,
                terms.start(),
                terms.end(),
                day -> terms.vatRegisteredOn(day)
                        ? MonthlyFee.exact(hoursOn(terms, day), rates.rateOn(day))
                        : BigDecimal.ZERO));
    }

    /** F3: 25 % VAT on the rounded line when the practice is VAT registered, else none. */
    static BigDecimal vat(BigDecimal amountExVat, boolean vatRegistered) {
        return vatRegistered ? MonthlyFee.vat(amountExVat) : BigDecimal.ZERO.setScale(2);
    }

    /** F2 on one day: a dispensation's hours, else 3 when the unit has more than 30 residents, else 2. */
    BigDecimal hoursOn(AgreementTerms terms, LocalDate day) {
        for (AgreementTerms.HoursDispensation dispensation : terms.hoursDispensations()) {
            if (dispensation.validOn(day)) {
                return dispensation.hours();
            }
        }
        return MonthlyHours.of(residentsOn(terms, day), null);
    }

    int residentsOn(AgreementTerms terms, LocalDate day) {
        if (terms.sectionResidents() != null) {
            return terms.sectionResidents();
        }
        int sum = 0;
        for (Long facilityId : terms.facilityIds()) {
            NavigableMap<LocalDate, Integer> history = residentsHistory.get(facilityId);
            if (history != null && !history.isEmpty()) {
                Map.Entry<LocalDate, Integer> entry = history.floorEntry(day);
                sum += entry != null ? entry.getValue() : history.firstEntry().getValue();
            }
        }
        return sum;
    }
}
