package dk.botilbudslaege.settlement;

import static dk.botilbudslaege.settlement.FeeRulesTest.calculator;
import static dk.botilbudslaege.settlement.FeeRulesTest.residents;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * SPEC F3-F5 with a dated VAT status: each day carries the status in force that day; the month's VAT
 * is 25 % of the ex-VAT part earned on the days with VAT, that part summed exactly and rounded once to
 * øre (F4), the VAT then rounded half up. A month wholly with VAT is SPEC's own example.
 */
class DatedVatTest {

    static AgreementTerms terms(LocalDate start, LocalDate end, Object... dateAndVat) {
        NavigableMap<LocalDate, Boolean> history = new TreeMap<>();
        for (int i = 0; i < dateAndVat.length; i += 2) {
            history.put(LocalDate.parse((String) dateAndVat[i]), (Boolean) dateAndVat[i + 1]);
        }
        return new AgreementTerms(1, 1, "070101", "1082", false, start, end, List.of(7L), null, List.of(), history);
    }

    static SettlementLine line(int residents, YearMonth month, AgreementTerms terms) {
        return calculator(residents(7, "2025-01-01", residents))
                .feeLine(month, terms)
                .orElseThrow();
    }

    @Test
    void three_hours_vat_registered_all_month_is_3216_03_plus_804_01() {
        var line = line(38, YearMonth.of(2025, 6), terms(LocalDate.of(2025, 4, 1), null, "2025-01-01", true));

        assertThat(line.amountExVat()).isEqualByComparingTo("3216.03");
        assertThat(line.vat()).isEqualByComparingTo("804.01");
        assertThat(line.amountInclVat()).isEqualByComparingTo("4020.04");
    }

    @Test
    void vat_from_16_june_carries_vat_on_15_of_30_days_1608_02_and_402_01() {
        var line = line(
                38,
                YearMonth.of(2025, 6),
                terms(LocalDate.of(2025, 4, 1), null, "2025-01-01", false, "2025-06-16", true));

        // 3,216.03 × 15/30 = 1,608.015 → 1,608.02; × 25 % = 402.005 → 402.01
        assertThat(line.amountExVat()).isEqualByComparingTo("3216.03");
        assertThat(line.vat()).isEqualByComparingTo("402.01");
        assertThat(line.amountInclVat()).isEqualByComparingTo("3618.04");
    }

    @Test
    void vat_ending_on_16_june_carries_vat_on_the_first_15_days() {
        var line = line(
                38,
                YearMonth.of(2025, 6),
                terms(LocalDate.of(2025, 4, 1), null, "2025-01-01", true, "2025-06-16", false));

        assertThat(line.vat()).isEqualByComparingTo("402.01");
    }

    @Test
    void the_months_around_the_change_are_wholly_with_or_without_vat() {
        AgreementTerms terms = terms(LocalDate.of(2025, 4, 1), null, "2025-01-01", false, "2025-06-16", true);

        assertThat(line(38, YearMonth.of(2025, 5), terms).vat()).isEqualByComparingTo("0.00");
        assertThat(line(38, YearMonth.of(2025, 7), terms).vat()).isEqualByComparingTo("804.01");
    }

    @Test
    void a_partial_month_takes_vat_on_the_days_in_force_with_vat_only() {
        // start 15 April at 2 hours: 1,143.48 ex VAT; VAT from 21 April: 2,144.02 × 10/30 = 714.67 → 178.67
        var line = line(
                20,
                YearMonth.of(2025, 4),
                terms(LocalDate.of(2025, 4, 15), null, "2025-01-01", false, "2025-04-21", true));

        assertThat(line.amountExVat()).isEqualByComparingTo("1143.48");
        assertThat(line.vat()).isEqualByComparingTo("178.67");
    }

    @Test
    void a_change_after_the_agreement_ended_does_not_reach_it() {
        var line = line(
                20,
                YearMonth.of(2025, 4),
                terms(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 20), "2025-01-01", false, "2025-04-21", true));

        assertThat(line.vat()).isEqualByComparingTo("0.00");
    }

    @Test
    void before_the_first_dated_status_that_status_holds() {
        AgreementTerms terms = terms(LocalDate.of(2024, 11, 1), null, "2025-01-01", true);

        assertThat(terms.vatRegisteredOn(LocalDate.of(2024, 11, 1))).isTrue();
        assertThat(line(38, YearMonth.of(2024, 12), terms).vat()).isEqualByComparingTo("804.01");
    }
}
