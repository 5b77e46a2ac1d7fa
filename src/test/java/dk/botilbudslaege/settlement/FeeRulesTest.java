package dk.botilbudslaege.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.MonthlyFee;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** SPEC §4 F1-F4 with its worked examples and the edges around them. */
class FeeRulesTest {

    static final BigDecimal RATE = new BigDecimal("1072.01");
    static final RateTable RATES = new RateTable(Map.of(LocalDate.of(2024, 4, 1), RATE));

    static AgreementTerms terms(LocalDate start, LocalDate end, boolean vat, long facilityId) {
        return new AgreementTerms(1, 1, "070101", "1082", vat, start, end, List.of(facilityId), null, List.of());
    }

    static SettlementCalculator calculator(Map<Long, NavigableMap<LocalDate, Integer>> residents) {
        return new SettlementCalculator(RATES, residents);
    }

    static Map<Long, NavigableMap<LocalDate, Integer>> residents(long facilityId, Object... dateAndCount) {
        NavigableMap<LocalDate, Integer> history = new TreeMap<>();
        for (int i = 0; i < dateAndCount.length; i += 2) {
            history.put(LocalDate.parse((String) dateAndCount[i]), (Integer) dateAndCount[i + 1]);
        }
        return Map.of(facilityId, history);
    }

    @Test
    void f1_two_hours_cost_2144_02_a_month() {
        assertThat(MonthlyFee.exact(new BigDecimal("2"), RATE)).isEqualByComparingTo("2144.02");
        assertThat(MonthlyFee.exact(new BigDecimal("3"), RATE)).isEqualByComparingTo("3216.03");
    }

    @Test
    void f4_a_start_on_15_april_earns_16_of_30_days() {
        var line = calculator(residents(7, "2025-01-01", 20))
                .feeLine(YearMonth.of(2025, 4), terms(LocalDate.of(2025, 4, 15), null, false, 7))
                .orElseThrow();
        assertThat(line.amountExVat()).isEqualByComparingTo("1143.48");
        assertThat(line.days()).isEqualTo(16);
        assertThat(line.vat()).isEqualByComparingTo("0.00");
    }

    @Test
    void f3_three_hours_vat_registered_full_month_is_3216_03_plus_804_01() {
        var line = calculator(residents(7, "2025-01-01", 38))
                .feeLine(YearMonth.of(2025, 5), terms(LocalDate.of(2025, 4, 1), null, true, 7))
                .orElseThrow();
        assertThat(line.amountExVat()).isEqualByComparingTo("3216.03");
        assertThat(line.vat()).isEqualByComparingTo("804.01");
        assertThat(line.amountInclVat()).isEqualByComparingTo("4020.04");
        assertThat(line.hours()).isEqualByComparingTo("3");
    }

