package dk.botilbudslaege.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cooperation plans for Norddjurs' running agreements (issue 13 item 7), so that every role sees a real page at
 * once: accepted plans for most (the doctor drafted, the facility accepted), a draft waiting for the facility for
 * one, and one agreement without a plan more than 30 days after its start (it shows on the missing list).
 * Loaded as a migration would load seed data.
 */
@Component
class DemoCollaborationPlans {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    private static final String CONTACT_NAME = "Kontaktperson (sygeplejerske)";
    private static final String CONTACT_EMAIL = "kontakt@botilbud.example.dk";
    private static final String CONTACT_PHONE = "86 12 34 56";

    private final JdbcClient jdbc;

    DemoCollaborationPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Running(
            long id, long doctorId, long practiceId, String unitName, LocalDate startDate, OffsetDateTime decidedAt) {}

    void load() {
        List<Running> running = jdbc.sql("""
                        select id, doctor_id, practice_id, unit_name, start_date, decided_at from agreement_overview
                         where municipality_code = :m and status in ('ACTIVE', 'NOTICE_GIVEN')
                         order by start_date, id
                        """)
                .param("m", DemoDataLoader.NORDDJURS)
                .query((rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getLong("doctor_id"),
                        rs.getLong("practice_id"),
                        rs.getString("unit_name"),
                        rs.getObject("start_date", LocalDate.class),
                        rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
        // the missing one: the newest agreement that is 30 days old, and not Skovstjernen (the demo facility's)
        Running missing = running.stream()
                .filter(r -> !r.startDate().isAfter(LocalDate.now().minusDays(30)))
                .filter(r -> !r.unitName().startsWith("Skovstjernen"))
                .reduce((first, second) -> second)
                .orElse(null);
        Running draft = running.stream()
                .filter(r -> r != missing && !r.unitName().startsWith("Skovstjernen"))
                .reduce((first, second) -> second)
                .orElse(null);
        for (Running r : running) {
            if (r != missing) {
                plan(r, r != draft);
            }
        }
    }

    private void plan(Running r, boolean accepted) {
        jdbc.sql("insert into cooperation_plan (agreement_id, version) values (:a, 1)")
                .param("a", r.id())
                .update();
        var colleague = jdbc.sql("""
                        select id, name from registry_doctor where practice_id = :p and id <> :d order by id limit 1
                        """)
                .param("p", r.practiceId())
                .param("d", r.doctorId())
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("name")})
                .optional();
        // never before the region approved the agreement (its history), never in the future
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime drafted =
                r.startDate().atTime(10, 0).plusDays(7).atZone(DANISH_TIME).toOffsetDateTime();
        if (r.decidedAt() != null && drafted.isBefore(r.decidedAt())) {
            drafted = r.decidedAt();
        }
        if (drafted.isAfter(now)) {
            drafted = now;
        }
        OffsetDateTime acceptedAt = drafted.plusDays(5).isAfter(now) ? now : drafted.plusDays(5);
        jdbc.sql("""
                        insert into cooperation_plan_version (agreement_id, version, start_date, scope, schedule,
                               meetings, communication, substitute_doctor_id, substitute_doctor_name, drafted_by,
                               drafted_side, drafted_at, accepted_by, accepted_at, contact_name, contact_role,
                               contact_email, contact_phone)
                        values (:a, 1, :start, :scope, :schedule, :meetings, :communication, :subId, :subName,
                                'laege-norddjurs', 'DOCTOR', :drafted, :acceptedBy, :acceptedAt, :contactName,
                                'HEALTH_PROFESSIONAL', :contactEmail, :contactPhone)
                        """)
                .param("a", r.id())
                .param("start", r.startDate())
                .param(
                        "scope",
                        "Generel sundhedsfaglig rådgivning og undervisning af personalet, 2 timer om måneden"
                                + " (3 timer ved over 30 beboere). Emner efter behov: medicinhåndtering, dehydrering,"
                                + " infektioner, KOL, hjerte-kar-sygdomme.")
                .param("schedule", "Første tirsdag i måneden kl. 13-15 på botilbuddet; hver tredje gang som video.")
                .param("meetings", "Samarbejdsmøde hvert kvartal med leder og kontaktperson; årlig evaluering.")
                .param(
                        "communication",
                        "Kontaktpersonen samler spørgsmål fra personalet. Sikker mail til praksis; akut: telefon"
                                + " i konsultationstiden. Ved ferie og sygdom dækker stedfortræderen fra praksis.")
                .param("subId", colleague.map(c -> c[0]).orElse(null))
                .param("subName", colleague.map(c -> c[1]).orElse(null))
                .param("drafted", drafted)
                .param("acceptedBy", accepted ? "kommune-norddjurs" : null)
                .param("acceptedAt", accepted ? acceptedAt : null)
                .param("contactName", CONTACT_NAME)
                .param("contactEmail", CONTACT_EMAIL)
                .param("contactPhone", CONTACT_PHONE)
                .update();
        if (!accepted) {
            return; // the contact history holds the contacts of accepted versions only
        }
        jdbc.sql("""
                        insert into cooperation_contact (agreement_id, name, role, email, phone, valid_from, changed_by)
                        values (:a, :name, 'HEALTH_PROFESSIONAL', :email, :phone, :from, 'laege-norddjurs')
                        """)
                .param("a", r.id())
                .param("name", CONTACT_NAME)
                .param("email", CONTACT_EMAIL)
                .param("phone", CONTACT_PHONE)
                .param("from", acceptedAt)
                .update();
    }
}
