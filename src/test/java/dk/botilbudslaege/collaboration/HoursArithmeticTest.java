package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hours arithmetic on SPEC-style worked examples (issue 13 item 3, seed 000: preparation never counts). */
class HoursArithmeticTest {

    static final BigDecimal TWO = new BigDecimal("2");
    static final LocalDate TODAY = LocalDate.of(2026, 7, 10);

    static List<HoursArithmetic.Month> months(
            LocalDate start, LocalDate end, BigDecimal agreed, Map<YearMonth, HoursArithmetic.Minutes> minutes) {
        return HoursArithmetic.months(
                YearMonth.from(start),
                YearMonth.from(TODAY),
                start,
                end,
                TODAY,
                m -> agreed,
                m -> minutes.getOrDefault(m, HoursArithmetic.Minutes.NONE));
    }

    @Test
    void ninety_minutes_of_session_and_sixty_of_preparation_count_one_and_a_half_hours() {
        // preparation is never entered: only the 90 minutes of the session are logged
        assertThat(HoursArithmetic.hours(90)).isEqualByComparingTo("1.5");
        List<HoursArithmetic.Month> june = HoursArithmetic.months(
                YearMonth.of(2026, 6),
                YearMonth.of(2026, 6),
                LocalDate.of(2026, 1, 1),
                null,
                TODAY,
                m -> TWO,
                m -> new HoursArithmetic.Minutes(90, 90));
        assertThat(june.get(0).confirmedHours()).isEqualByComparingTo("1.5");
        assertThat(june.get(0).shortfall()).as("1,5 of 2 hours").isTrue();
    }

    @Test
    void a_month_with_three_hours_against_an_agreed_two_is_not_short_and_lifts_the_average() {
        LocalDate start = LocalDate.of(2026, 4, 1);
        List<HoursArithmetic.Month> months = months(
                start,
                null,
                TWO,
                Map.of(
                        YearMonth.of(2026, 4), new HoursArithmetic.Minutes(180, 180),
                        YearMonth.of(2026, 5), new HoursArithmetic.Minutes(60, 60),
                        YearMonth.of(2026, 6), new HoursArithmetic.Minutes(120, 0)));
        assertThat(months).hasSize(4); // April to July, July in progress
        assertThat(months.get(0).shortfall()).isFalse();
        assertThat(months.get(1).shortfall()).isTrue();
        assertThat(months.get(2).loggedHours()).isEqualByComparingTo("2");
        assertThat(months.get(2).shortfall()).as("logged but not confirmed").isTrue();
        assertThat(months.get(3).complete()).isFalse();
        assertThat(months.get(3).shortfall())
                .as("the month in progress is never flagged")
                .isFalse();
        // (3 + 1 + 0) / 3 complete months
        BigDecimal average = HoursArithmetic.averageConfirmed(months);
        assertThat(average).isEqualByComparingTo("1.33");
        assertThat(HoursArithmetic.fallsShort(average, TWO)).isTrue();
    }

    @Test
    void three_agreed_hours_or_a_dispensations_are_what_a_month_is_measured_against() {
        List<HoursArithmetic.Month> three = months(
                LocalDate.of(2026, 5, 1),
                null,
                new BigDecimal("3"),
                Map.of(YearMonth.of(2026, 5), new HoursArithmetic.Minutes(150, 150)));
        assertThat(three.get(0).agreedHours()).isEqualByComparingTo("3");
        assertThat(three.get(0).shortfall()).isTrue();
        List<HoursArithmetic.Month> dispensed = months(
                LocalDate.of(2026, 5, 1),
                null,
                new BigDecimal("1.5"),
                Map.of(YearMonth.of(2026, 5), new HoursArithmetic.Minutes(90, 90)));
        assertThat(dispensed.get(0).shortfall()).isFalse();
    }

