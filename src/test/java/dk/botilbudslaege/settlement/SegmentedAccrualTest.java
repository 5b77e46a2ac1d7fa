package dk.botilbudslaege.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.MonthlyFee;
import dk.botilbudslaege.agreement.MonthlyHours;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * i17-settle: the fee lines and the budget's expected level are summed per run of days whose inputs are unchanged,
 * no longer day by day. The figures must stay the same to the øre: this compares both with the day-by-day sums they
 * replaced (kept here as written before) on many random agreements with rates, residents, dispensations and VAT
 * changing within months, and pins a few known figures.
 */
class SegmentedAccrualTest {

    static final RateTable RATES = new RateTable(Map.of(
            LocalDate.of(2024, 4, 1), new BigDecimal("1072.01"),
            LocalDate.of(2025, 4, 1), new BigDecimal("1100.37"),
            LocalDate.of(2025, 10, 16), new BigDecimal("1123.456"),
            LocalDate.of(2026, 2, 28), new BigDecimal("1150.00"),
            LocalDate.of(2026, 7, 1), new BigDecimal("1171.99")));

    // ---- the day-by-day sums as they were before i17-settle ----------------------------------------------

    static final class DayByDay {
        final RateTable rates;
        final Map<Long, NavigableMap<LocalDate, Integer>> residents;

        DayByDay(RateTable rates, Map<Long, NavigableMap<LocalDate, Integer>> residents) {
            this.rates = rates;
            this.residents = residents;
        }

        Optional<SettlementLine> feeLine(YearMonth month, AgreementTerms terms) {
            List<LocalDate> days = DailyAccrual.activeDays(month, terms.start(), terms.end());
            if (days.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal exVat = DailyAccrual.amount(
                    month, terms.start(), terms.end(), day -> MonthlyFee.exact(hoursOn(terms, day), rates.rateOn(day)));
            BigDecimal vat;
            boolean first = terms.vatRegisteredOn(days.get(0));
            if (days.stream().allMatch(day -> terms.vatRegisteredOn(day) == first)) {
                vat = SettlementCalculator.vat(exVat, first);
            } else {
                vat = MonthlyFee.vat(DailyAccrual.amount(
                        month,
                        terms.start(),
                        terms.end(),
                        day -> terms.vatRegisteredOn(day)
                                ? MonthlyFee.exact(hoursOn(terms, day), rates.rateOn(day))
                                : BigDecimal.ZERO));
            }
            return Optional.of(new SettlementLine(
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

        BigDecimal hoursOn(AgreementTerms terms, LocalDate day) {
            for (AgreementTerms.HoursDispensation d : terms.hoursDispensations()) {
                if (!d.from().isAfter(day) && (d.to() == null || !d.to().isBefore(day))) {
                    return d.hours();
                }
            }
            int sum;
            if (terms.sectionResidents() != null) {
                sum = terms.sectionResidents();
            } else {
                sum = 0;
                for (Long facilityId : terms.facilityIds()) {
                    NavigableMap<LocalDate, Integer> history = residents.get(facilityId);
                    if (history != null && !history.isEmpty()) {
                        Map.Entry<LocalDate, Integer> entry = history.floorEntry(day);
                        sum += entry != null
                                ? entry.getValue()
                                : history.firstEntry().getValue();
                    }
                }
            }
            return MonthlyHours.of(sum, null);
        }
    }

    // ---- random terms ------------------------------------------------------------------------------------

    static LocalDate day(Random random) {
        return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730));
    }

    static Map<Long, NavigableMap<LocalDate, Integer>> residents(Random random) {
        Map<Long, NavigableMap<LocalDate, Integer>> history = new HashMap<>();
        for (long facility = 1; facility <= 6; facility++) {
            NavigableMap<LocalDate, Integer> dated = new TreeMap<>();
            int changes = random.nextInt(5);
            for (int i = 0; i < changes; i++) {
                dated.put(day(random), 10 + random.nextInt(40));
            }
            history.put(facility, dated);
        }
        return history;
    }

    static AgreementTerms terms(Random random, long id) {
        LocalDate start = day(random);
        LocalDate end = random.nextBoolean() ? null : start.plusDays(random.nextInt(400));
        List<Long> facilities = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            facilities.add(1L + random.nextInt(6));
        }
        Integer section = random.nextInt(5) == 0 ? 20 + random.nextInt(20) : null;
        List<AgreementTerms.HoursDispensation> dispensations = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            LocalDate from = day(random);
            dispensations.add(new AgreementTerms.HoursDispensation(
                    from,
                    random.nextBoolean() ? null : from.plusDays(random.nextInt(90)),
                    new BigDecimal(random.nextBoolean() ? "2.5" : "4")));
        }
        NavigableMap<LocalDate, Boolean> vat = new TreeMap<>();
        int v = random.nextInt(4);
        for (int i = 0; i < v; i++) {
            vat.put(day(random), random.nextBoolean());
        }
        return new AgreementTerms(
                id,
                id % 7,
                "0701" + id,
                "1082",
                random.nextBoolean(),
                start,
                end,
                facilities,
                section,
                dispensations,
                vat);
    }

