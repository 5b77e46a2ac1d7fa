package dk.botilbudslaege.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * C1 in SQL: every figure is counted in the database over the dated rows — the legal bases in scope
 * on the day ({@code legal_basis_scope}, as {@code legal_basis_in_scope}), the region of the day
 * ({@code municipality_region}, as {@code region_of}) and the approved agreements in force on the day
 * ({@code agreement_coverage.period @> day}, indexed by facility and by period). The dated tables are
 * joined directly rather than through the functions so that the planner can use their indexes in one
 * pass.
 */
@Repository
class CoverageQueries {

    /** The in-scope facilities of the day :d with their region of the day and whether they are covered. */
    private static final String FACILITIES_OF_THE_DAY = """
            select f.id, f.places, f.operator, f.legal_basis, f.municipality_code, mr.region_code,
                   exists (select 1 from agreement_coverage c
                            where c.facility_id = f.id and c.period @> cast(:d as date)) as covered
              from facility f
              join legal_basis_scope s on s.legal_basis = f.legal_basis
                   and s.valid_from <= :d and (s.valid_to is null or s.valid_to >= :d)
              join municipality_region mr on mr.municipality_code = f.municipality_code
                   and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
            """;

    private static final String COUNTS = """
            count(x.id), count(x.id) filter (where x.covered),
            coalesce(sum(x.places), 0), coalesce(sum(x.places) filter (where x.covered), 0)
            """;

    private final JdbcClient jdbc;

    private final CoverageCache cache;

    CoverageQueries(JdbcClient jdbc, CoverageCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
    }

    CoverageRow national(LocalDate date, String regionCode) {
        return cache.get("national|" + date + "|" + regionCode, () -> computeNational(date, regionCode));
    }

