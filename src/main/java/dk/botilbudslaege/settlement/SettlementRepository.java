package dk.botilbudslaege.settlement;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for settlement: the terms of approved agreements, rates, residents history, runs and lines. */
@Repository
class SettlementRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    SettlementRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    RateTable rates() {
        Map<LocalDate, BigDecimal> rates = new HashMap<>();
        rateRows().forEach(r -> rates.put(r.validFrom(), r.hourlyRate()));
        return new RateTable(rates);
    }

    List<Rate> rateRows() {
        return jdbc.sql("select valid_from, hourly_rate from hourly_rate order by valid_from")
                .query(Rate.class)
                .list();
    }

    void insertRate(LocalDate validFrom, BigDecimal rate, String by) {
        jdbc.sql("insert into hourly_rate (valid_from, hourly_rate, created_by) values (:f, :r, :by)")
                .param("f", validFrom)
                .param("r", rate)
                .param("by", by)
                .update();
    }

    void updateRate(LocalDate validFrom, LocalDate newValidFrom, BigDecimal rate, String by) {
        jdbc.sql("""
                        update hourly_rate set valid_from = :to, hourly_rate = :r, created_by = :by, created_at = now()
                         where valid_from = :f
                        """)
                .param("f", validFrom)
                .param("to", newValidFrom)
                .param("r", rate)
                .param("by", by)
                .update();
    }

    void deleteRate(LocalDate validFrom) {
        jdbc.sql("delete from hourly_rate where valid_from = :f")
                .param("f", validFrom)
                .update();
    }

    /**
     * F1: a rate change and a region's approval never overlap. A change takes this lock before it looks
     * at the approved months; an approval takes {@link #shareRates()}, so it waits for a change, and a
     * change waits for approvals in progress.
     */
    void lockRates() {
        jdbc.sql("lock table hourly_rate in share row exclusive mode").update();
    }

    void shareRates() {
        jdbc.sql("lock table hourly_rate in share mode").update();
    }

    /** The months any region has approved (locked). */
    List<YearMonth> approvedMonths() {
        return jdbc.sql("select distinct month from settlement_month where status = 'APPROVED' order by month")
                .query(SettlementRepository::yearMonth)
                .list();
    }

    boolean rateExists(LocalDate validFrom) {
        return jdbc.sql("select count(*) from hourly_rate where valid_from = :f")
                        .param("f", validFrom)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Whose agreements a month's lines are computed for: the whole region, or (to show them only) one doctor's or one
     * municipality's; a null id or code matches none.
     */
    record Scope(Long doctorId, String municipalityCode, boolean byDoctor, boolean byMunicipality) {

        static final Scope ALL = new Scope(null, null, false, false);

        static Scope doctor(Long doctorId) {
            return new Scope(doctorId, null, true, false);
        }

        static Scope municipality(String municipalityCode) {
            return new Scope(null, municipalityCode, false, true);
        }
    }

    /**
     * The approved agreements in force on some day from {@code from} to {@code to}, in the region of
     * their day (null region: all), with what the calculator needs.
     */
    List<AgreementTerms> terms(String regionCode, LocalDate from, LocalDate to) {
        return terms(regionCode, from, to, Scope.ALL);
    }

    /**
     * i17-settle: the region of the day is a join on the registry's dated municipality regions (region_of per row cost
     * 30 ms on the national data), and each filter is its own fixed SQL fragment (one text per scope, no
     * {@code :x is null or} that a generic plan cannot push down). The practice's VAT status of today (the view's
     * vat_registered, a function call per row) is read only for a practice without a dated VAT history, the only
     * case {@link AgreementTerms} uses it.
     */
    List<AgreementTerms> terms(String regionCode, LocalDate from, LocalDate to, Scope scope) {
        if ((scope.byDoctor() && scope.doctorId() == null)
                || (scope.byMunicipality() && scope.municipalityCode() == null)) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                        select a.id, a.doctor_id, a.practice_id, a.provider_number, mr.region_code as region,
                               case when exists (select 1 from registry_practice_vat_status s
                                                  where s.practice_id = a.practice_id)
                                    then false else a.vat_registered end as vat_registered,
                               a.start_date, a.end_date, a.facility_ids, a.unit_kind, a.residents
                          from agreement_overview a
                          left join registry_municipality_region mr on mr.municipality_code = a.municipality_code
                               and mr.valid_from <= :from and (mr.valid_to is null or mr.valid_to >= :from)
                         where a.status in ('ACTIVE', 'NOTICE_GIVEN', 'ENDED')
                           and a.start_date <= :to and (a.end_date is null or a.end_date >= :from)
                        """);
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        if (regionCode != null) {
            sql.append(" and mr.region_code = :region");
            params.put("region", regionCode);
        }
        if (regionCode != null && !scope.byDoctor() && !scope.byMunicipality()) {
            // the unit's region first narrows the agreements by their facility or group (hashed subplans at the scan
            // of agreement, before the view's joins: a tenth of the rows to join for one region), then the view's
            // municipality decides as before
            sql.append("""
                     and (a.facility_id in (select f.id from registry_facility f
                                              join registry_municipality_region fr on fr.municipality_code = f.municipality_code
                                               and fr.valid_from <= :from and (fr.valid_to is null or fr.valid_to >= :from)
                                             where fr.region_code = :region)
                          or a.group_id in (select g.id from registry_facility_group g
                                              join registry_municipality_region gr on gr.municipality_code = g.municipality_code
                                               and gr.valid_from <= :from and (gr.valid_to is null or gr.valid_to >= :from)
                                             where gr.region_code = :region))
                    """);
        }
        if (scope.byDoctor()) {
            sql.append(" and a.doctor_id = :doctor");
            params.put("doctor", scope.doctorId());
        }
        if (scope.byMunicipality()) {
            sql.append("""
                     and a.municipality_code = :municipality
                     and (a.facility_id in (select f.id from registry_facility f where f.municipality_code = :municipality)
                          or a.group_id in (select g.id from registry_facility_group g
                                             where g.municipality_code = :municipality))
                    """);
            params.put("municipality", scope.municipalityCode());
        }
        List<Row> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("doctor_id"),
                        rs.getLong("practice_id"),
                        rs.getString("provider_number"),
                        rs.getString("region"),
                        rs.getBoolean("vat_registered"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class),
                        longs(rs.getArray("facility_ids")),
                        "SECTION".equals(rs.getString("unit_kind")) ? rs.getInt("residents") : null))
                .list();
        Map<Long, List<AgreementTerms.HoursDispensation>> hours = hoursDispensations();
        Map<Long, NavigableMap<LocalDate, Boolean>> vat = vatHistory();
        List<AgreementTerms> terms = new ArrayList<>(rows.size());
        for (Row r : rows) {
            terms.add(new AgreementTerms(
                    r.id,
                    r.doctorId,
                    r.providerNumber,
                    r.region,
                    r.vat,
                    r.start,
                    r.end,
                    r.facilityIds,
                    r.sectionResidents,
                    hours.getOrDefault(r.doctorId, List.of()),
                    vat.get(r.practiceId)));
        }
        return terms;
    }

    /** SPEC F5: each practice's VAT status from each date on (registry table practice_vat_status). */
    private Map<Long, NavigableMap<LocalDate, Boolean>> vatHistory() {
        Map<Long, NavigableMap<LocalDate, Boolean>> result = new HashMap<>();
        jdbcTemplate.query("select practice_id, valid_from, vat_registered from registry_practice_vat_status", rs -> {
            result.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                    .put(rs.getObject(2, LocalDate.class), rs.getBoolean(3));
        });
        return result;
    }

    private record Row(
            long id,
            long doctorId,
            long practiceId,
            String providerNumber,
            String region,
            boolean vat,
            LocalDate start,
            LocalDate end,
            List<Long> facilityIds,
            Integer sectionResidents) {}

    private Map<Long, List<AgreementTerms.HoursDispensation>> hoursDispensations() {
        Map<Long, List<AgreementTerms.HoursDispensation>> result = new HashMap<>();
        jdbc.sql(
                        "select doctor_id, valid_from, valid_to, monthly_hours from agreement_dispensation where kind = 'HOURS'")
                .query((rs, i) -> Map.entry(
                        rs.getLong(1),
                        new AgreementTerms.HoursDispensation(
                                rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class),
                                rs.getBigDecimal(4).stripTrailingZeros())))
                .list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return result;
    }

    /** The residents history of the facilities the agreements cover, and of no others. */
    Map<Long, NavigableMap<LocalDate, Integer>> residentsHistory(java.util.Collection<AgreementTerms> terms) {
        Map<Long, NavigableMap<LocalDate, Integer>> history = new HashMap<>();
        Long[] facilityIds =
                terms.stream().flatMap(t -> t.facilityIds().stream()).distinct().toArray(Long[]::new);
        if (facilityIds.length == 0) {
            return history;
        }
        jdbcTemplate.query(
                "select facility_id, valid_from, residents from registry_facility_residents where facility_id = any (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", facilityIds)),
                rs -> {
                    history.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getInt(3));
                });
        return history;
    }

    Optional<MonthState> month(String regionCode, YearMonth month) {
        return jdbc.sql("select * from settlement_month where region_code = :r and month = :m")
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .query((rs, i) -> new MonthState(
                        rs.getString("region_code"),
                        month,
                        rs.getString("status"),
                        rs.getString("run_by"),
                        rs.getObject("run_at", java.time.OffsetDateTime.class),
                        rs.getString("approved_by"),
                        rs.getObject("approved_at", java.time.OffsetDateTime.class)))
                .optional();
    }

    List<YearMonth> approvedMonthsBefore(String regionCode, YearMonth month) {
        return jdbc.sql("""
                        select month from settlement_month
                         where region_code = :r and status = 'APPROVED' and month < :m order by month
                        """)
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .query(SettlementRepository::yearMonth)
                .list();
    }

    /** What has been paid for each agreement for a locked month: its fee line and approved adjustments. */
    Map<Long, Paid> paidFor(String regionCode, YearMonth lockedMonth, YearMonth before) {
        Map<Long, Paid> paid = new HashMap<>();
        jdbc.sql("""
                        select l.agreement_id, sum(l.amount_ex_vat) as ex_vat, sum(l.vat) as vat,
                               max(l.doctor_id) as doctor_id, max(l.provider_number) as provider_number
                          from settlement_line l join settlement_month m
                            on m.region_code = l.region_code and m.month = l.month and m.status = 'APPROVED'
                         where l.region_code = :r and l.month < :before
                           and ((l.kind = 'FEE' and l.month = :locked) or (l.kind = 'ADJUSTMENT' and l.corrects_month = :locked))
                         group by l.agreement_id
                        """)
                .param("r", regionCode)
                .param("locked", lockedMonth.atDay(1))
                .param("before", before.atDay(1))
                .query(Paid.class)
                .list()
                .forEach(p -> paid.put(p.agreementId(), p));
        return paid;
    }

    record Paid(long agreementId, long doctorId, String providerNumber, BigDecimal exVat, BigDecimal vat) {}

    void openMonth(String regionCode, YearMonth month, String by) {
        jdbc.sql("""
                        insert into settlement_month (region_code, month, status, run_by, run_at)
                        values (:r, :m, 'OPEN', :by, now())
                        on conflict (region_code, month) do update set run_by = excluded.run_by, run_at = now()
                        """)
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .param("by", by)
                .update();
    }

    void replaceLines(String regionCode, YearMonth month, List<SettlementLine> lines) {
        jdbc.sql("delete from settlement_line where region_code = :r and month = :m")
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .update();
        jdbcTemplate.batchUpdate("""
                        insert into settlement_line (region_code, month, agreement_id, doctor_id, provider_number, kind,
                                                     corrects_month, days, hours, amount_ex_vat, vat, amount_incl_vat)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, lines, 1000, (ps, l) -> {
            ps.setString(1, regionCode);
            ps.setDate(2, Date.valueOf(month.atDay(1)));
            ps.setLong(3, l.agreementId());
            ps.setLong(4, l.doctorId());
            ps.setString(5, l.providerNumber());
            ps.setString(6, l.kind().name());
            ps.setDate(
                    7,
                    l.correctsMonth() == null
                            ? null
                            : Date.valueOf(l.correctsMonth().atDay(1)));
            ps.setInt(8, l.days());
            ps.setBigDecimal(9, l.hours());
            ps.setBigDecimal(10, l.amountExVat());
            ps.setBigDecimal(11, l.vat());
            ps.setBigDecimal(12, l.amountInclVat());
        });
    }

    boolean approve(String regionCode, YearMonth month, String by) {
        return jdbc.sql("""
                        update settlement_month set status = 'APPROVED', approved_by = :by, approved_at = now()
                         where region_code = :r and month = :m and status = 'OPEN' and run_at is not null
                        """)
                        .param("r", regionCode)
                        .param("m", month.atDay(1))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** i16-rest: one doctor's stored lines of a month, counted and summed in SQL (the doctor's start page). */
    long[] ownCount(String regionCode, YearMonth month, long doctorId) {
        return jdbc.sql("""
                        select count(*) as n, coalesce(sum(amount_incl_vat) * 100, 0) as cents from settlement_line
                         where region_code = :r and month = :m and doctor_id = :d
                        """)
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .param("d", doctorId)
                .query((rs, i) ->
                        new long[] {rs.getLong("n"), rs.getBigDecimal("cents").longValueExact()})
                .single();
    }

    /** i16-rest: the last approved month before {@code month}, one row (LIMIT in SQL). */
    java.util.Optional<YearMonth> lastApprovedBefore(String regionCode, YearMonth month) {
        return jdbc.sql("""
                        select month from settlement_month
                         where region_code = :r and status = 'APPROVED' and month < :m order by month desc limit 1
                        """)
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .query(SettlementRepository::yearMonth)
                .optional();
    }

    List<SettlementLine> storedLines(String regionCode, YearMonth month) {
        return jdbc.sql(
                        "select * from settlement_line where region_code = :r and month = :m order by kind, agreement_id")
                .param("r", regionCode)
                .param("m", month.atDay(1))
                .query((rs, i) -> {
                    LocalDate corrects = rs.getObject("corrects_month", LocalDate.class);
                    return new SettlementLine(
                            rs.getLong("agreement_id"),
                            rs.getLong("doctor_id"),
                            rs.getString("provider_number"),
                            rs.getString("region_code"),
                            month,
                            SettlementLine.Kind.valueOf(rs.getString("kind")),
                            corrects == null ? null : YearMonth.from(corrects),
                            rs.getInt("days"),
                            rs.getBigDecimal("hours").stripTrailingZeros(),
                            rs.getBigDecimal("amount_ex_vat"),
                            rs.getBigDecimal("vat"),
                            rs.getBigDecimal("amount_incl_vat"));
                })
                .list();
    }

    /** Names for display: doctor, unit and municipality of each agreement. */
    Map<Long, AgreementLabel> labels(List<Long> agreementIds) {
        Map<Long, AgreementLabel> labels = new HashMap<>();
        if (agreementIds.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                        select id as agreement_id, doctor_name, unit_name, municipality_code, municipality_name
                          from agreement_overview where id in (:ids)
                        """)
                .param("ids", agreementIds)
                .query(AgreementLabel.class)
                .list()
                .forEach(l -> labels.put(l.agreementId(), l));
        return labels;
    }

    record AgreementLabel(
            long agreementId, String doctorName, String unitName, String municipalityCode, String municipalityName) {}

    private static YearMonth yearMonth(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return YearMonth.from(rs.getObject(1, LocalDate.class));
    }

    private static List<Long> longs(Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray())
                .map(o -> ((Number) o).longValue())
                .toList();
    }
}