    @Test
    void f2_thirty_residents_is_two_hours_and_thirty_one_is_three() {
        SettlementCalculator calc = calculator(Map.of(
                1L,
                new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 30)),
                2L,
                new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 31))));
        AgreementTerms thirty = terms(LocalDate.of(2025, 1, 1), null, false, 1);
        AgreementTerms thirtyOne = terms(LocalDate.of(2025, 1, 1), null, false, 2);
        assertThat(calc.hoursOn(thirty, LocalDate.of(2025, 6, 1))).isEqualByComparingTo("2");
        assertThat(calc.hoursOn(thirtyOne, LocalDate.of(2025, 6, 1))).isEqualByComparingTo("3");
    }

    @Test
    void f2_a_group_sums_its_members_residents() {
        SettlementCalculator calc = calculator(Map.of(
                1L,
                new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 9)),
                2L,
                new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 27))));
        AgreementTerms group = new AgreementTerms(
                1, 1, "070101", "1082", false, LocalDate.of(2025, 8, 1), null, List.of(1L, 2L), null, List.of());
        assertThat(calc.hoursOn(group, LocalDate.of(2025, 9, 1))).isEqualByComparingTo("3");
    }

    @Test
    void f4_residents_crossing_30_within_a_month_are_paid_by_day() {
        // 20 residents until 10 June, 35 from 11 June: 10 days at 2 hours, 20 days at 3 hours
        var line = calculator(residents(7, "2025-01-01", 20, "2025-06-11", 35))
                .feeLine(YearMonth.of(2025, 6), terms(LocalDate.of(2025, 1, 1), null, false, 7))
                .orElseThrow();
        BigDecimal expected = new BigDecimal("2144.02")
                .multiply(BigDecimal.TEN)
                .add(new BigDecimal("3216.03").multiply(BigDecimal.valueOf(20)))
                .divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP);
        assertThat(line.amountExVat()).isEqualByComparingTo(expected).isEqualByComparingTo("2858.69");
        assertThat(line.hours()).isEqualByComparingTo("3");
    }

    @Test
    void f4_a_rate_change_within_a_month_is_paid_by_day() {
        RateTable rates = new RateTable(
                Map.of(LocalDate.of(2024, 4, 1), RATE, LocalDate.of(2025, 4, 16), new BigDecimal("1100.00")));
        var line = new SettlementCalculator(rates, residents(7, "2025-01-01", 10))
                .feeLine(YearMonth.of(2025, 4), terms(LocalDate.of(2025, 1, 1), null, false, 7))
                .orElseThrow();
        // 15 days at 2,144.02 and 15 days at 2,200.00
        assertThat(line.amountExVat()).isEqualByComparingTo("2172.01");
    }

    @Test
    void f4_a_dispensation_on_hours_within_a_month_is_paid_by_day() {
        AgreementTerms withDispensation = new AgreementTerms(
                1,
                1,
                "070101",
                "1082",
                false,
                LocalDate.of(2025, 1, 1),
                null,
                List.of(7L),
                null,
                List.of(new AgreementTerms.HoursDispensation(LocalDate.of(2025, 9, 16), null, new BigDecimal("4"))));
        var line = calculator(residents(7, "2025-01-01", 10))
                .feeLine(YearMonth.of(2025, 9), withDispensation)
                .orElseThrow();
        // 15 days at 2 hours, 15 days at 4 hours: (15 × 2,144.02 + 15 × 4,288.04) / 30
        assertThat(line.amountExVat()).isEqualByComparingTo("3216.03");
        assertThat(line.hours()).isEqualByComparingTo("4");
    }

    @Test
    void f4_an_end_within_the_month_stops_the_fee_after_the_last_day() {
        var line = calculator(residents(7, "2025-01-01", 10))
                .feeLine(YearMonth.of(2026, 3), terms(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 3, 10), false, 7))
                .orElseThrow();
        assertThat(line.days()).isEqualTo(10);
        assertThat(line.amountExVat()).isEqualByComparingTo("691.62");
    }

    @Test
    void no_line_for_a_month_outside_the_agreement() {
        SettlementCalculator calc = calculator(residents(7, "2025-01-01", 10));
        assertThat(calc.feeLine(YearMonth.of(2025, 3), terms(LocalDate.of(2025, 4, 1), null, false, 7)))
                .isEmpty();
        assertThat(calc.feeLine(
                        YearMonth.of(2026, 4), terms(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31), false, 7)))
                .isEmpty();
    }

    @Test
    void february_of_a_leap_year_has_29_days() {
        var line = calculator(residents(7, "2025-01-01", 10))
                .feeLine(YearMonth.of(2028, 2), terms(LocalDate.of(2028, 2, 15), null, false, 7))
                .orElseThrow();
        assertThat(line.days()).isEqualTo(15);
        assertThat(line.amountExVat())
                .isEqualByComparingTo(new BigDecimal("2144.02")
                        .multiply(BigDecimal.valueOf(15))
                        .divide(BigDecimal.valueOf(29), 2, RoundingMode.HALF_UP));
    }

    @Test
    void vat_is_computed_on_the_rounded_line_half_up() {
        assertThat(SettlementCalculator.vat(new BigDecimal("1143.48"), true)).isEqualByComparingTo("285.87");
        assertThat(SettlementCalculator.vat(new BigDecimal("0.02"), true)).isEqualByComparingTo("0.01");
        assertThat(SettlementCalculator.vat(new BigDecimal("0.01"), true)).isEqualByComparingTo("0.00");
        assertThat(SettlementCalculator.vat(new BigDecimal("3216.03"), false)).isEqualByComparingTo("0.00");
    }

    /** Property: split a month at any day; the exact halves add up to the whole, each line rounded once. */
    @RepeatedTest(200)
    void a_month_split_in_two_adds_up_to_the_whole_month_within_rounding(
            org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        YearMonth month = YearMonth.of(2025 + random.nextInt(4), 1 + random.nextInt(12));
        int split = 1 + random.nextInt(month.lengthOfMonth() - 1);
        BigDecimal fee = BigDecimal.valueOf(100_000 + random.nextInt(900_000), 2);
        LocalDate lastOfFirst = month.atDay(split);
        BigDecimal first = DailyAccrual.amount(month, month.atDay(1), lastOfFirst, d -> fee);
        BigDecimal second = DailyAccrual.amount(month, lastOfFirst.plusDays(1), null, d -> fee);
        BigDecimal whole = DailyAccrual.amount(month, month.atDay(1), null, d -> fee);

        assertThat(whole).isEqualByComparingTo(fee);
        assertThat(first.add(second).subtract(whole).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
        assertThat(first.scale()).isEqualTo(2);
    }

    /** Property: rounding happens once per line, never per day. */
    @RepeatedTest(100)
    void the_line_is_the_exact_daily_sum_rounded_once(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        YearMonth month = YearMonth.of(2026, 1 + random.nextInt(12));
        LocalDate start = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        BigDecimal fee = BigDecimal.valueOf(100_000 + random.nextInt(900_000), 2);
        long days = month.lengthOfMonth() - start.getDayOfMonth() + 1;
        BigDecimal expected = fee.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
        assertThat(DailyAccrual.amount(month, start, null, d -> fee)).isEqualByComparingTo(expected);
    }
}
