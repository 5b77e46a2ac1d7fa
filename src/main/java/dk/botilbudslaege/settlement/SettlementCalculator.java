package dk.botilbudslaege.settlement;

import dk.botilbudslaege.agreement.MonthlyFee;
import dk.botilbudslaege.agreement.MonthlyHours;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
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

    /**
     * F4 summed per run of days (i17-settle): the inputs of a day's fee (the rate, a dispensation's hours, the residents,
     * the VAT status) change only on the dated rows of their tables, so between two such dates every day earns the
     * same exact amount and the run adds it × its days. The sum is exact either way, so the line is the same to the
     * øre as summing day by day ({@code SegmentedAccrualTest} compares the two).
     */
    public java.util.Optional<SettlementLine> feeLine(YearMonth month, AgreementTerms terms) {
        LocalDate first = later(month.atDay(1), terms.start());
        LocalDate last = terms.end() == null ? month.atEndOfMonth() : earlier(month.atEndOfMonth(), terms.end());
        if (first.isAfter(last)) {
            return java.util.Optional.empty();
        }
        BigDecimal days = BigDecimal.valueOf(month.lengthOfMonth());
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal exactWithVat = BigDecimal.ZERO;
        boolean firstVat = terms.vatRegisteredOn(first);
        boolean mixedVat = false;
        LocalDate runStart = first;
        for (LocalDate change : changes(terms, first, last)) {
            RunAmount run = run(terms, runStart, change);
            exact = exact.add(run.amount);
            if (run.vat) {
                exactWithVat = exactWithVat.add(run.amount);
            }
            mixedVat |= run.vat != firstVat;
            runStart = change;
        }
        RunAmount run = run(terms, runStart, last.plusDays(1));
        exact = exact.add(run.amount);
        if (run.vat) {
            exactWithVat = exactWithVat.add(run.amount);
        }
        mixedVat |= run.vat != firstVat;
        BigDecimal exVat = exact.divide(days, 2, RoundingMode.HALF_UP);
        BigDecimal vat =
                mixedVat ? MonthlyFee.vat(exactWithVat.divide(days, 2, RoundingMode.HALF_UP)) : vat(exVat, firstVat);
        return java.util.Optional.of(new SettlementLine(
                terms.agreementId(),
                terms.doctorId(),
                terms.providerNumber(),
                terms.regionCode(),
                month,
                SettlementLine.Kind.FEE,
                null,
                (int) ChronoUnit.DAYS.between(first, last) + 1,
                hoursOn(terms, last),
                exVat,
                vat,
                exVat.add(vat)));
    }

    private record RunAmount(BigDecimal amount, boolean vat) {}

    /** The days from {@code from} to before {@code until}: what each earns (the same) × their number, and their VAT. */
    private RunAmount run(AgreementTerms terms, LocalDate from, LocalDate until) {
        BigDecimal perDay = MonthlyFee.exact(hoursOn(terms, from), rates.rateOn(from));
        long n = ChronoUnit.DAYS.between(from, until);
        return new RunAmount(perDay.multiply(BigDecimal.valueOf(n)), terms.vatRegisteredOn(from));
    }

    /**
     * The days after {@code first} up to {@code last} on which an input of the fee may change: a new rate, a
     * dispensation's first day or the day after its last, a dated residents count of a facility, a dated VAT status.
     */
    private java.util.NavigableSet<LocalDate> changes(AgreementTerms terms, LocalDate first, LocalDate last) {
        java.util.TreeSet<LocalDate> changes = new java.util.TreeSet<>(rates.changesBetween(first, last));
        for (AgreementTerms.HoursDispensation d : terms.hoursDispensations()) {
            addWithin(changes, d.from(), first, last);
            if (d.to() != null) {
                addWithin(changes, d.to().plusDays(1), first, last);
            }
        }
        if (terms.sectionResidents() == null) {
            for (Long facilityId : terms.facilityIds()) {
                NavigableMap<LocalDate, Integer> history = residentsHistory.get(facilityId);
                if (history != null) {
                    changes.addAll(history.navigableKeySet().subSet(first, false, last, true));
                }
            }
        }
        changes.addAll(terms.vatHistory().navigableKeySet().subSet(first, false, last, true));
        return changes;
    }

    private static void addWithin(java.util.Set<LocalDate> set, LocalDate day, LocalDate first, LocalDate last) {
        if (day.isAfter(first) && !day.isAfter(last)) {
            set.add(day);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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
