package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.agreement.Agreement;
import dk.botilbudslaege.agreement.MonthlyHours;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.SaneDates;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Hours delivered against the agreement's hours (issue 13 item 3), by {@link HoursArithmetic}: for one
 * agreement (every reader of it) and as an overview of the running agreements of a municipality or a region
 * (that municipality, and the region for its own municipalities and itself) or of a doctor (its own). Other areas
 * only as aggregates: per region at the national level (the national roles, regions and municipalities), per
 * municipality in the coverage report ({@link #report}, every role). Facilities get no overview (403): they read
 * their agreement's own hours (API.md).
 *
 * <p>i19-hours: the overviews and the report's section are kept in {@link HoursCache} per level, area and day; who may
 * read one is checked on every request, before the cache.
 */
@Service
public class Hours {

    /** The answer of {@code GET /agreements/{id}/hours}. */
    public record AgreementHours(
            YearMonth from,
            YearMonth to,
            BigDecimal agreedHoursPerMonth,
            BigDecimal loggedHours,
            BigDecimal confirmedHours,
            BigDecimal averageConfirmedPerMonth,
            BigDecimal rollingAverage,
            BigDecimal averageSinceStart,
            boolean shortfall,
            int shortMonths,
            List<MonthRow> months) {}

    /** One month as the API shows it. */
    public record MonthRow(
            YearMonth month,
            BigDecimal agreedHours,
            BigDecimal loggedHours,
            BigDecimal confirmedHours,
            boolean complete,
            boolean shortfall) {}

    /**
     * The answer of {@code GET /hours?level=&code=}: the area's totals, its subtotals (per municipality for
     * a municipality or region, per region for the nation) and the running agreements (none for the nation:
     * aggregates only).
     */
    public record Overview(
            String level,
            String code,
            String name,
            int agreements,
            int agreementsShort,
            BigDecimal agreedHoursPerMonth,
            BigDecimal rollingAverage,
            BigDecimal shareDelivered,
            List<Subtotal> municipalities,
            List<Subtotal> regions,
            List<OverviewRow> rows) {

        /** i19-hours: immutable, so that one kept in {@link HoursCache} is handed to every reader as it is. */
        public Overview {
            municipalities = List.copyOf(municipalities);
            regions = List.copyOf(regions);
            rows = List.copyOf(rows);
        }

        /** The overview of an area whose figures are {@code total}. */
        static Overview of(
                String level,
                String code,
                String name,
                Subtotal total,
                List<Subtotal> municipalities,
                List<Subtotal> regions,
                List<OverviewRow> rows) {
            return new Overview(
                    level,
                    code,
                    name,
                    total.agreements(),
                    total.agreementsShort(),
                    total.agreedHoursPerMonth(),
                    total.rollingAverage(),
                    total.shareDelivered(),
                    municipalities,
                    regions,
                    rows);
        }

        /** The whole overview's figures as one subtotal (the page's key figures and its "I alt" line). */
        Subtotal asSubtotal() {
            return new Subtotal(
                    code, name, agreements, agreementsShort, agreedHoursPerMonth, rollingAverage, shareDelivered);
        }
    }

    /**
     * The hours of the running agreements of one area (a municipality or a region): how many, how many fall
     * short, the agreed hours per month summed, the rolling averages of confirmed hours summed (agreements
     * without a complete month yet add nothing), and the share delivered: confirmed against agreed over the
     * agreements with at least one complete month (null when none has).
     */
    public record Subtotal(
            String code,
            String name,
            int agreements,
            int agreementsShort,
            BigDecimal agreedHoursPerMonth,
            BigDecimal rollingAverage,
            BigDecimal shareDelivered) {}

    /** One running agreement of the overview: its agreed hours and what was confirmed. */
    public record OverviewRow(
            long agreementId,
            String unitName,
            String doctorName,
            String municipalityCode,
            String municipalityName,
            LocalDate startDate,
            BigDecimal agreedHoursPerMonth,
            BigDecimal rollingAverage,
            BigDecimal averageSinceStart,
            int shortMonths,
            boolean shortfall) {}

    private record Dispensation(BigDecimal hours, LocalDate from, LocalDate to) {}

    private record Running(
            long id,
            String unitName,
            String doctorName,
            long doctorId,
            String municipalityCode,
            String municipalityName,
            String regionCode,
            int residents,
            BigDecimal agreedHoursPerMonth,
            LocalDate startDate,
            LocalDate endDate) {}

    /** The longest range of {@code GET /agreements/{id}/hours}: ten years of months. */
    static final int MAX_MONTHS = 120;

    private final Parties parties;
    private final JdbcClient jdbc;
    private final HoursCache cache;

    Hours(Parties parties, JdbcClient jdbc, HoursCache cache) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Default: from the later of the agreement's start and 12 months before today's month, to today's. */
    public AgreementHours forAgreement(CurrentUser user, long agreementId, YearMonth from, YearMonth to) {
        Agreement a = parties.agreement(user, agreementId);
        LocalDate today = today();
        List<FieldProblem> problems = new ArrayList<>();
        if (!SaneDates.contains(from)) {
            problems.add(SaneDates.problem("from", from.atDay(1)));
        }
        if (!SaneDates.contains(to)) {
            problems.add(SaneDates.problem("to", to.atDay(1)));
        }
        if (problems.isEmpty() && from != null && to != null && to.isBefore(from)) {
            problems.add(FieldProblem.of("to", "hours.to.beforeFrom"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        YearMonth start = YearMonth.from(a.startDate());
        YearMonth first = from != null ? from : max(start, YearMonth.from(today).minusMonths(12));
        YearMonth last = to != null ? to : YearMonth.from(today);
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw InvalidInputException.of(FieldProblem.of("to", "hours.to.tooLong"));
        }
        // only an approved agreement agrees hours, and only in its running period (start to end date):
        // a draft, a filed form, a rejected or withdrawn one agrees 0 hours and is never flagged short
        BigDecimal agreedPerMonth = a.status().approved() ? a.monthlyHours() : BigDecimal.ZERO;
        Running r = new Running(
                a.id(),
                a.unitName(),
                a.doctorName(),
                a.doctorId(),
                a.municipalityCode(),
                a.municipalityName(),
                a.regionCode(),
                a.residents(),
                agreedPerMonth,
                a.startDate(),
                a.endDate());
        Map<YearMonth, HoursArithmetic.Minutes> minutes =
                minutes(List.of(a.id())).getOrDefault(a.id(), Map.of());
        List<Dispensation> dispensations = dispensations(List.of(a.doctorId())).getOrDefault(a.doctorId(), List.of());
        List<HoursArithmetic.Month> months = months(r, first, last, today, minutes, dispensations);
        List<HoursArithmetic.Month> sinceStart = months(r, start, YearMonth.from(today), today, minutes, dispensations);
        List<HoursArithmetic.Month> rolling = HoursArithmetic.rollingTwelve(sinceStart, today);
        BigDecimal rollingAverage = HoursArithmetic.averageConfirmed(rolling);
        return new AgreementHours(
                first,
                last,
                agreedPerMonth,
                HoursArithmetic.sum(months, HoursArithmetic.Month::loggedHours),
                HoursArithmetic.sum(months, HoursArithmetic.Month::confirmedHours),
                HoursArithmetic.averageConfirmed(months),
                rollingAverage,
                HoursArithmetic.averageConfirmed(sinceStart),
                HoursArithmetic.fallsShort(rollingAverage, agreedPerMonth),
                (int) rolling.stream().filter(HoursArithmetic.Month::shortfall).count(),
                months.stream()
                        .map(m -> new MonthRow(
                                m.month(),
                                m.agreedHours(),
                                m.loggedHours(),
                                m.confirmedHours(),
                                m.complete(),
                                m.shortfall()))
                        .toList());
    }

    /** The levels of {@code GET /hours}, in the order the message names them. */
    static final List<String> LEVELS = List.of("MUNICIPALITY", "REGION", "NATIONAL", "DOCTOR");

    /** The running agreements of a municipality or region with agreed and confirmed hours; the nation's regions. */
    public Overview overview(CurrentUser user, String level, String code) {
        String lvl = level == null || level.isBlank()
                ? defaultLevel(user)
                : level.strip().toUpperCase();
        if (!LEVELS.contains(lvl)) {
            throw InvalidInputException.of(FieldProblem.of("level", "hours.level.unknown"));
        }
        boolean noCode = code == null || code.isBlank();
        LocalDate today = today();
        if (lvl.equals("DOCTOR")) {
            // the doctor's own running agreements, in every municipality; no code (the doctor is the caller)
            if (!user.is(Role.DOCTOR) || user.doctorId() == null) {
                throw new ForbiddenException(forbidden(user));
            }
            if (!noCode && !code.strip().equals(String.valueOf(user.doctorId()))) {
                throw InvalidInputException.of(FieldProblem.of("code", "hours.code.doctor"));
            }
            String doctor = String.valueOf(user.doctorId());
            return cache.get(
                    key(today, lvl, doctor, user.displayName()),
                    () -> areaOverview(lvl, doctor, user.displayName(), rows(lvl, doctor, today)));
        }
        if (lvl.equals("NATIONAL")) {
            if (!(user.national() || mayOverview(user))) {
                throw new ForbiddenException(forbidden(user));
            }
            if (!noCode) {
                throw InvalidInputException.of(FieldProblem.of("code", "hours.code.national"));
            }
            String name = dk.botilbudslaege.common.DanishFormats.label("file.coverage.figure.nation");
            return cache.get(key(today, lvl, "", name), () -> {
                // every running agreement once: the regions' subtotals and the nation's total from the same rows
                List<Running> running = running("NATIONAL", null, today);
                List<OverviewRow> rows = rowsOf(running, today, false);
                return Overview.of(lvl, null, name, total("", "", rows), List.of(), byRegion(running, rows), List.of());
            });
        }
        if (!mayOverview(user)) {
            throw new ForbiddenException(forbidden(user));
        }
        if (noCode && !lvl.equals(defaultLevel(user))) {
            // the caller's own area is the default only at its own level (a region has no own municipality)
            throw InvalidInputException.of(FieldProblem.of("code", "hours.code.required"));
        }
        String area = noCode ? (lvl.equals("REGION") ? user.regionCode() : user.municipalityCode()) : code.strip();
        String name = area == null || !area.matches("\\d{1,4}")
                ? null
                : jdbc.sql(
                                lvl.equals("REGION")
                                        ? "select name from registry_region where code = :c"
                                        : "select name from registry_municipality where code = :c")
                        .param("c", area)
                        .query(String.class)
                        .optional()
                        .orElse(null);
        if (name == null) {
            if (noCode) {
                requireOverview(user, lvl, "");
            }
            throw InvalidInputException.of(FieldProblem.of("code", "hours.code.unknown"));
        }
        requireOverview(user, lvl, area);
        return cache.get(key(today, lvl, area, name), () -> areaOverview(lvl, area, name, rows(lvl, area, today)));
    }

    /**
     * i19-hours: the key of an overview in {@link HoursCache}: the Danish day the hours are counted as of, the level,
     * the area (a municipality's or region's code, the doctor's id, empty for the nation) and its name (last: any
     * text). Who may read it is checked before, on every request; the overview depends on nothing else.
     */
    private static String key(LocalDate day, String level, String area, String name) {
        return day + "|" + level + "|" + area + "|" + name;
    }

    /**
     * i19-hours: the name of the municipality {@code code} when it is a known municipality of the overview's area (a
     * region's own municipalities today, a municipality itself, any for the nation and the doctor), else null: the
     * page's filter then names the municipality that has no running agreements instead of repeating a code.
     */
    String municipalityOfArea(Overview overview, String code) {
        if (code == null || !code.matches("\\d{1,4}")) {
            return null;
        }
        return switch (overview.level()) {
            case "MUNICIPALITY" -> code.equals(overview.code()) ? overview.name() : null;
            case "REGION" ->
                jdbc.sql("""
                                select m.name from registry_municipality m
                                  join current_municipality_region r on r.municipality_code = m.code
                                 where m.code = :c and r.region_code = :r
                                """)
                        .param("c", code)
                        .param("r", overview.code())
                        .query(String.class)
                        .optional()
                        .orElse(null);
            default ->
                jdbc.sql("select name from registry_municipality where code = :c")
                        .param("c", code)
                        .query(String.class)
                        .optional()
                        .orElse(null);
        };
    }

    /** The 403 text of the overview: what the caller may read instead. */
    private static String forbidden(CurrentUser user) {
        if (user.national()) {
            return "scope.national.aggregatesOnly";
        }
        return user.is(Role.FACILITY) ? "scope.hours.facility" : "scope.hours.overview";
    }

    private List<OverviewRow> rows(String lvl, String area, LocalDate today) {
        return rowsOf(running(lvl, area, today), today, true);
    }

    /** An overview with its rows, their total and a subtotal per municipality. */
    private static Overview areaOverview(String lvl, String area, String name, List<OverviewRow> rows) {
        Subtotal total = total(area, name, rows);
        Map<String, List<OverviewRow>> byMunicipality = new java.util.LinkedHashMap<>();
        for (OverviewRow r : rows) {
            byMunicipality
                    .computeIfAbsent(r.municipalityCode(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Subtotal> municipalities = byMunicipality.entrySet().stream()
                .map(e -> total(e.getKey(), e.getValue().get(0).municipalityName(), e.getValue()))
                .toList();
        return Overview.of(lvl, area, name, total, municipalities, List.of(), rows);
    }

    /**
     * The hours of the running agreements as aggregates for the coverage report (every role may read
     * them): per region (every region) when {@code regionCode} is null, else per municipality of the region
     * with a running agreement, as of {@code date} but never after today ({@link #asOf}; the rolling average
     * covers the 12 complete months before that day's month).
     */
    public List<Subtotal> summary(String regionCode, LocalDate date) {
        return report(regionCode, date).parts();
    }

    /**
     * The coverage report's hours section: the day counted as of ({@link #asOf}: a report dated after today
     * shows today's figures), the parts (see {@link #summary}) and their total over the same agreements.
     */
    public record Report(LocalDate asOf, List<Subtotal> parts, Subtotal total) {

        /** i19-hours: immutable, as {@link Overview}. */
        public Report {
            parts = List.copyOf(parts);
        }
    }

    /** The report's hours section, each agreement computed once (see {@link Report}). */
    public Report report(String regionCode, LocalDate date) {
        // no agreement is known to run after today: a report dated ahead shows today's figures
        LocalDate day = asOf(date);
        return cache.get(
                key(day, "REPORT", regionCode == null ? "" : regionCode, ""), () -> reportAsOf(regionCode, day));
    }

    /** The report's hours section as of {@code day}, computed. */
    private Report reportAsOf(String regionCode, LocalDate day) {
        if (regionCode == null) {
            List<Running> running = running("NATIONAL", null, day);
            List<OverviewRow> rows = rowsOf(running, day, false);
            return new Report(day, byRegion(running, rows), total("", "", rows));
        }
        Map<String, List<OverviewRow>> byMunicipality = new java.util.TreeMap<>();
        Map<String, String> names = new HashMap<>();
        List<OverviewRow> rows = rowsOf(running("REGION", regionCode, day), day, false);
        for (OverviewRow r : rows) {
            byMunicipality
                    .computeIfAbsent(r.municipalityCode(), k -> new ArrayList<>())
                    .add(r);
            names.put(r.municipalityCode(), r.municipalityName());
        }
        List<Subtotal> parts = byMunicipality.entrySet().stream()
                .map(e -> total(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(java.util.Comparator.comparing(Subtotal::name))
                .toList();
        return new Report(day, parts, total(regionCode, "", rows));
    }

    /** A subtotal per region (every region, none left out) of the rows of {@code running}, in the same order. */
    private List<Subtotal> byRegion(List<Running> running, List<OverviewRow> rows) {
        Map<String, List<OverviewRow>> byRegion = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byRegion.computeIfAbsent(running.get(i).regionCode(), k -> new ArrayList<>())
                    .add(rows.get(i));
        }
        return jdbc.sql("select code, name from registry_region order by code")
                .query((rs, n) -> total(
                        rs.getString("code"),
                        rs.getString("name"),
                        byRegion.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    /** The totals of some running agreements (see {@link Subtotal}). */
    static Subtotal total(String code, String name, List<OverviewRow> rows) {
        BigDecimal agreed = BigDecimal.ZERO;
        BigDecimal confirmed = BigDecimal.ZERO;
        BigDecimal measuredAgreed = BigDecimal.ZERO;
        for (OverviewRow r : rows) {
            agreed = agreed.add(r.agreedHoursPerMonth());
            if (r.rollingAverage() != null) {
                confirmed = confirmed.add(r.rollingAverage());
                measuredAgreed = measuredAgreed.add(r.agreedHoursPerMonth());
            }
        }
        return new Subtotal(
                code,
                name,
                rows.size(),
                (int) rows.stream().filter(OverviewRow::shortfall).count(),
                agreed,
                confirmed,
                measuredAgreed.signum() == 0 ? null : confirmed.divide(measuredAgreed, 4, RoundingMode.HALF_UP));
    }

    /**
     * The scope of {@link #running} per level: one fixed SQL text each, with a plain predicate, so that the
     * generic plan PostgreSQL switches to after five executions of a prepared statement is as fast as the
     * custom ones (a single text with {@code (:lvl = 'NATIONAL' or …)} got a generic plan 10–20 times slower).
     * Never built from user text.
     *
     * <p>issue 17: a region's or municipality's agreements are also picked by their unit's facility or group in the
     * area. The view finds an agreement's municipality only after joining its facility, so the area alone joined every
     * agreement of the country first (4.8 of the 8 ms of PostgreSQL a region's page took); the facilities and groups of
     * the area narrow the agreements before the joins. The unit is the facility (a facility or section agreement) or the
     * group (a group agreement, no facility), whose municipality is the agreement's, so the area's own predicate,
     * kept, still decides: the same rows.
     */
    static final Map<String, String> SCOPE =
            Map.of("NATIONAL", "", "REGION", """
            and region_code = :c
            and (facility_id in (select f.id from registry_facility f join current_municipality_region r
                                     on r.municipality_code = f.municipality_code where r.region_code = :c)
                 or group_id in (select g.id from registry_facility_group g join current_municipality_region r
                                     on r.municipality_code = g.municipality_code where r.region_code = :c))
            """, "MUNICIPALITY", """
            and municipality_code = :c
            and (facility_id in (select id from registry_facility where municipality_code = :c)
                 or group_id in (select id from registry_facility_group where municipality_code = :c))
            """, "DOCTOR", "and doctor_id = :doctor");

    /** The agreements approved and running on {@code day} in the area (NATIONAL: all), by municipality and unit. */
    private List<Running> running(String lvl, String area, LocalDate day) {
        String scope = SCOPE.get(lvl);
        if (scope == null) {
            throw new IllegalArgumentException(lvl);
        }
        var statement = jdbc.sql("""
                        select id, unit_name, doctor_name, doctor_id, municipality_code, municipality_name, region_code,
                               residents, dispensation_hours, start_date, end_date
                          from agreement_overview
                         where status in ('ACTIVE', 'NOTICE_GIVEN', 'ENDED')
                           and start_date <= :day and (end_date is null or end_date >= :day)
                           %s
                         order by municipality_name, unit_name, id
                        """.formatted(scope)).param("day", day);
        if (lvl.equals("DOCTOR")) {
            statement = statement.param("doctor", Long.parseLong(area));
        } else if (!lvl.equals("NATIONAL")) {
            statement = statement.param("c", area);
        }
        return statement
                .query((rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getString("unit_name"),
                        rs.getString("doctor_name"),
                        rs.getLong("doctor_id"),
                        rs.getString("municipality_code"),
                        rs.getString("municipality_name"),
                        rs.getString("region_code"),
                        rs.getInt("residents"),
                        MonthlyHours.of(rs.getInt("residents"), rs.getBigDecimal("dispensation_hours")),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class)))
                .list();
    }

    /**
     * Each running agreement's agreed hours and confirmed averages as of {@code today}, in the same order; the average
     * since the start only {@code withSinceStart} (else null: the nation's and the report's subtotals never show it).
     */
    private List<OverviewRow> rowsOf(List<Running> running, LocalDate today, boolean withSinceStart) {
        Map<Long, Map<YearMonth, HoursArithmetic.Minutes>> minutes =
                minutes(running.stream().map(Running::id).toList());
        Map<Long, List<Dispensation>> dispensations =
                dispensations(running.stream().map(Running::doctorId).distinct().toList());
        List<OverviewRow> rows = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (Running r : running) {
            Map<YearMonth, HoursArithmetic.Minutes> minutesOf = minutes.getOrDefault(r.id(), Map.of());
            // the rolling twelve and the average since the start, summed without building the months (issue 17)
            HoursArithmetic.Rolling rolling = HoursArithmetic.rolling(
                    r.startDate(),
                    r.endDate(),
                    today,
                    agreedPerMonth(r, dispensations.getOrDefault(r.doctorId(), List.of())),
                    minutesOf);
            rows.add(new OverviewRow(
                    r.id(),
                    r.unitName(),
                    r.doctorName(),
                    r.municipalityCode(),
                    r.municipalityName(),
                    r.startDate(),
                    r.agreedHoursPerMonth(),
                    rolling.average(),
                    withSinceStart
                            ? HoursArithmetic.averageConfirmedSince(r.startDate(), r.endDate(), today, minutesOf)
                            : null,
                    rolling.shortMonths(),
                    HoursArithmetic.fallsShort(rolling.average(), r.agreedHoursPerMonth())));
        }
        return rows;
    }

    /** Whether the user may see an hours overview at all (the region and the municipality; the nation: NATIONAL). */
    public static boolean mayOverview(CurrentUser user) {
        return user.is(Role.REGION) || user.is(Role.MUNICIPALITY);
    }

    private static String defaultLevel(CurrentUser user) {
        return user.is(Role.MUNICIPALITY)
                ? "MUNICIPALITY"
                : user.national() ? "NATIONAL" : user.is(Role.DOCTOR) ? "DOCTOR" : "REGION";
    }

    private void requireOverview(CurrentUser user, String level, String code) {
        boolean allowed = switch (user.role()) {
            case REGION ->
                level.equals("REGION")
                        ? user.inRegion(code)
                        : jdbc.sql("""
                                                select count(*) > 0 from registry_municipality_region
                                                 where municipality_code = :m and region_code = :r
                                                   and valid_from <= current_date
                                                   and (valid_to is null or valid_to >= current_date)
                                                """)
                                .param("m", code)
                                .param("r", user.regionCode())
                                .query(Boolean.class)
                                .single();
            case MUNICIPALITY -> level.equals("MUNICIPALITY") && user.inMunicipality(code);
            default -> false;
        };
        if (!allowed) {
            throw new ForbiddenException(user.national() ? "scope.national.aggregatesOnly" : "scope.hours.overview");
        }
    }

    private static List<HoursArithmetic.Month> months(
            Running r,
            YearMonth from,
            YearMonth to,
            LocalDate today,
            Map<YearMonth, HoursArithmetic.Minutes> minutes,
            List<Dispensation> dispensations) {
        return HoursArithmetic.months(
                from,
                to,
                r.startDate(),
                r.endDate(),
                today,
                agreedPerMonth(r, dispensations),
                month -> minutes.getOrDefault(month, HoursArithmetic.Minutes.NONE));
    }

    /**
     * A month's agreed hours: none for an agreement that agrees none, else the doctor's hours dispensation in force on
     * the month's first day of the agreement (the latest one first), else the standard hours for the residents.
     */
    private static java.util.function.Function<YearMonth, BigDecimal> agreedPerMonth(
            Running r, List<Dispensation> dispensations) {
        if (r.agreedHoursPerMonth().signum() == 0) {
            return month -> BigDecimal.ZERO;
        }
        BigDecimal standard = MonthlyHours.of(r.residents(), null);
        if (dispensations.isEmpty()) {
            return month -> standard;
        }
        return month -> {
            LocalDate day = month.atDay(1).isBefore(r.startDate()) ? r.startDate() : month.atDay(1);
            for (Dispensation d : dispensations) {
                if (!d.from().isAfter(day) && (d.to() == null || !d.to().isBefore(day))) {
                    return d.hours();
                }
            }
            return standard;
        };
    }

    private Map<Long, Map<YearMonth, HoursArithmetic.Minutes>> minutes(List<Long> agreementIds) {
        Map<Long, Map<YearMonth, HoursArithmetic.Minutes>> byAgreement = new HashMap<>();
        if (agreementIds.isEmpty()) {
            return byAgreement;
        }
        jdbc.sql("""
                        select agreement_id, date_trunc('month', session_date::timestamp)::date as month,
                               sum(duration_minutes) as logged,
                               coalesce(sum(duration_minutes) filter (where status = 'CONFIRMED'), 0) as confirmed
                          from advisory_session where agreement_id = any(:ids)
                         group by agreement_id, date_trunc('month', session_date::timestamp)
                        """).param("ids", agreementIds.toArray(Long[]::new)).query(rs -> {
            // by column index: looking each column up by name was a tenth of the national overview's time; the month
            // truncated as a timestamp without time zone, the same first day without a time zone lookup per session
            // (issue 17)
            byAgreement
                    .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .put(
                            YearMonth.from(rs.getObject(2, LocalDate.class)),
                            new HoursArithmetic.Minutes(rs.getLong(3), rs.getLong(4)));
        });
        return byAgreement;
    }

    private Map<Long, List<Dispensation>> dispensations(List<Long> doctorIds) {
        Map<Long, List<Dispensation>> byDoctor = new HashMap<>();
        if (doctorIds.isEmpty()) {
            return byDoctor;
        }
        jdbc.sql("""
                        select doctor_id, monthly_hours, valid_from, valid_to from agreement_dispensation
                         where kind = 'HOURS' and monthly_hours is not null and doctor_id = any(:ids)
                         order by valid_from desc
                        """).param("ids", doctorIds.toArray(Long[]::new)).query(rs -> {
            Date to = rs.getDate("valid_to");
            byDoctor.computeIfAbsent(rs.getLong("doctor_id"), k -> new ArrayList<>())
                    .add(new Dispensation(
                            rs.getBigDecimal("monthly_hours"),
                            rs.getDate("valid_from").toLocalDate(),
                            to == null ? null : to.toLocalDate()));
        });
        return byDoctor;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    /** The day hours are counted as of for a report dated {@code date}: that day, but never after today. */
    public static LocalDate asOf(LocalDate date) {
        LocalDate today = today();
        return date == null || date.isAfter(today) ? today : date;
    }

    static LocalDate today() {
        return LocalDate.now(DanishTime.DENMARK);
    }
}