    private CoverageRow computeNational(LocalDate date, String regionCode) {
        return jdbc.sql("select " + COUNTS + " from (" + FACILITIES_OF_THE_DAY + ") x"
                        + " where cast(:region as text) is null or x.region_code = :region")
                .param("d", date).param("region", regionCode)
                .query((rs, i) -> CoverageRow.of("DK", "Danmark", rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))).single();
    }

    /** Every region of the day, with zeros where there are no facilities. */
    List<CoverageRow> regions(LocalDate date, String regionCode) {
        return cache.get("regions|" + date + "|" + regionCode, () -> computeRegions(date, regionCode));
    }

    private List<CoverageRow> computeRegions(LocalDate date, String regionCode) {
        return jdbc.sql("select r.code, r.name, " + COUNTS + " from region r left join (" + FACILITIES_OF_THE_DAY
                        + ") x on x.region_code = r.code"
                        + " where r.valid_from <= :d and (r.valid_to is null or r.valid_to >= :d)"
                        + " and (cast(:region as text) is null or r.code = :region)"
                        + " group by r.code, r.name order by r.code")
                .param("d", date).param("region", regionCode).query(CoverageQueries::row).list();
    }

    /** Every municipality of the day (of one region, or all), with zeros where there are no facilities. */
    List<MunicipalityCoverage> municipalities(LocalDate date, String regionCode) {
        return cache.get("municipalities|" + date + "|" + regionCode, () -> computeMunicipalities(date, regionCode));
    }

    private List<MunicipalityCoverage> computeMunicipalities(LocalDate date, String regionCode) {
        return jdbc.sql("select m.code, m.name, " + COUNTS + ", mr.region_code, r.name"
                        + " from municipality m join municipality_region mr on mr.municipality_code = m.code"
                        + "  and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)"
                        + " join region r on r.code = mr.region_code"
                        + " left join (" + FACILITIES_OF_THE_DAY + ") x on x.municipality_code = m.code"
                        + " where cast(:region as text) is null or mr.region_code = :region"
                        + " group by m.code, m.name, mr.region_code, r.name order by m.name")
                .param("d", date).param("region", regionCode)
                .query((rs, i) -> new MunicipalityCoverage(row(rs, i), rs.getString(7).trim(), rs.getString(8)))
                .list();
    }

    /** C2: by operator, legal basis or size; the groups present on the day, keyed by their code. */
    Map<String, CoverageRow> breakdown(LocalDate date, String regionCode, Breakdown by) {
        return cache.get("breakdown|" + date + "|" + regionCode + "|" + by, () -> computeBreakdown(date, regionCode, by));
    }

    private Map<String, CoverageRow> computeBreakdown(LocalDate date, String regionCode, Breakdown by) {
        Map<String, CoverageRow> rows = new LinkedHashMap<>();
        jdbc.sql("select x.k, x.k, " + COUNTS + " from (select " + by.key + " as k, y.*"
                        + " from (" + FACILITIES_OF_THE_DAY + ") y) x"
                        + " where cast(:region as text) is null or x.region_code = :region group by x.k order by x.k")
                .param("d", date).param("region", regionCode).query(CoverageQueries::row).list()
                .forEach(r -> rows.put(r.code(), r));
        return rows;
    }

    /** One row a month from {@code from} to {@code to}: the month's last day, today for the current month. */
    List<HistoryRow> history(LocalDate from, LocalDate to, String regionCode, String municipalityCode) {
        return cache.get("history|" + from + "|" + to + "|" + regionCode + "|" + municipalityCode, () -> computeHistory(from, to, regionCode, municipalityCode));
    }

    private List<HistoryRow> computeHistory(LocalDate from, LocalDate to, String regionCode, String municipalityCode) {
        return jdbc.sql("""
                        with days as (
                          select case when g = date_trunc('month', current_date) then current_date
                                      else (g + interval '1 month' - interval '1 day')::date end as d
                            from generate_series(date_trunc('month', cast(:from as date)),
                                                 date_trunc('month', cast(:to as date)), interval '1 month') g),
                        in_scope as (
                          select days.d, f.id, f.places
                            from days
                            join municipality_region mr on mr.valid_from <= days.d
                                 and (mr.valid_to is null or mr.valid_to >= days.d)
                            join facility f on f.municipality_code = mr.municipality_code
                            join legal_basis_scope s on s.legal_basis = f.legal_basis
                                 and s.valid_from <= days.d and (s.valid_to is null or s.valid_to >= days.d)
                           where (cast(:region as text) is null or mr.region_code = :region)
                             and (cast(:municipality as text) is null or f.municipality_code = :municipality)),
                        covered as (
                          select distinct days.d, c.facility_id
                            from days join agreement_coverage c on c.period @> days.d)
                        select days.d, count(x.id), count(c.facility_id),
                               coalesce(sum(x.places), 0), coalesce(sum(x.places) filter (where c.facility_id is not null), 0)
                          from days
                          left join in_scope x on x.d = days.d
                          left join covered c on c.d = x.d and c.facility_id = x.id
                         group by days.d order by days.d
                        """)
                .param("from", from).param("to", to).param("region", regionCode)
                .param("municipality", municipalityCode)
                .query((rs, i) -> new HistoryRow(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3),
                        CoverageRule.fraction(rs.getLong(3), rs.getLong(2)), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** How the approved agreements in force on the day came about (matchmaking method), counted. */
    Map<String, Long> matchMethods(LocalDate date, String regionCode) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.match_method, count(distinct a.id)
                          from agreement a
                          join agreement_coverage c on c.agreement_id = a.id and c.period @> cast(:d as date)
                          join facility f on f.id = c.facility_id
                          join municipality_region mr on mr.municipality_code = f.municipality_code
                               and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
                         where cast(:region as text) is null or mr.region_code = :region
                         group by a.match_method order by count(distinct a.id) desc, a.match_method
                        """)
                .param("d", date).param("region", regionCode)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Dispensations in force on the day, for doctors whose practice lies in the region (or anywhere). */
    long dispensations(LocalDate date, String regionCode) {
        return jdbc.sql("""
                        select count(*) from dispensation dp
                          join doctor d on d.id = dp.doctor_id join practice p on p.id = d.practice_id
                          join municipality_region mr on mr.municipality_code = p.municipality_code
                               and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
                         where dp.valid_from <= :d and (dp.valid_to is null or dp.valid_to >= :d)
                           and (cast(:region as text) is null or mr.region_code = :region)
                        """)
                .param("d", date).param("region", regionCode).query(Long.class).single();
    }

    private static CoverageRow row(ResultSet rs, int i) throws SQLException {
        return CoverageRow.of(rs.getString(1).trim(), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
