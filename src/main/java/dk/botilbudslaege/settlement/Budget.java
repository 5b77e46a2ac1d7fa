package dk.botilbudslaege.settlement;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * F6: actual cost so far and the projected annual cost (the months ahead at the agreements in force)
 * against the frame, per region and nationally. The expected level is the frame's own assumption, 2
 * hours a month per covered facility at the rate in force for the days covered ({@link BudgetLevel});
 * a cost above it, or a pace that passes the frame before the year ends, is flagged with its cause
 * ({@link BudgetFlags}).
 */
@Service
public class Budget {

    public static final BigDecimal NATIONAL_FRAME = new BigDecimal("6300000.00");
    public static final int FRAME_FACILITIES = 250;

    private final SettlementRepository repository;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final SettlementCache cache;

    Budget(SettlementRepository repository, JdbcClient jdbc, MessageSource messages, SettlementCache cache) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.messages = messages;
        this.cache = cache;
    }

    /** A flag as people read it: its stable code and a sentence in the reader's language (Danish by default). */
    public record FlagView(String code, String message) {}

    /**
     * One region's (or the nation's, code null) year.
     *
     * @param coveredFacilities   facilities covered on some day of the year
     * @param costPerFacility     projected / covered facilities
     * @param expected            the expected level for the year: 2 hours × the rate for each covered facility-day
     * @param expectedPerFacility expected / covered facilities (25,728.24 when every one is covered all year at 1,072.01)
     * @param levelPercent        projected as a percentage of expected
     * @param passesFrameIn       the month (YYYY-MM) the cumulative cost passes the frame, or null
     */
    public record Row(
            String code,
            String name,
            BigDecimal frame,
            BigDecimal actual,
            BigDecimal projected,
            int coveredFacilities,
            BigDecimal costPerFacility,
            BigDecimal expected,
            BigDecimal expectedPerFacility,
            BigDecimal levelPercent,
            boolean aboveExpected,
            int threeHourAgreements,
            int overThirtyResidents,
            int dispensations,
            String passesFrameIn,
            List<FlagView> flags) {

        public BigDecimal shareOfFrame() {
            return frame.signum() == 0
                    ? BigDecimal.ZERO
                    : projected.multiply(BigDecimal.valueOf(100)).divide(frame, 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * @param monthlyLevel        2 hours at the rate in force on the year's reference day (today, within the year)
     * @param expectedPerFacility one facility covered the whole year at the rates in force (the full-year level)
     */
    public record Year(
            int year,
            YearMonth asOf,
            List<Row> regions,
            Row nation,
            BigDecimal monthlyLevel,
            BigDecimal expectedPerFacility) {

        /** The same year with its own list of regions (the rows are immutable). */
        Year copy() {
            return new Year(year, asOf, new ArrayList<>(regions), nation, monthlyLevel, expectedPerFacility);
        }

        /** The regions and then the nation, for tables. */
        public List<Row> rows() {
            List<Row> rows = new ArrayList<>(regions);
            rows.add(nation);
            return rows;
        }
    }

    /** What the rules need of one region (or the nation), gathered from the year's fee lines. */
    private static final class Tally {
        final BigDecimal[] monthly = filled();
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        int covered;
        int threeHours;
        int overThirty;
        int dispensations;

        private static BigDecimal[] filled() {
            BigDecimal[] months = new BigDecimal[12];
            java.util.Arrays.fill(months, BigDecimal.ZERO);
            return months;
        }

        void add(Tally other) {
            for (int i = 0; i < 12; i++) {
                monthly[i] = monthly[i].add(other.monthly[i]);
            }
            actual = actual.add(other.actual);
            expected = expected.add(other.expected);
            covered += other.covered;
            threeHours += other.threeHours;
            overThirty += other.overThirty;
            dispensations += other.dispensations;
        }
    }

    /**
     * The year's budget, the same for every user who may read it (a region reads every region's row and the nation's).
     * i18-settle: kept in {@link SettlementCache} while its data is unchanged; the key names what else the answer
     * depends on: the year, the Danish date (the months so far, the reference day of the monthly level, a frame passed
     * said in the past tense) and the locale of the flags' sentences.
     */
    public Year year(CurrentUser user, int year) {
        if (!user.is(Role.REGION) && !user.national()) {
            throw new ForbiddenException("scope.budget.read");
        }
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = LocalDate.now(DanishTime.DENMARK);
        return cache.get("budget|" + year + "|" + today + "|" + locale, () -> year(year, today), Year::copy);
    }

    private Year year(int year, LocalDate today) {
        YearMonth asOf = YearMonth.from(today);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<AgreementTerms> terms = repository.terms(null, first, last);
        RateTable rateTable = repository.rates();
        SettlementCalculator calculator = new SettlementCalculator(rateTable, repository.residentsHistory(terms));
        Map<String, Tally> tallies = new HashMap<>();
        Map<Long, AgreementTerms> byId = new HashMap<>();
        terms.forEach(t -> byId.put(t.agreementId(), t));
        Map<Long, SettlementLine> lastWithThreeHours = new HashMap<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            for (SettlementLine line : calculator.feeLines(month, terms)) {
                Tally tally = tallies.computeIfAbsent(line.regionCode(), k -> new Tally());
                tally.monthly[m - 1] = tally.monthly[m - 1].add(line.amountExVat());
                if (!month.isAfter(asOf)) {
                    tally.actual = tally.actual.add(line.amountExVat());
                }
                if (line.hours().compareTo(BigDecimal.valueOf(3)) >= 0) {
                    lastWithThreeHours.put(line.agreementId(), line);
                }
            }
        }
        lastWithThreeHours.forEach((id, line) -> {
            Tally tally = tallies.get(line.regionCode());
            AgreementTerms t = byId.get(id);
            List<LocalDate> days = DailyAccrual.activeDays(line.month(), t.start(), t.end());
            LocalDate day = days.get(days.size() - 1);
            tally.threeHours++;
            if (t.hoursDispensations().stream().anyMatch(d -> d.validOn(day))) {
                tally.dispensations++;
            } else {
                tally.overThirty++;
            }
        });
        expected(year, terms, new BudgetLevel(rateTable), tallies);

        Map<String, BigDecimal> frames = frames(year);
        List<Row> rows = new ArrayList<>();
        Tally national = new Tally();
        for (var region : regions(year).entrySet()) {
            String code = region.getKey();
            Tally tally = tallies.getOrDefault(code, new Tally());
            national.add(tally);
            rows.add(row(year, code, region.getValue(), frames.get(code), tally, asOf));
        }
        Row nation = row(year, null, null, frames.get(null), national, asOf);
        LocalDate reference = asOf.getYear() == year ? today : asOf.getYear() > year ? last : first;
        BudgetLevel level = new BudgetLevel(rateTable);
        return new Year(year, asOf, rows, nation, level.monthly(reference), level.fullYear(year));
    }

    /** The expected level per region: each facility covered by some agreement, day by day, counted once. */
    private static void expected(int year, List<AgreementTerms> terms, BudgetLevel level, Map<String, Tally> tallies) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Map<Long, BitSet>> coveredDays = new HashMap<>();
        for (AgreementTerms t : terms) {
            LocalDate from = t.start().isAfter(first) ? t.start() : first;
            LocalDate to = t.end() == null || t.end().isAfter(last) ? last : t.end();
            if (from.isAfter(to)) {
                continue;
            }
            for (Long facility : t.facilityIds()) {
                coveredDays
                        .computeIfAbsent(t.regionCode(), k -> new HashMap<>())
                        .computeIfAbsent(facility, k -> new BitSet(366))
                        .set(from.getDayOfYear() - 1, to.getDayOfYear());
            }
        }
        // i17-settle: facilities covered on the same days expect the same level, computed once per set of days
        Map<BitSet, BigDecimal> levels = new HashMap<>();
        coveredDays.forEach((region, facilities) -> {
            Tally tally = tallies.computeIfAbsent(region, k -> new Tally());
            tally.covered = facilities.size();
            for (BitSet days : facilities.values()) {
                tally.expected = tally.expected.add(levels.computeIfAbsent(days, d -> yearLevel(year, d, level)));
            }
        });
    }

    /** The expected level of one facility covered on {@code days} (days of the year): its months' levels summed. */
    private static BigDecimal yearLevel(int year, BitSet days, BudgetLevel level) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            int first = month.atDay(1).getDayOfYear() - 1;
            int next = days.nextSetBit(first);
            if (next >= 0 && next < first + month.lengthOfMonth()) {
                sum = sum.add(level.month(month, days));
            }
        }
        return sum;
    }

    private Row row(int year, String code, String name, BigDecimal frame, Tally tally, YearMonth asOf) {
        BudgetFlags.Figures figures = new BudgetFlags.Figures(
                year,
                frame,
                List.of(tally.monthly),
                tally.expected,
                tally.covered,
                tally.threeHours,
                tally.overThirty,
                tally.dispensations);
        BudgetFlags.Assessment assessment = BudgetFlags.assess(figures);
        BigDecimal projected = figures.cost().setScale(2, RoundingMode.HALF_UP);
        int covered = tally.covered;
        return new Row(
                code,
                name,
                frame,
                tally.actual.setScale(2, RoundingMode.HALF_UP),
                projected,
                covered,
                perFacility(projected, covered),
                tally.expected.setScale(2, RoundingMode.HALF_UP),
                perFacility(tally.expected, covered),
                assessment.levelPercent(),
                assessment.aboveLevel(),
                tally.threeHours,
                tally.overThirty,
                tally.dispensations,
                assessment.passesFrameIn() == null
                        ? null
                        : assessment.passesFrameIn().toString(),
                assessment.flags().stream().map(f -> view(f, asOf)).toList());
    }

    private static BigDecimal perFacility(BigDecimal amount, int covered) {
        return covered == 0
                ? BigDecimal.ZERO.setScale(2)
                : amount.divide(BigDecimal.valueOf(covered), 2, RoundingMode.HALF_UP);
    }

    private FlagView view(BudgetFlags.Flag flag, YearMonth asOf) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = flag.args().stream()
                .map(a -> a instanceof BigDecimal d
                        ? DanishFormats.decimal(d, 1)
                        : a instanceof YearMonth m ? DanishFormats.month(m, locale) : a)
                .toArray();
        // a frame already passed is said in the past tense
        boolean past = flag.args().stream().anyMatch(a -> a instanceof YearMonth m && m.isBefore(asOf));
        String key = "budget.flag." + flag.code() + (past && "PASSES_FRAME".equals(flag.code()) ? ".past" : "");
        return new FlagView(flag.code(), messages.getMessage(key, args, key, locale));
    }

    /** The regions of the budget year: those of its first day (a merger from 1 January shows the new region). */
    private Map<String, String> regions(int year) {
        Map<String, String> regions = new LinkedHashMap<>();
        jdbc.sql("""
                        select code, name from registry_region
                         where valid_from <= make_date(:y, 1, 1) and (valid_to is null or valid_to >= make_date(:y, 1, 1))
                         order by code
                        """)
                .param("y", year)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> regions.put(e.getKey(), e.getValue()));
        return regions;
    }

    /** The frames of the year: set rows where they exist, else 6.3 MDKK shared by population. */
    private Map<String, BigDecimal> frames(int year) {
        record Frame(String regionCode, BigDecimal annualAmount) {}
        Map<String, BigDecimal> set = new HashMap<>();
        // a frame set for a region that has merged by the year's first day counts for the new region: its own row if
        // set, else the sum of its predecessors' rows (issue 15 item 4)
        jdbc.sql("""
                        select successor as region_code,
                               coalesce(max(annual_amount) filter (where region_code = successor), sum(annual_amount))
                                   as annual_amount
                          from (select region_code, annual_amount, region_successor(region_code, make_date(:y, 1, 1))
                                       as successor
                                  from budget_frame where year = :y) f
                         group by successor
                        """)
                .param("y", year)
                .query(Frame.class)
                .list()
                .forEach(r -> set.put(r.regionCode(), r.annualAmount()));
        BigDecimal national = set.getOrDefault(null, NATIONAL_FRAME);
        Map<String, BigDecimal> frames = new HashMap<>();
        frames.put(null, national);
        Map<String, Long> population = new HashMap<>();
        jdbc.sql("""
                        select coalesce(region_of(m.code, make_date(:y, 1, 1)), region_of(m.code, current_date)) as region_code, sum(m.population)
                          from registry_municipality m group by 1
                        """)
                .param("y", year)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> population.put(e.getKey(), e.getValue()));
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        population.forEach((code, people) -> frames.put(
                code,
                set.getOrDefault(
                        code,
                        national.multiply(BigDecimal.valueOf(people))
                                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP))));
        return frames;
    }
}
