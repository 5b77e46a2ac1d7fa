package dk.botilbudslaege.demo;

import dk.botilbudslaege.agreement.MonthlyHours;
import dk.botilbudslaege.collaboration.AdvisorySessionDemo;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Collaboration data for the national synthetic data set (issue 13, performance): every running agreement gets,
 * reproducibly from the seed, a cooperation plan (most accepted, some drafts, some missing), about twelve months of
 * advisory sessions (two or three a month, mostly confirmed, some short months), a few sick-visit requests over the
 * last 90 days and the next 30, and monthly resident counts for most facilities. Written with batch inserts, so
 * that the national profile still starts in seconds. Counts only and rooms: no names, no CPR numbers.
 */
@Component
class SyntheticCollaboration {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCollaboration.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final int BATCH = 1_000;
    /** The demo's topics (one source) and one more. */
    private static final String[] TOPICS = Stream.concat(
                    AdvisorySessionDemo.TOPICS.stream(), Stream.of("Samarbejdet mellem botilbud og læge"))
            .toArray(String[]::new);

    private final JdbcTemplate jdbc;

    SyntheticCollaboration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Running(
            long id, long doctorId, long facilityId, int residents, BigDecimal hours, LocalDate startDate) {}

    /** Row counts of what was generated, for the log and the README. */
    record Counts(int plans, int drafts, int sessions, int sickVisits, int residentCounts) {}

    Counts load(long seed, LocalDate today) {
        long started = System.nanoTime();
        List<Running> running = jdbc.query(
                """
                select id, doctor_id, facility_id, residents, dispensation_hours, start_date from agreement_overview
                 where status in ('ACTIVE', 'NOTICE_GIVEN') and unit_kind = 'FACILITY' order by id
                """,
                (rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getLong("doctor_id"),
                        rs.getLong("facility_id"),
                        rs.getInt("residents"),
                        MonthlyHours.of(rs.getInt("residents"), rs.getBigDecimal("dispensation_hours")),
                        rs.getObject("start_date", LocalDate.class)));
        Random random = new Random(seed ^ 0x13C011AB);
        int[] plans = plans(running, random);
        int sessions = sessions(running, random, today);
        int visits = sickVisits(running, random, today);
        int counts = residentCounts(running, random, today);
        Counts result = new Counts(plans[0], plans[1], sessions, visits, counts);
        log.info(
                "National collaboration data for {} running agreements in {} ms: {}",
                running.size(),
                (System.nanoTime() - started) / 1_000_000,
                result);
        return result;
    }

    /** 85 % accepted, 8 % a draft waiting for the facility, the rest without a plan. */
    private int[] plans(List<Running> running, Random random) {
        List<Object[]> heads = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        int drafts = 0;
        for (Running r : running) {
            int draw = random.nextInt(100);
            if (draw >= 93) {
                continue;
            }
            boolean accepted = draw < 85;
            drafts += accepted ? 0 : 1;
            OffsetDateTime drafted = r.startDate()
                    .plusDays(3 + random.nextInt(20))
                    .atTime(10, 0)
                    .atZone(DENMARK)
                    .toOffsetDateTime();
            heads.add(new Object[] {r.id()});
            versions.add(new Object[] {
                r.id(),
                Date.valueOf(r.startDate()),
                "Generel sundhedsfaglig rådgivning og undervisning af personalet, "
                        + r.hours().toPlainString()
                        + " timer om måneden. Emner efter behov: medicinhåndtering, dehydrering, infektioner, KOL.",
                "Første tirsdag i måneden på botilbuddet; hver tredje gang som video.",
                "Samarbejdsmøde hvert kvartal med leder og kontaktperson; årlig evaluering.",
                "Kontaktpersonen samler spørgsmål fra personalet. Sikker mail til praksis; akut: telefon i"
                        + " konsultationstiden.",
                Timestamp.from(drafted.toInstant()),
                accepted ? "botilbud-synthetic" : null,
                accepted
                        ? Timestamp.from(
                                drafted.plusDays(1 + random.nextInt(10)).toInstant())
                        : null
            });
            contacts.add(new Object[] {
                r.id(),
                random.nextBoolean() ? "HEALTH_PROFESSIONAL" : "HEALTH_LEADER",
                Timestamp.from(drafted.minusMinutes(1).toInstant())
            });
        }
        batch("insert into cooperation_plan (agreement_id, version) values (?, 1)", heads);
        batch("""
                insert into cooperation_plan_version (agreement_id, version, start_date, scope, schedule, meetings,
                       communication, drafted_by, drafted_side, drafted_at, accepted_by, accepted_at)
                values (?, 1, ?, ?, ?, ?, ?, 'laege-synthetic', 'DOCTOR', ?, ?, ?)
                """, versions);
        batch("""
                insert into cooperation_contact (agreement_id, name, role, email, phone, valid_from, changed_by)
                values (?, 'Kontaktperson', ?, 'kontakt@botilbud.example.dk', '70 10 20 30', ?, 'laege-synthetic')
                """, contacts);
        return new int[] {heads.size(), drafts};
    }