    @Test
    void a_partial_first_month_is_agreed_pro_rata_by_days() {
        // starts 16 June: 15 of June's 30 days, so 1 of the 2 hours
        List<HoursArithmetic.Month> months = months(
                LocalDate.of(2026, 6, 16),
                null,
                TWO,
                Map.of(YearMonth.of(2026, 6), new HoursArithmetic.Minutes(60, 60)));
        assertThat(months.get(0).weight()).isEqualByComparingTo("0.5");
        assertThat(months.get(0).agreedHours()).isEqualByComparingTo("1");
        assertThat(months.get(0).shortfall()).isFalse();
        // 1 hour over half a month is 2 hours a month
        assertThat(HoursArithmetic.averageConfirmed(months)).isEqualByComparingTo("2");
        // an ended agreement: nothing agreed after its end
        assertThat(HoursArithmetic.weight(YearMonth.of(2026, 7), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)))
                .isZero();
    }

    @Test
    void the_rolling_average_covers_the_twelve_complete_months_before_todays_month() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        // 2024: nothing; from July 2025 to June 2026: 2 hours every month
        Map<YearMonth, HoursArithmetic.Minutes> minutes = new java.util.HashMap<>();
        for (YearMonth m = YearMonth.of(2025, 7); !m.isAfter(YearMonth.of(2026, 6)); m = m.plusMonths(1)) {
            minutes.put(m, new HoursArithmetic.Minutes(120, 120));
        }
        List<HoursArithmetic.Month> sinceStart = months(start, null, TWO, minutes);
        List<HoursArithmetic.Month> rolling = HoursArithmetic.rollingTwelve(sinceStart, TODAY);
        assertThat(rolling).hasSize(12);
        assertThat(rolling.get(0).month()).isEqualTo(YearMonth.of(2025, 7));
        assertThat(HoursArithmetic.averageConfirmed(rolling)).isEqualByComparingTo("2");
        assertThat(HoursArithmetic.fallsShort(HoursArithmetic.averageConfirmed(rolling), TWO))
                .isFalse();
        // since the start: 24 hours over 30 complete months
        assertThat(HoursArithmetic.averageConfirmed(sinceStart)).isEqualByComparingTo("0.8");
        assertThat(HoursArithmetic.fallsShort(HoursArithmetic.averageConfirmed(sinceStart), TWO))
                .isTrue();
    }

    // issue 17: the overview's average since the start, summed without building every month, is the same number
    @Test
    void the_average_since_the_start_is_the_average_of_the_months_since_the_start() {
        java.util.Random random = new java.util.Random(17);
        for (int run = 0; run < 5_000; run++) {
            LocalDate start = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3_000));
            LocalDate today = start.plusDays(random.nextInt(1_500));
            LocalDate end = random.nextInt(3) == 0 ? start.plusDays(random.nextInt(2_000)) : null;
            Map<YearMonth, HoursArithmetic.Minutes> minutes = new java.util.HashMap<>();
            YearMonth first = YearMonth.from(start).minusMonths(2);
            for (YearMonth m = first; !m.isAfter(YearMonth.from(today).plusMonths(1)); m = m.plusMonths(1)) {
                if (random.nextInt(3) > 0) {
                    int confirmed = random.nextInt(400);
                    minutes.put(m, new HoursArithmetic.Minutes(confirmed + random.nextInt(100), confirmed));
                }
            }
            List<HoursArithmetic.Month> months = HoursArithmetic.months(
                    YearMonth.from(start),
                    YearMonth.from(today),
                    start,
                    end,
                    today,
                    m -> new BigDecimal("2.5"),
                    m -> minutes.getOrDefault(m, HoursArithmetic.Minutes.NONE));
            assertThat(HoursArithmetic.averageConfirmedSince(start, end, today, minutes))
                    .as("start %s end %s today %s", start, end, today)
                    .isEqualTo(HoursArithmetic.averageConfirmed(months));
        }
    }

    // issue 17: hours and weights in whole hundredths and ten-thousandths are the BigDecimal quotients, digit for digit
    @Test
    void hours_and_weights_counted_in_whole_numbers_are_the_rounded_quotients() {
        for (long minutes = 0; minutes <= 3_000; minutes++) {
            assertThat(HoursArithmetic.hours(minutes))
                    .as("%d minutes", minutes)
                    .isEqualTo(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
        }
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int s = 0; s < 800; s += 3) {
            LocalDate start = first.plusDays(s);
            for (int e = s; e < s + 70; e += 5) {
                LocalDate end = first.plusDays(e);
                for (YearMonth m = YearMonth.from(start).minusMonths(1);
                        !m.isAfter(YearMonth.from(end).plusMonths(1));
                        m = m.plusMonths(1)) {
                    LocalDate from = m.atDay(1).isBefore(start) ? start : m.atDay(1);
                    LocalDate to = end.isBefore(m.atEndOfMonth()) ? end : m.atEndOfMonth();
                    BigDecimal expected = to.isBefore(from)
                            ? BigDecimal.ZERO
                            : BigDecimal.valueOf(to.toEpochDay() - from.toEpochDay() + 1)
                                    .divide(BigDecimal.valueOf(m.lengthOfMonth()), 4, RoundingMode.HALF_UP);
                    assertThat(HoursArithmetic.weight(m, start, end))
                            .as("%s from %s to %s", m, start, end)
                            .isEqualTo(expected);
                }
            }
        }
    }

    // issue 17: the overview's rolling twelve, summed without building the months, is the same average and count
    @Test
    void the_rolling_twelve_summed_without_months_is_the_rolling_twelve_of_the_months() {
        java.util.Random random = new java.util.Random(1717);
        BigDecimal[] agreed = {new BigDecimal("2"), new BigDecimal("3"), new BigDecimal("1.5"), new BigDecimal("2.25")};
        for (int run = 0; run < 5_000; run++) {
            LocalDate start = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(1_500));
            LocalDate today = start.plusDays(random.nextInt(800));
            LocalDate end = random.nextInt(3) == 0 ? start.plusDays(random.nextInt(900)) : null;
            Map<YearMonth, HoursArithmetic.Minutes> minutes = new java.util.HashMap<>();
            for (YearMonth m = YearMonth.from(start).minusMonths(1);
                    !m.isAfter(YearMonth.from(today).plusMonths(1));
                    m = m.plusMonths(1)) {
                if (random.nextInt(4) > 0) {
                    int confirmed = random.nextInt(260);
                    minutes.put(m, new HoursArithmetic.Minutes(confirmed + random.nextInt(60), confirmed));
                }
            }
            // the agreed hours change from month to month, as a dispensation's do
            int shift = random.nextInt(agreed.length);
            java.util.function.Function<YearMonth, BigDecimal> agreedPerMonth =
                    m -> agreed[(m.getMonthValue() + shift) % agreed.length];
            YearMonth current = YearMonth.from(today);
            YearMonth from = YearMonth.from(start).isAfter(current.minusMonths(12))
                    ? YearMonth.from(start)
                    : current.minusMonths(12);
            List<HoursArithmetic.Month> rolling = HoursArithmetic.rollingTwelve(
                    HoursArithmetic.months(
                            from,
                            current,
                            start,
                            end,
                            today,
                            agreedPerMonth,
                            m -> minutes.getOrDefault(m, HoursArithmetic.Minutes.NONE)),
                    today);
            HoursArithmetic.Rolling summed = HoursArithmetic.rolling(start, end, today, agreedPerMonth, minutes);
            String run17 = "start %s end %s today %s".formatted(start, end, today);
            assertThat(summed.average()).as(run17).isEqualTo(HoursArithmetic.averageConfirmed(rolling));
            assertThat(summed.shortMonths()).as(run17).isEqualTo((int)
                    rolling.stream().filter(HoursArithmetic.Month::shortfall).count());
        }
    }
}
