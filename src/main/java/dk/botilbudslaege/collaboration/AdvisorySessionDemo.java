package dk.botilbudslaege.collaboration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data (local mode, called by the demo loader): a year of advisory sessions for Norddjurs' running
 * agreements, so the hours flag shows contrast. Three agreements in four deliver: two sessions a month of
 * half the agreed hours, confirmed up to last month, one short month made up by an extra session the month
 * before, a questioned session on top, this month's session still waiting. One in four falls short: one
 * short month in four (one session of an hour), last month's still waiting, its fourth month's first
 * session questioned.
 */
@Component
public class AdvisorySessionDemo {

    private static final String NORDDJURS = "707";
    /** The topics of the demo's sessions (the seeded catalogue's); the national synthetic data uses them too. */
    public static final List<String> TOPICS = List.of(
            "KOL",
            "Dehydrering",
            "Medicinhåndtering",
            "Infektioner (fx urinvejsinfektion)",
            "Kost",
            "Mobilitet",
            "Hjerte-kar-sygdomme",
            "Forstoppelse (obstipation)");

    private record Running(long id, LocalDate start, BigDecimal hours, String doctor) {}

    private final JdbcClient jdbc;

    AdvisorySessionDemo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void load(LocalDate today) {
        List<Running> running = jdbc.sql("""
                        select id, start_date, residents, dispensation_hours from agreement_overview
                         where municipality_code = :m and status in ('ACTIVE', 'NOTICE_GIVEN') order by id
                        """)
                .param("m", NORDDJURS)
                .query((rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getObject("start_date", LocalDate.class),
                        dk.botilbudslaege.agreement.MonthlyHours.of(
                                rs.getInt("residents"), rs.getBigDecimal("dispensation_hours")),
                        "demo"))
                .list();
        YearMonth current = YearMonth.from(today);
        for (Running r : running) {
            YearMonth first = YearMonth.from(r.start()).isAfter(current.minusMonths(12))
                    ? YearMonth.from(r.start())
                    : current.minusMonths(12);
            // one agreement in four falls short: one short month in four and last month still unconfirmed;
            // the others deliver: two sessions a month of half the agreed hours each, confirmed up to last
            // month, one short month made up the month before, and a questioned session on top of a full month
            boolean delivers = r.id() % 4 != 0;
            int minutes = r.hours()
                    .multiply(BigDecimal.valueOf(30))
                    .setScale(0, java.math.RoundingMode.CEILING)
                    .intValue();
            int i = 0;
            for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1), i++) {
                if (delivers) {
                    boolean shortMonth = i == 2;
                    insert(r, day(m, 8, r.start()), minutes, i, "CONFIRMED", false);
                    if (!shortMonth) {
                        insert(r, day(m, 22, r.start()), minutes, i + 1, "CONFIRMED", false);
                    }
                    if (i == 1) {
                        insert(r, day(m, 25, r.start()), minutes, i + 2, "CONFIRMED", false);
                    }
                    if (i == 3) {
                        insert(r, day(m, 27, r.start()), 30, i + 2, "CONFIRMED", true);
                    }
                } else {
                    boolean shortMonth = (r.id() + i) % 4 == 0;
                    String status = m.equals(current.minusMonths(1)) ? "LOGGED" : "CONFIRMED";
                    insert(r, day(m, 8, r.start()), shortMonth ? 60 : minutes, i, status, i == 3);
                    if (!shortMonth) {
                        insert(r, day(m, 22, r.start()), minutes, i + 1, status, false);
                    }
                }
            }
            if (delivers && !r.start().isAfter(today)) {
                insert(r, today, minutes, i, "LOGGED", false);
            }
        }
    }

    private static LocalDate day(YearMonth month, int day, LocalDate start) {
        LocalDate d = month.atDay(Math.min(day, month.lengthOfMonth()));
        return d.isBefore(start) ? start : d;
    }

    private void insert(Running r, LocalDate date, int minutes, int n, String status, boolean questioned) {
        String kind = n % 5 == 4 ? "MEETING" : n % 2 == 0 ? "TEACHING" : "ADVICE";
        jdbc.sql("""
                        insert into advisory_session (agreement_id, session_date, duration_minutes, kind, format, topic,
                               notes, status, comment, logged_by, decided_by, decided_at)
                        values (:a, :d, :min, :kind, :format, :topic, :notes, :status, cast(:comment as varchar), 'laege-demo',
                                cast(:decidedBy as varchar), case when cast(:decidedBy as varchar) is null then null else now() end)
                        """)
                .param("a", r.id())
                .param("d", date)
                .param("min", minutes)
                .param("kind", kind)
                .param("format", n % 3 == 2 ? "VIDEO" : "PHYSICAL")
                .param("topic", TOPICS.get((int) ((r.id() + n) % TOPICS.size())))
                .param("notes", "Gennemgang for personalet med spørgsmål og drøftelse.")
                .param("status", questioned ? "QUESTIONED" : status)
                .param("comment", questioned ? "Sessionen blev kortere end registreret." : null)
                .param("decidedBy", questioned || status.equals("CONFIRMED") ? "botilbud-demo" : null)
                .update();
    }
}
