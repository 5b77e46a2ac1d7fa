package dk.botilbudslaege.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * SPEC F6 as rewritten in issue 11 (seed 004: "Udgifterne skal følge dækningsgraden. Ligger
 * udgiftsniveauet højere, indikerer det en forkert dimensionering ift. antal beboere pr. læge"): the
 * expected level is 2 hours a month per covered facility at the rate in force; a higher level is flagged
 * with its cause, and so is a pace that passes the frame before the year ends. Pure rules, no Spring.
 */
class BudgetRulesTest {

    static final RateTable RATES = new RateTable(Map.of(LocalDate.of(2024, 4, 1), new BigDecimal("1072.01")));
    static final BudgetLevel LEVEL = new BudgetLevel(RATES);
    static final int YEAR = 2026;

    // ---- the level ----------------------------------------------------------------------------

    @Test
    void the_level_is_2_hours_at_1072_01_that_is_2144_02_a_month_and_25728_24_for_a_full_year() {
        assertThat(LEVEL.monthly(LocalDate.of(2026, 6, 1))).isEqualByComparingTo("2144.02");
        assertThat(LEVEL.month(YearMonth.of(2026, 2), days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28))))
                .isEqualByComparingTo("2144.02");
        assertThat(LEVEL.fullYear(YEAR)).isEqualByComparingTo("25728.24");
        // the old fixed level, 6.3 MDKK / 250, lies below an ordinary full-year fee
        assertThat(LEVEL.fullYear(YEAR)).isGreaterThan(new BigDecimal("25200.00"));
    }

    @Test
    void a_facility_covered_from_15_april_expects_16_of_30_days_like_the_fee() {
        assertThat(LEVEL.month(YearMonth.of(2025, 4), days(LocalDate.of(2025, 4, 15), LocalDate.of(2025, 4, 30))))
                .isEqualByComparingTo("1143.48");
        assertThat(LEVEL.month(YearMonth.of(2025, 4), List.of())).isEqualByComparingTo("0.00");
        // days outside the month count nothing
        assertThat(LEVEL.month(YearMonth.of(2025, 4), List.of(LocalDate.of(2025, 5, 1))))
                .isEqualByComparingTo("0.00");
    }

    @Test
    void the_level_follows_the_rate_in_force_each_day() {
        BudgetLevel indexed = new BudgetLevel(new RateTable(Map.of(
                LocalDate.of(2024, 4, 1),
                new BigDecimal("1072.01"),
                LocalDate.of(2027, 4, 16),
                new BigDecimal("1100.00"))));
        // 15 days at 2,144.02 and 15 at 2,200.00, over 30 days
        assertThat(indexed.month(YearMonth.of(2027, 4), days(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30))))
                .isEqualByComparingTo("2172.01");
        assertThat(indexed.monthly(LocalDate.of(2027, 5, 1))).isEqualByComparingTo("2200.00");
        assertThat(indexed.fullYear(2026)).isEqualByComparingTo("25728.24");
    }

    // ---- the flags, on regions priced by the real fee calculator -------------------------------

    /** A region of one-facility agreements, all year: {@code residents[i]} residents, a dispensation to 3 hours for the last {@code dispensed}. */
    record Region(List<AgreementTerms> terms, Map<Long, NavigableMap<LocalDate, Integer>> residents) {

        static Region of(int dispensed, int... residents) {
            List<AgreementTerms> terms = new ArrayList<>();
            Map<Long, NavigableMap<LocalDate, Integer>> history = new HashMap<>();
            for (int i = 0; i < residents.length; i++) {
                long facility = 100 + i;
                List<AgreementTerms.HoursDispensation> hours = i >= residents.length - dispensed
                        ? List.of(new AgreementTerms.HoursDispensation(
                                LocalDate.of(2025, 1, 1), null, new BigDecimal("3")))
                        : List.of();
                terms.add(new AgreementTerms(
                        i + 1,
                        i + 1,
                        "0701" + i,
                        "1082",
                        false,
                        LocalDate.of(2025, 1, 1),
                        null,
                        List.of(facility),
                        null,
                        hours));
                history.put(facility, new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), residents[i])));
            }
            return new Region(terms, history);
        }

        List<BigDecimal> monthlyCost() {
            SettlementCalculator calculator = new SettlementCalculator(RATES, residents);
            List<BigDecimal> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                months.add(calculator.feeLines(YearMonth.of(YEAR, m), terms).stream()
                        .map(SettlementLine::amountExVat)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            return months;
        }

        BigDecimal expected() {
            return LEVEL.fullYear(YEAR).multiply(BigDecimal.valueOf(terms.size()));
        }

        BudgetFlags.Assessment assess(String frame, int overThirty, int dispensations) {
            return BudgetFlags.assess(new BudgetFlags.Figures(
                    YEAR,
                    new BigDecimal(frame),
                    monthlyCost(),
                    expected(),
                    terms.size(),
                    overThirty + dispensations,
                    overThirty,
                    dispensations));
        }
    }

    @Test
    void an_ordinary_region_of_2_hour_agreements_is_at_100_percent_and_not_flagged() {
        Region ordinary = Region.of(0, 12, 20, 8, 30, 25, 14, 9, 30, 18, 22);
        assertThat(ordinary.monthlyCost().get(0)).isEqualByComparingTo("21440.20");
        assertThat(ordinary.expected()).isEqualByComparingTo("257282.40");

        BudgetFlags.Assessment assessment = ordinary.assess("1000000.00", 0, 0);

        assertThat(assessment.levelPercent()).isEqualByComparingTo("100.0");
        assertThat(assessment.aboveLevel()).isFalse();
        assertThat(assessment.passesFrameIn()).isNull();
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void a_region_with_many_3_hour_agreements_is_flagged_with_how_many_and_why() {
        // 4 ordinary, 5 over 30 residents (the edge: 31), 1 with a dispensation to 3 hours
        Region heavy = Region.of(1, 12, 20, 8, 30, 31, 38, 45, 31, 60, 10);
        // a month: 4 × 2,144.02 + 6 × 3,216.03 = 27,872.26
        assertThat(heavy.monthlyCost().get(5)).isEqualByComparingTo("27872.26");

        BudgetFlags.Assessment assessment = heavy.assess("1000000.00", 5, 1);

        assertThat(assessment.levelPercent()).isEqualByComparingTo("130.0");
        assertThat(assessment.aboveLevel()).isTrue();
        assertThat(assessment.flags())
                .containsExactly(new BudgetFlags.Flag("ABOVE_LEVEL", List.of(new BigDecimal("130.0"), 6, 5, 1)));
    }

    @Test
    void one_3_hour_agreement_among_ten_is_above_the_level() {
        BudgetFlags.Assessment assessment =
                Region.of(0, 12, 20, 8, 30, 25, 14, 9, 30, 18, 31).assess("1000000.00", 1, 0);
        assertThat(assessment.levelPercent()).isEqualByComparingTo("105.0");
        assertThat(assessment.aboveLevel()).isTrue();
    }

    @Test
    void a_group_agreement_covering_two_facilities_costs_less_than_the_level_and_is_not_flagged() {
        AgreementTerms group = new AgreementTerms(
                1, 1, "070101", "1082", false, LocalDate.of(2025, 1, 1), null, List.of(1L, 2L), null, List.of());
        Map<Long, NavigableMap<LocalDate, Integer>> residents = Map.of(
                1L, new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 10)),
                2L, new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), 12)));
        Region region = new Region(List.of(group), residents);
        BudgetFlags.Assessment assessment = BudgetFlags.assess(new BudgetFlags.Figures(
                YEAR,
                new BigDecimal("1000000"),
                region.monthlyCost(),
                LEVEL.fullYear(YEAR).multiply(BigDecimal.valueOf(2)),
                2,
                0,
                0,
                0));
        assertThat(assessment.levelPercent()).isEqualByComparingTo("50.0");
        assertThat(assessment.flags()).isEmpty();
    }

    @Test
    void a_region_on_pace_to_pass_its_share_of_the_frame_is_flagged_with_the_month() {
        Region ordinary = Region.of(0, 12, 20, 8, 30, 25, 14, 9, 30, 18, 22);
        // 21,440.20 a month: 192,961.80 after September, 214,402.00 after October
        BudgetFlags.Assessment assessment = ordinary.assess("200000.00", 0, 0);

        assertThat(assessment.aboveLevel()).isFalse();
        assertThat(assessment.passesFrameIn()).isEqualTo(YearMonth.of(YEAR, 10));
        assertThat(assessment.flags())
                .containsExactly(new BudgetFlags.Flag("PASSES_FRAME", List.of(YearMonth.of(YEAR, 10))));
    }

    @Test
    void a_year_ending_exactly_at_the_frame_does_not_pass_it() {
        List<BigDecimal> months = Collections.nCopies(12, new BigDecimal("100.00"));
        assertThat(BudgetFlags.passesFrameIn(YEAR, new BigDecimal("1200.00"), months))
                .isNull();
        assertThat(BudgetFlags.passesFrameIn(YEAR, new BigDecimal("1199.99"), months))
                .isEqualTo(YearMonth.of(YEAR, 12));
    }

    @Test
    void a_region_with_nothing_covered_has_no_level_and_no_flag() {
        BudgetFlags.Assessment assessment = BudgetFlags.assess(new BudgetFlags.Figures(
                YEAR, new BigDecimal("500000"), Collections.nCopies(12, BigDecimal.ZERO), BigDecimal.ZERO, 0, 0, 0, 0));
        assertThat(assessment.levelPercent()).isNull();
        assertThat(assessment.flags()).isEmpty();
    }

    static List<LocalDate> days(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
