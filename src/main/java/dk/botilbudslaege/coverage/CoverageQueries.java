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

    /**
     * The in-scope facilities of the day :d with their region of the day, whether they are covered
     * (whole, a section or the group: C1), whether only partly ({@link SectionCoverage}) and their
     * covered places. The exclusion constraint on {@code agreement_coverage} lets at most one row
     * cover a whole facility, or one section, on a day, so the rows of the day count sections.
     */
    private static final String FACILITIES_OF_THE_DAY = """
            select f.id, f.places, f.operator, f.legal_basis, f.municipality_code, mr.region_code,
                   (cv.whole or cv.sections > 0) as covered,
                   (not cv.whole and cv.sections > 0 and cv.sections < fs.sections) as partly,
                   case when cv.whole or (fs.sections > 0 and cv.sections >= fs.sections) then f.places
                        when cv.sections > 0 then least(f.places, cv.section_residents)
                        else 0 end as covered_places
              from registry_facility f
              join registry_legal_basis_scope s on s.legal_basis = f.legal_basis
                   and s.valid_from <= :d and (s.valid_to is null or s.valid_to >= :d)
              join registry_municipality_region mr on mr.municipality_code = f.municipality_code
                   and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
              cross join lateral (
                   select coalesce(bool_or(c.section_id is null), false) as whole, count(c.section_id) as sections,
                          coalesce(sum(fsc.residents), 0) as section_residents
                     from agreement_facility_coverage c left join registry_facility_section fsc on fsc.id = c.section_id
                    where c.facility_id = f.id and c.period @> cast(:d as date)) cv
              cross join lateral (select count(*) as sections from registry_facility_section x where x.facility_id = f.id) fs
            """;

    private static final String COUNTS = """
            count(x.id), count(x.id) filter (where x.covered),
            coalesce(sum(x.places), 0), coalesce(sum(x.covered_places), 0), count(x.id) filter (where x.partly)
            """;

    /**
     * The agreements of the pipeline ({@link Pipeline}) on the day :d, one row per facility of their
     * unit (a group's members), with the facility's region of the day and the columns a breakdown
     * groups by. Dates of timestamps are Danish dates.
     */
    private static final String PIPELINE_OF_THE_DAY = """
            select a.id as agreement_id, f.id, f.places, f.operator, f.legal_basis, f.municipality_code,
                   mr.region_code,
                   (a.status in ('ACTIVE', 'NOTICE_GIVEN') and a.start_date > :d
                    and (a.decided_at is null
                         or cast(a.decided_at at time zone 'Europe/Copenhagen' as date) <= :d)) as later,
                   (i.agreement_id is not null
                    and cast(i.filed_at at time zone 'Europe/Copenhagen' as date) <= :d
                    and case a.status
                          when 'SUBMITTED' then true
                          when 'WITHDRAWN' then cast(a.updated_at at time zone 'Europe/Copenhagen' as date) > :d
                          else a.decided_at is not null
                               and cast(a.decided_at at time zone 'Europe/Copenhagen' as date) > :d end) as awaiting
              from agreement_state a
              left join agreement_information_form i on i.agreement_id = a.id
              cross join lateral (select u.id from registry_facility u where u.id = a.facility_id
                                  union all
                                  select u.id from registry_facility u where a.facility_id is null and u.group_id = a.group_id) unit
              join registry_facility f on f.id = unit.id
              join registry_municipality_region mr on mr.municipality_code = f.municipality_code
                   and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
             where a.status in ('SUBMITTED', 'ACTIVE', 'NOTICE_GIVEN', 'REJECTED', 'WITHDRAWN')
            """;

    private static final String PIPELINE_COUNTS = """
            count(distinct p.agreement_id) filter (where p.later), count(distinct p.agreement_id) filter (where p.awaiting)
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
        return jdbc.sql(narrowed(
                        "select " + COUNTS + " from (" + FACILITIES_OF_THE_DAY + ") x"
                                + " where cast(:region as text) is null or x.region_code = :region",
                        regionCode,
                        null))
                .param("d", date)
                .param("region", regionCode)
                .query((rs, i) -> CoverageRow.of(
                        "DK", "Danmark", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single()
                .with(pipeline(date, regionCode, "'DK'").getOrDefault("DK", Pipeline.NONE));
    }

    /**
     * C5 (issue 13 item 5): the residents' choice of the day :d from the counts the collaboration module
     * publishes ({@code collaboration_resident_choice}): each facility's latest month with counts, at most 12
     * months before the month of the day and not after it; their facilities, enrolled and residents summed.
     * Answers {facilities with counts, enrolled, residents}, in the region of the day when one is given.
     */
    long[] residentsChoice(LocalDate date, String regionCode) {
        return cache.get("choice|" + date + "|" + regionCode, () -> computeResidentsChoice(date, regionCode));
    }

    private long[] computeResidentsChoice(LocalDate date, String regionCode) {
        LocalDate month = date.withDayOfMonth(1);
        return jdbc.sql(narrowed("""
                        select count(*), coalesce(sum(c.enrolled), 0), coalesce(sum(c.residents), 0)
                          from (select distinct on (facility_id) facility_id, enrolled, residents
                                  from collaboration_resident_choice
                                 where month <= :m and month > cast(:m as date) - interval '12 months'
                                 order by facility_id, month desc) c
                          join registry_facility f on f.id = c.facility_id
                          join registry_municipality_region mr on mr.municipality_code = f.municipality_code
                               and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
                         where cast(:region as text) is null or mr.region_code = :region
                        """, regionCode, null))
                .param("m", month)
                .param("d", date)
                .param("region", regionCode)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
    }

    /** Every region of the day, with zeros where there are no facilities. */
    List<CoverageRow> regions(LocalDate date, String regionCode) {
        return cache.get("regions|" + date + "|" + regionCode, () -> computeRegions(date, regionCode));
    }

    private List<CoverageRow> computeRegions(LocalDate date, String regionCode) {
        List<CoverageRow> rows = jdbc.sql(narrowed(
                        "select r.code, r.name, " + COUNTS + " from registry_region r left join ("
                                + FACILITIES_OF_THE_DAY
                                + ") x on x.region_code = r.code"
                                + " where r.valid_from <= :d and (r.valid_to is null or r.valid_to >= :d)"
                                + " and (cast(:region as text) is null or r.code = :region)"
                                + " group by r.code, r.name order by r.code",
                        regionCode,
                        null))
                .param("d", date)
                .param("region", regionCode)
                .query(CoverageQueries::row)
                .list();
        Map<String, Pipeline> pipeline = pipeline(date, regionCode, "region_code");
        return rows.stream()
                .map(r -> r.with(pipeline.getOrDefault(r.code(), Pipeline.NONE)))
                .toList();
    }

    /** Every municipality of the day (of one region, or all), with zeros where there are no facilities. */
    List<MunicipalityCoverage> municipalities(LocalDate date, String regionCode) {
        return cache.get("municipalities|" + date + "|" + regionCode, () -> computeMunicipalities(date, regionCode));
    }

    private List<MunicipalityCoverage> computeMunicipalities(LocalDate date, String regionCode) {
        Map<String, Pipeline> pipeline = pipeline(date, regionCode, "municipality_code");
        return jdbc.sql(narrowed(
                        "select m.code, m.name, " + COUNTS + ", mr.region_code, r.name"
                                + " from registry_municipality m join registry_municipality_region mr on mr.municipality_code = m.code"
                                + "  and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)"
                                + " join registry_region r on r.code = mr.region_code"
                                + " left join (" + FACILITIES_OF_THE_DAY + ") x on x.municipality_code = m.code"
                                + " where cast(:region as text) is null or mr.region_code = :region"
                                + " group by m.code, m.name, mr.region_code, r.name order by m.name",
                        regionCode,
                        null))
                .param("d", date)
                .param("region", regionCode)
                .query((rs, i) -> {
                    CoverageRow row = row(rs, i);
                    return new MunicipalityCoverage(
                            row.with(pipeline.getOrDefault(row.code(), Pipeline.NONE)),
                            rs.getString(8).trim(),
                            rs.getString(9));
                })
                .list();
    }

    /** C2: by operator, legal basis or size; the groups present on the day, keyed by their code. */
    Map<String, CoverageRow> breakdown(LocalDate date, String regionCode, Breakdown by) {
        return cache.get(
                "breakdown|" + date + "|" + regionCode + "|" + by, () -> computeBreakdown(date, regionCode, by));
    }

    private Map<String, CoverageRow> computeBreakdown(LocalDate date, String regionCode, Breakdown by) {
        Map<String, CoverageRow> rows = new LinkedHashMap<>();
        jdbc.sql(narrowed(
                        "select x.k, x.k, " + COUNTS + " from (select " + by.key + " as k, y.*"
                                + " from (" + FACILITIES_OF_THE_DAY + ") y) x"
                                + " where cast(:region as text) is null or x.region_code = :region group by x.k order by x.k",
                        regionCode,
                        null))
                .param("d", date)
                .param("region", regionCode)
                .query(CoverageQueries::row)
                .list()
                .forEach(r -> rows.put(r.code(), r));
        Map<String, Pipeline> pipeline = pipeline(date, regionCode, by.key);
        rows.replaceAll((code, r) -> r.with(pipeline.getOrDefault(code, Pipeline.NONE)));
        return rows;
    }

    /**
     * The pipeline of the day by a group key over {@link #PIPELINE_OF_THE_DAY} (fixed SQL text, never
     * user input): agreements counted once per group even when their unit spans facilities.
     */
    private Map<String, Pipeline> pipeline(LocalDate date, String regionCode, String key) {
        Map<String, Pipeline> counts = new LinkedHashMap<>();
        jdbc.sql(narrowed(
                        "select p.k, " + PIPELINE_COUNTS + " from (select " + key + " as k, y.* from ("
                                + PIPELINE_OF_THE_DAY + ") y) p"
                                + " where (p.later or p.awaiting) and (cast(:region as text) is null or p.region_code = :region)"
                                + " group by p.k",
                        regionCode,
                        null))
                .param("d", date)
                .param("region", regionCode)
                .query((rs, i) -> Map.entry(rs.getString(1).trim(), new Pipeline(rs.getLong(2), rs.getLong(3))))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The history's coverage of each day: every facility's (nationally, where nearly all are counted). */
    private static final String COVERED_OF_THE_DAYS = """
            select days.d, c.facility_id, bool_or(c.section_id is null) as whole,
                   count(c.section_id) as sections, coalesce(sum(fsc.residents), 0) as section_residents
              from days join agreement_facility_coverage c on c.period @> days.d
              left join registry_facility_section fsc on fsc.id = c.section_id
             group by days.d, c.facility_id""";

    /**
     * i17-cov: in a region or municipality, the coverage of the counted facilities only (the same rows where the
     * history joins them): 20-30 ms instead of 100+ for a region on the national registry, where reading every
     * facility's coverage of 18 days was most of the work.
     */
    private static final String COVERED_OF_THE_COUNTED = """
            select x.d, c.facility_id, bool_or(c.section_id is null) as whole,
                   count(c.section_id) as sections, coalesce(sum(fsc.residents), 0) as section_residents
              from in_scope x join agreement_facility_coverage c on c.facility_id = x.id and c.period @> x.d
              left join registry_facility_section fsc on fsc.id = c.section_id
             group by x.d, c.facility_id""";

    /** One row a month from {@code from} to {@code to}: the month's last day, today for the current month. */
    List<HistoryRow> history(LocalDate from, LocalDate to, String regionCode, String municipalityCode) {
        return cache.get(
                "history|" + from + "|" + to + "|" + regionCode + "|" + municipalityCode,
                () -> computeHistory(from, to, regionCode, municipalityCode));
    }

    private List<HistoryRow> computeHistory(LocalDate from, LocalDate to, String regionCode, String municipalityCode) {
        return jdbc.sql(narrowed(
                        """
                        with days as (
                          select case when g = date_trunc('month', current_date) then current_date
                                      else (g + interval '1 month' - interval '1 day')::date end as d
                            from generate_series(date_trunc('month', cast(:from as date)),
                                                 date_trunc('month', cast(:to as date)), interval '1 month') g),
                        in_scope as (
                          select days.d, f.id, f.places,
                                 (select count(*) from registry_facility_section x where x.facility_id = f.id) as sections
                            from days
                            join registry_municipality_region mr on mr.valid_from <= days.d
                                 and (mr.valid_to is null or mr.valid_to >= days.d)
                            join registry_facility f on f.municipality_code = mr.municipality_code
                            join registry_legal_basis_scope s on s.legal_basis = f.legal_basis
                                 and s.valid_from <= days.d and (s.valid_to is null or s.valid_to >= days.d)
                           where (cast(:region as text) is null or mr.region_code = :region)
                             and (cast(:municipality as text) is null or f.municipality_code = :municipality)),
                        covered as (COVERED_OF_THE_DAYS)
                        select days.d, count(x.id), count(c.facility_id),
                               coalesce(sum(x.places), 0),
                               coalesce(sum(case when c.whole or (x.sections > 0 and c.sections >= x.sections) then x.places
                                                 when c.sections > 0 then least(x.places, c.section_residents)
                                                 else 0 end), 0)
                          from days
                          left join in_scope x on x.d = days.d
                          left join covered c on c.d = x.d and c.facility_id = x.id
                         group by days.d order by days.d
                        """.replace(
                                        "COVERED_OF_THE_DAYS",
                                        regionCode == null && municipalityCode == null
                                                ? COVERED_OF_THE_DAYS
                                                : COVERED_OF_THE_COUNTED),
                        regionCode,
                        municipalityCode))
                .param("from", from)
                .param("to", to)
                .param("region", regionCode)
                .param("municipality", municipalityCode)
                .query((rs, i) -> new HistoryRow(
                        rs.getObject(1, LocalDate.class),
                        rs.getLong(2),
                        rs.getLong(3),
                        CoverageRule.fraction(rs.getLong(3), rs.getLong(2)),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** How the approved agreements in force on the day came about (matchmaking method), counted. */
    Map<String, Long> matchMethods(LocalDate date, String regionCode) {
        // i17-cov: kept like the other answers (agreements, their coverage, facilities and regions draw new versions)
        return cache.get("match-methods|" + date + "|" + regionCode, () -> computeMatchMethods(date, regionCode));
    }

    private Map<String, Long> computeMatchMethods(LocalDate date, String regionCode) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(narrowed("""
                        select a.match_method, count(distinct a.id)
                          from agreement_state a
                          join agreement_facility_coverage c on c.agreement_id = a.id and c.period @> cast(:d as date)
                          join registry_facility f on f.id = c.facility_id
                          join registry_municipality_region mr on mr.municipality_code = f.municipality_code
                               and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
                         where cast(:region as text) is null or mr.region_code = :region
                         group by a.match_method order by count(distinct a.id) desc, a.match_method
                        """, regionCode, null))
                .param("d", date)
                .param("region", regionCode)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Dispensations in force on the day, for doctors whose practice lies in the region (or anywhere). */
    long dispensations(LocalDate date, String regionCode) {
        return jdbc.sql(narrowed("""
                        select count(*) from agreement_dispensation dp
                          join registry_doctor d on d.id = dp.doctor_id join registry_practice p on p.id = d.practice_id
                          join registry_municipality_region mr on mr.municipality_code = p.municipality_code
                               and mr.valid_from <= :d and (mr.valid_to is null or mr.valid_to >= :d)
                         where dp.valid_from <= :d and (dp.valid_to is null or dp.valid_to >= :d)
                           and (cast(:region as text) is null or mr.region_code = :region)
                        """, regionCode, null))
                .param("d", date)
                .param("region", regionCode)
                .query(Long.class)
                .single();
    }

    private static final java.util.regex.Pattern ANY_REGION =
            java.util.regex.Pattern.compile("cast\\(:region as text\\) is null or ([a-z_.]+) = :region");
    private static final java.util.regex.Pattern ANY_MUNICIPALITY =
            java.util.regex.Pattern.compile("cast\\(:municipality as text\\) is null or ([a-z_.]+) = :municipality");

    /**
     * i17-cov: one SQL text per case. {@code cast(:region as text) is null or x = :region} (and the same for
     * :municipality) becomes {@code true} without a region and {@code x = :region} with one, so that the generic plan
     * PostgreSQL switches to after five executions is as good as the custom one (with the optional condition it
     * kept the filter out of the index and join choices). Only the fixed SQL of this class passes here.
     */
    static String narrowed(String sql, String regionCode, String municipalityCode) {
        String s = ANY_REGION.matcher(sql).replaceAll(regionCode == null ? "true" : "$1 = :region");
        return ANY_MUNICIPALITY.matcher(s).replaceAll(municipalityCode == null ? "true" : "$1 = :municipality");
    }

    private static CoverageRow row(ResultSet rs, int i) throws SQLException {
        return CoverageRow.of(
                rs.getString(1).trim(),
                rs.getString(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7));
    }
}