    @Test
    void a_fee_line_summed_per_run_of_days_is_the_day_by_day_line_to_the_oere() {
        Random random = new Random(17);
        int compared = 0;
        for (int round = 0; round < 40; round++) {
            Map<Long, NavigableMap<LocalDate, Integer>> residents = residents(random);
            SettlementCalculator calculator = new SettlementCalculator(RATES, residents);
            DayByDay reference = new DayByDay(RATES, residents);
            for (int a = 0; a < 25; a++) {
                AgreementTerms terms = terms(random, a);
                for (YearMonth month = YearMonth.of(2025, 1);
                        !month.isAfter(YearMonth.of(2026, 12));
                        month = month.plusMonths(1)) {
                    Optional<SettlementLine> expected = reference.feeLine(month, terms);
                    Optional<SettlementLine> actual = calculator.feeLine(month, terms);
                    assertThat(actual).as("%s %s", terms, month).isEqualTo(expected);
                    if (expected.isPresent()) {
                        assertThat(actual.get().amountExVat().scale()).isEqualTo(2);
                        assertThat(actual.get().vat().scale()).isEqualTo(2);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5000);
    }

    @Test
    void known_lines_stay_what_they_were() {
        SettlementCalculator calculator = new SettlementCalculator(
                RATES, Map.of(7L, new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 20, LocalDate.of(2025, 10, 20), 31))));
        AgreementTerms terms = new AgreementTerms(
                1,
                1,
                "070101",
                "1082",
                false,
                LocalDate.of(2025, 4, 15),
                null,
                List.of(7L),
                null,
                List.of(),
                new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), false, LocalDate.of(2025, 10, 10), true)));
        // 16 of 30 days at 2 × 1,100.37
        assertThat(calculator
                        .feeLine(YearMonth.of(2025, 4), terms)
                        .orElseThrow()
                        .amountExVat())
                .isEqualByComparingTo("1173.73");
        // October 2025: the rate changes on the 16th, the residents pass 30 on the 20th, VAT from the 10th
        SettlementLine october =
                calculator.feeLine(YearMonth.of(2025, 10), terms).orElseThrow();
        BigDecimal exact = new BigDecimal("2200.74")
                .multiply(BigDecimal.valueOf(15))
                .add(new BigDecimal("2246.912").multiply(BigDecimal.valueOf(4)))
                .add(new BigDecimal("3370.368").multiply(BigDecimal.valueOf(12)));
        assertThat(october.amountExVat())
                .isEqualByComparingTo(exact.divide(BigDecimal.valueOf(31), 2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("2659.46");
        BigDecimal withVat = exact.subtract(new BigDecimal("2200.74").multiply(BigDecimal.valueOf(9)));
        assertThat(october.vat())
                .isEqualByComparingTo(
                        MonthlyFee.vat(withVat.divide(BigDecimal.valueOf(31), 2, java.math.RoundingMode.HALF_UP)))
                .isEqualByComparingTo("505.13");
        assertThat(october.hours()).isEqualByComparingTo("3");
        assertThat(october.days()).isEqualTo(31);
    }

    @Test
    void the_expected_level_of_a_month_from_a_set_of_days_is_the_day_by_day_level() {
        BudgetLevel level = new BudgetLevel(RATES);
        Random random = new Random(1717);
        for (int year = 2025; year <= 2026; year++) {
            for (int round = 0; round < 200; round++) {
                BitSet days = new BitSet(366);
                int runs = 1 + random.nextInt(4);
                for (int r = 0; r < runs; r++) {
                    int from = random.nextInt(365);
                    days.set(from, Math.min(365, from + 1 + random.nextInt(120)));
                }
                for (int m = 1; m <= 12; m++) {
                    YearMonth month = YearMonth.of(year, m);
                    List<LocalDate> covered = new ArrayList<>();
                    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                        if (days.get(d.getDayOfYear() - 1)) {
                            covered.add(d);
                        }
                    }
                    assertThat(level.month(month, days)).isEqualTo(level.month(month, covered));
                }
            }
        }
        BitSet all = new BitSet();
        all.set(0, 365);
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            sum = sum.add(level.month(YearMonth.of(2026, m), all));
        }
        assertThat(sum).isEqualTo(level.fullYear(2026));
    }
}
