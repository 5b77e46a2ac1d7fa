package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * F6: Aftale25 sets aside 6.3 million DKK a year for advisory fees, matching 250 facilities (seed
 * 004), so the expected cost per covered facility is 25,200 DKK a year. The budget shows actual cost
 * so far and the projected annual cost (the months ahead at the agreements in force) against the
 * frame, per region and nationally, and flags a cost per facility above the expected level — which
 * the agreement text reads as wrong sizing of residents per doctor.
 */
@Service
public class Budget {

    public static final BigDecimal NATIONAL_FRAME = new BigDecimal("6300000.00");
    public static final int FRAME_FACILITIES = 250;
    public static final BigDecimal EXPECTED_PER_FACILITY =
            NATIONAL_FRAME.divide(BigDecimal.valueOf(FRAME_FACILITIES), 2, RoundingMode.HALF_UP);

    private final SettlementRepository repository;
    private final JdbcClient jdbc;

    Budget(SettlementRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** One region's (or the nation's, code null) year. */
    public record Row(String code, String name, BigDecimal frame, BigDecimal actual, BigDecimal projected,
                      int coveredFacilities, BigDecimal costPerFacility, boolean aboveExpected) {

        public BigDecimal shareOfFrame() {
            return frame.signum() == 0 ? BigDecimal.ZERO
                    : projected.multiply(BigDecimal.valueOf(100)).divide(frame, 1, RoundingMode.HALF_UP);
        }
    }

    public record Year(int year, YearMonth asOf, List<Row> regions, Row nation, BigDecimal expectedPerFacility) {

        /** The regions and then the nation, for tables. */
        public List<Row> rows() {
            List<Row> rows = new ArrayList<>(regions);
            rows.add(nation);
            return rows;
        }
    }

    @Transactional(readOnly = true)
    public Year year(CurrentUser user, int year) {
        if (!user.is(Role.REGION) && !user.national()) {
            throw new ForbiddenException("scope.budget.read");
        }
        YearMonth asOf = YearMonth.now();
        List<AgreementTerms> terms = repository.terms(null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        SettlementCalculator calculator = new SettlementCalculator(repository.rates(), repository.residentsHistory(terms));
        Map<String, BigDecimal> actual = new HashMap<>();
        Map<String, BigDecimal> projected = new HashMap<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            for (SettlementLine line : calculator.feeLines(month, terms)) {
                projected.merge(line.regionCode(), line.amountExVat(), BigDecimal::add);
                if (!month.isAfter(asOf)) {
                    actual.merge(line.regionCode(), line.amountExVat(), BigDecimal::add);
                }
            }
        }
        Map<String, Integer> covered = coveredFacilities();
        Map<String, BigDecimal> frames = frames(year);
        List<Row> rows = new ArrayList<>();
        for (var region : regions().entrySet()) {
            String code = region.getKey();
            rows.add(row(code, region.getValue(), frames.get(code), actual.getOrDefault(code, BigDecimal.ZERO),
                    projected.getOrDefault(code, BigDecimal.ZERO), covered.getOrDefault(code, 0)));
        }
        Row nation = row(null, null, frames.get(null),
                rows.stream().map(Row::actual).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Row::projected).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().mapToInt(Row::coveredFacilities).sum());
        return new Year(year, asOf, rows, nation, EXPECTED_PER_FACILITY);
    }

    private static Row row(String code, String name, BigDecimal frame, BigDecimal actual, BigDecimal projected,
                           int covered) {
        BigDecimal perFacility = covered == 0 ? BigDecimal.ZERO
                : projected.divide(BigDecimal.valueOf(covered), 2, RoundingMode.HALF_UP);
        return new Row(code, name, frame, actual.setScale(2, RoundingMode.HALF_UP),
                projected.setScale(2, RoundingMode.HALF_UP), covered, perFacility,
                perFacility.compareTo(EXPECTED_PER_FACILITY) > 0);
    }

    private Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        jdbc.sql("select code, name from region where valid_to is null or valid_to >= current_date order by code")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> regions.put(e.getKey(), e.getValue()));
        return regions;
    }

    /** Facilities covered today by an approved agreement, per region. */
    private Map<String, Integer> coveredFacilities() {
        Map<String, Integer> covered = new HashMap<>();
        jdbc.sql("""
                        select r.region_code, count(distinct c.facility_id)
                          from agreement_coverage c join facility f on f.id = c.facility_id
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where c.period @> current_date group by r.region_code
                        """)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list()
                .forEach(e -> covered.put(e.getKey(), e.getValue()));
        return covered;
    }

    /** The frames of the year: set rows where they exist, else 6.3 MDKK shared by population. */
    private Map<String, BigDecimal> frames(int year) {
        Map<String, BigDecimal> set = new HashMap<>();
        jdbc.sql("select region_code, annual_amount from budget_frame where year = :y").param("y", year)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)}).list()
                .forEach(r -> set.put((String) r[0], (BigDecimal) r[1]));
        BigDecimal national = set.getOrDefault(null, NATIONAL_FRAME);
        Map<String, BigDecimal> frames = new HashMap<>();
        frames.put(null, national);
        Map<String, Long> population = new HashMap<>();
        jdbc.sql("""
                        select r.region_code, sum(m.population) from municipality m
                          join current_municipality_region r on r.municipality_code = m.code group by r.region_code
                        """)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> population.put(e.getKey(), e.getValue()));
        long total = population.values().stream().mapToLong(Long::longValue).sum();
        population.forEach((code, people) -> frames.put(code, set.getOrDefault(code,
                national.multiply(BigDecimal.valueOf(people)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP))));
        return frames;
    }
}