    /**
     * The twelve months before this one (or since the start): two sessions a month, three in one month in five, a
     * single hour in one month in ten; confirmed up to the month before last, last month mostly still logged, and
     * now and then one questioned.
     */
    private int sessions(List<Running> running, Random random, LocalDate today) {
        List<Object[]> rows = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (Running r : running) {
            YearMonth first = YearMonth.from(r.startDate());
            if (first.isBefore(current.minusMonths(12))) {
                first = current.minusMonths(12);
            }
            int monthlyMinutes = r.hours().multiply(BigDecimal.valueOf(60)).intValue();
            int n = 0;
            for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
                int draw = random.nextInt(10);
                int count = draw == 0 ? 1 : draw <= 2 ? 3 : 2;
                int minutes = draw == 0 ? 60 : monthlyMinutes / count;
                for (int k = 0; k < count; k++, n++) {
                    LocalDate date = m.atDay(1 + (k * 10 + random.nextInt(9)) % m.lengthOfMonth());
                    if (date.isBefore(r.startDate())) {
                        date = r.startDate();
                    }
                    boolean lastMonth = m.equals(current.minusMonths(1));
                    String status = random.nextInt(40) == 0
                            ? "QUESTIONED"
                            : lastMonth && random.nextInt(10) < 7 ? "LOGGED" : "CONFIRMED";
                    String kind = n % 5 == 4 ? "MEETING" : n % 2 == 0 ? "TEACHING" : "ADVICE";
                    boolean decided = !status.equals("LOGGED");
                    rows.add(new Object[] {
                        r.id(),
                        Date.valueOf(date),
                        minutes,
                        kind,
                        random.nextInt(3) == 0 ? "VIDEO" : "PHYSICAL",
                        TOPICS[random.nextInt(TOPICS.length)],
                        status,
                        status.equals("QUESTIONED") ? "Sessionen blev kortere end registreret." : null,
                        decided ? "botilbud-synthetic" : null,
                        decided
                                ? Timestamp.from(
                                        date.plusDays(3).atStartOfDay(DENMARK).toInstant())
                                : null
                    });
                }
            }
        }
        batch("""
                insert into advisory_session (agreement_id, session_date, duration_minutes, kind, format, topic, notes,
                       status, comment, logged_by, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, 'Gennemgang for personalet med spørgsmål og drøftelse.', ?, ?,
                        'laege-synthetic', ?, ?)
                """, rows);
        return rows.size();
    }

    /** Two to five requests per facility, wanted between 90 days ago and 30 days ahead; the past ones mostly done. */
    private int sickVisits(List<Running> running, Random random, LocalDate today) {
        List<Object[]> rows = new ArrayList<>();
        ZonedDateTime morning = today.atStartOfDay(DENMARK);
        for (Running r : running) {
            int count = 2 + random.nextInt(4);
            for (int k = 0; k < count; k++) {
                ZonedDateTime from = morning.plusDays(random.nextInt(121) - 90).plusHours(8 + random.nextInt(7));
                ZonedDateTime asked = from.minusHours(2 + random.nextInt(70));
                boolean past = from.toLocalDate().isBefore(today);
                int draw = random.nextInt(10);
                String status = past ? (draw < 9 ? "DONE" : "ACKNOWLEDGED") : (draw < 6 ? "REQUESTED" : "ACKNOWLEDGED");
                int residents = 1 + random.nextInt(3);
                String[] refs = new String[residents];
                for (int i = 0; i < residents; i++) {
                    refs[i] = "værelse " + (1 + random.nextInt(Math.max(1, r.residents())));
                }
                rows.add(new Object[] {
                    r.facilityId(),
                    r.id(),
                    r.doctorId(),
                    Timestamp.from(from.toInstant()),
                    Timestamp.from(from.plusHours(2).toInstant()),
                    residents,
                    String.join(",", refs),
                    asked.plusHours(24).isAfter(from),
                    status,
                    Timestamp.from(asked.toInstant()),
                    status.equals("REQUESTED")
                            ? null
                            : Timestamp.from(asked.plusHours(1).toInstant()),
                    status.equals("DONE") ? Timestamp.from(from.plusHours(2).toInstant()) : null
                });
            }
        }
        batch("""
                insert into sick_visit (facility_id, agreement_id, doctor_id, wanted_from, wanted_to, residents, refs,
                       short_notice, status, requested_at, requested_by, acknowledged_at, done_at)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, 'botilbud-synthetic', ?, ?)
                """, rows);
        return rows.size();
    }

    /** Nine facilities in ten have counted the twelve months before this one; the current month is left open. */
    private int residentCounts(List<Running> running, Random random, LocalDate today) {
        List<Object[]> rows = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (Running r : running) {
            if (random.nextInt(10) == 0) {
                continue;
            }
            int share = 50 + random.nextInt(46);
            for (int back = 12; back >= 1; back--) {
                int residents = r.residents();
                int enrolled = Math.min(residents, residents * (share + (12 - back)) / 100);
                rows.add(new Object[] {
                    r.facilityId(),
                    Date.valueOf(current.minusMonths(back).atDay(1)),
                    residents,
                    enrolled,
                    Math.min(residents, random.nextInt(2)),
                    Math.min(residents, random.nextInt(3))
                });
            }
        }
        batch("""
                insert into resident_count (facility_id, month, residents, enrolled, temporary, told_about_choice,
                       updated_by)
                values (?, ?, ?, ?, ?, ?, 'botilbud-synthetic') on conflict do nothing
                """, rows);
        return rows.size();
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
