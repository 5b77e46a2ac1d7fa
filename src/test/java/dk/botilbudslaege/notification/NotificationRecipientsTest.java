package dk.botilbudslaege.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.matching.Proposals;
import dk.botilbudslaege.matching.Rounds;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 14 item 3, who is told what: each change is made for real through the API by the users who make it, and
 * the notification rows name exactly the users told, the kind and the one link; users with an e-mail address get
 * an outbox row to that address whose body holds the absolute link. The actor is not told; a refused change tells
 * nobody.
 */
@IntegrationTest
class NotificationRecipientsTest {

    static final String REGION_MIDT = "region-midt";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String NORDDJURS_CODE = "707";
    static final String MIDT_CODE = "1082";
    static final String PASSWORD = "notification-test-secret";
    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(850_000);

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Notifier notifier;

    @Autowired
    Rounds rounds;

    @Autowired
    Proposals proposals;

    @Autowired
    UserDetailsService details;

    @Autowired
    TransactionTemplate transactions;

    Api api;
    long practice;
    long doctor;
    long facility;
    String doctorUser;
    String facilityUser;

    @BeforeEach
    void aDoctorAndAFacilityWithTheirUsers() {
        api = Api.through(context);
        practice = practice();
        doctor = created(api.as(REGION_MIDT)
                .post(
                        "/api/v1/doctors",
                        Map.of("practiceId", practice, "name", unique("Læge"), "nursingHomeDoctor", false)));
        facility = facility();
        doctorUser = user(Role.DOCTOR, null, null, doctor);
        facilityUser = user(Role.FACILITY, null, facility, null);
    }

    // ---- agreements ----------------------------------------------------------------------------------

    @Test
    void a_filed_form_tells_the_region_and_the_decision_tells_the_filer_and_the_doctor() {
        String regionMail = user(Role.REGION, MIDT_CODE, null, null);
        long rejected = draft();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + rejected + "/submit", Map.of()));
        String rejectedLink = "/agreements/" + rejected;
        assertThat(told("FORM_FILED", rejectedLink)).isEqualTo(set(notifier.regionUsers(MIDT_CODE)));
        assertThat(told("FORM_FILED", rejectedLink)).contains(REGION_MIDT, regionMail);
        assertMailed(regionMail, "FORM_FILED", rejectedLink, "Oplysningsskema indsendt: aftale nr. " + rejected);
        // no reason: 400, nothing changed, nobody told
        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/agreements/" + rejected + "/reject", Map.of("reason", " "))
                        .status())
                .isEqualTo(400);
        assertThat(told("FORM_DECIDED", rejectedLink)).isEmpty();
        assertOk(api.as(REGION_MIDT)
                .post("/api/v1/agreements/" + rejected + "/reject", Map.of("reason", "Forkert startdato")));
        // the filer (the municipality's user) and the doctor; not the region user who rejected
        assertThat(told("FORM_DECIDED", rejectedLink)).containsExactlyInAnyOrder(NORDDJURS, doctorUser);
        assertMailed(doctorUser, "FORM_DECIDED", rejectedLink, "Aftale nr. " + rejected + " er afvist");
        assertThat(mailBody(doctorUser, rejectedLink)).doesNotContain("Forkert startdato");

        long id = draft();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit", Map.of()));
        assertOk(api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", ""));
        String link = "/agreements/" + id;
        assertThat(told("FORM_DECIDED", link)).containsExactlyInAnyOrder(NORDDJURS, doctorUser);
        assertMailed(doctorUser, "FORM_DECIDED", link, "Aftale nr. " + id + " er godkendt");
    }

    @Test
    void a_filed_form_withdrawn_tells_the_region_and_a_withdrawn_draft_nobody() {
        String regionMail = user(Role.REGION, MIDT_CODE, null, null);
        long draft = draft();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + draft + "/withdraw", ""));
        assertThat(told("FORM_WITHDRAWN", "/agreements/" + draft))
                .as("a draft the region never saw")
                .isEmpty();

        long id = draft();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit", Map.of()));
        String link = "/agreements/" + id;
        // a municipality that did not file it may not withdraw it: 4xx, nobody told
        assertThat(api.as("kommune-aarhus")
                        .post("/api/v1/agreements/" + id + "/withdraw", "")
                        .status())
                .isBetween(400, 499);
        assertThat(told("FORM_WITHDRAWN", link)).isEmpty();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/withdraw", ""));
        assertThat(told("FORM_WITHDRAWN", link)).isEqualTo(set(notifier.regionUsers(MIDT_CODE)));
        assertThat(told("FORM_WITHDRAWN", link))
                .contains(REGION_MIDT, regionMail)
                .doesNotContain(NORDDJURS, doctorUser);
        assertMailed(regionMail, "FORM_WITHDRAWN", link, "Oplysningsskema trukket tilbage: aftale nr. " + id);
    }

    @Test
    void notice_by_the_doctor_tells_the_facility_side_and_the_region() {
        long id = active();
        Api doctorApi = api.withPassword(doctorUser, PASSWORD);
        assertOk(doctorApi.post("/api/v1/agreements/" + id + "/notice", Map.of()));

        Set<String> expected = set(notifier.regionUsers(MIDT_CODE));
        expected.addAll(notifier.municipalityUsers(List.of(NORDDJURS_CODE)).get(NORDDJURS_CODE));
        expected.add(facilityUser);
        assertThat(told("NOTICE_GIVEN", "/agreements/" + id))
                .isEqualTo(expected)
                .doesNotContain(doctorUser);
        assertMailed(facilityUser, "NOTICE_GIVEN", "/agreements/" + id, "er opsagt");
    }

    @Test
    void notice_by_the_municipality_tells_the_doctor_and_the_region() {
        long id = active();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/notice", Map.of()));
        Set<String> expected = set(notifier.regionUsers(MIDT_CODE));
        expected.add(doctorUser);
        assertThat(told("NOTICE_GIVEN", "/agreements/" + id))
                .isEqualTo(expected)
                .doesNotContain(NORDDJURS);
        assertMailed(doctorUser, "NOTICE_GIVEN", "/agreements/" + id, "Aftale nr. " + id + " er opsagt");
    }

    @Test
    void an_ending_by_the_region_tells_both_parties_and_the_rest_of_the_region() {
        long ended = active();
        LocalDate endDate = LocalDate.now().plusMonths(1);
        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/agreements/" + ended + "/end", Map.of("endDate", endDate.toString()))
                        .status())
                .isEqualTo(400);
        assertThat(told("AGREEMENT_ENDED", "/agreements/" + ended)).isEmpty();
        assertOk(api.as(REGION_MIDT)
                .post(
                        "/api/v1/agreements/" + ended + "/end",
                        Map.of("endDate", endDate.toString(), "reason", "Lægen stopper")));
        Set<String> parties = set(notifier.regionUsers(MIDT_CODE));
        parties.remove(REGION_MIDT);
        parties.addAll(notifier.municipalityUsers(List.of(NORDDJURS_CODE)).get(NORDDJURS_CODE));
        parties.add(doctorUser);
        parties.add(facilityUser);
        assertThat(told("AGREEMENT_ENDED", "/agreements/" + ended)).isEqualTo(parties);
        assertMailed(doctorUser, "AGREEMENT_ENDED", "/agreements/" + ended, "Regionen har bragt aftale nr. " + ended);
        assertThat(mailBody(doctorUser, "/agreements/" + ended)).doesNotContain("Lægen stopper");
    }

    // ---- dispensation applications -----------------------------------------------------------------

    @Test
    void an_application_tells_the_region_and_its_decision_tells_the_applicant() {
        Api doctorApi = api.withPassword(doctorUser, PASSWORD);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "HOURS");
        body.put("facilityIds", List.of(facility));
        body.put("hours", 3.5);
        body.put("reason", "Mange beboere med komplekse behov");
        Map<String, Object> bad = new LinkedHashMap<>(body);
        bad.remove("reason");
        assertThat(doctorApi.post("/api/v1/dispensation-applications", bad).status())
                .isEqualTo(400);
        long id = created(doctorApi.post("/api/v1/dispensation-applications", body));
        String link = "/dispensation-applications/" + id;
        assertThat(told("DISPENSATION_APPLIED", link)).isEqualTo(set(notifier.regionUsers(MIDT_CODE)));
        assertOk(api.as(REGION_MIDT).post(link.replace("/dispensation", "/api/v1/dispensation") + "/grant", Map.of()));
        assertThat(told("DISPENSATION_DECIDED", link)).containsExactly(doctorUser);
        assertMailed(doctorUser, "DISPENSATION_DECIDED", link, "Dispensation bevilget: ansøgning nr. " + id);

        long refused = created(api.as(NORDDJURS)
                .post(
                        "/api/v1/dispensation-applications",
                        Map.of(
                                "kind",
                                "MULTIPLE_FACILITIES",
                                "doctorId",
                                doctor,
                                "facilityIds",
                                List.of(facility),
                                "reason",
                                "To botilbud")));
        String refusedLink = "/dispensation-applications/" + refused;
        assertOk(api.as(REGION_MIDT)
                .post("/api/v1/dispensation-applications/" + refused + "/refuse", Map.of("reason", "Nej")));
        assertThat(told("DISPENSATION_DECIDED", refusedLink)).containsExactly(NORDDJURS);
    }

    // ---- matching -------------------------------------------------------------------------------------

    @Test
    void an_opened_round_tells_the_area_doctors_and_its_proposals_who_confirms_them() {
        String samsoe = "741";
        double[] at = {55.87, 10.61};
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", unique("Øhuset"));
        f.put("address", "Havnevej 1, 8305 Samsø");
        f.put("municipalityCode", samsoe);
        f.put("operator", "PRIVATE");
        f.put("privateOwnership", "SELF_OWNING");
        f.put("legalBasis", "SEL_108");
        f.put("places", 10);
        f.put("residents", 8);
        f.put("latitude", at[0]);
        f.put("longitude", at[1]);
        long island = created(api.as(REGION_MIDT).post("/api/v1/facilities", f));
        String islandUser = user(Role.FACILITY, null, island, null);
        String samsoeUser = "meddelelse-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                new Users.NewUser(samsoeUser, PASSWORD, "Samsø Kommune", Role.MUNICIPALITY, null, samsoe, null, null));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        p.put("name", unique("Øklinikken"));
        p.put("address", "Torvet 2, 8305 Samsø");
        p.put("municipalityCode", samsoe);
        p.put("clinicType", "ORDINARY");
        p.put("doctorCapacity", 2);
        p.put("openForNewPatients", true);
        p.put("vatRegistered", false);
        p.put("latitude", at[0]);
        p.put("longitude", at[1]);
        long islandPractice = created(api.as(REGION_MIDT).post("/api/v1/practices", p));
        long islandDoctor = created(api.as(REGION_MIDT)
                .post(
                        "/api/v1/doctors",
                        Map.of("practiceId", islandPractice, "name", unique("Læge"), "nursingHomeDoctor", false)));
        String islandDoctorUser = user(Role.DOCTOR, null, null, islandDoctor);

        CurrentUser region = signIn(REGION_MIDT);
        try {
            long round = transactions.execute(
                    tx -> rounds.open(region, samsoe, MatchMethod.WISH_LIST, null, null, List.of(island))
                            .id());
            String link = "/matching/rounds/" + round;
            Set<String> doctors = told("ROUND_OPENED", link);
            assertThat(doctors)
                    .contains(islandDoctorUser)
                    .isEqualTo(set(notifier.doctorUsers(rounds.doctorIds(round))));
            assertMailed(islandDoctorUser, "ROUND_OPENED", link, "Matchningsrunde åbnet: Samsø");

            transactions.executeWithoutResult(tx -> rounds.close(
                    region, round, new Rounds.Run(MatchMethod.COVERAGE_PLAN, null, 30.0, false, null), null));
            // a private facility: its municipality and the facility itself confirm
            assertThat(told("PROPOSAL_WAITING", link)).containsExactlyInAnyOrder(samsoeUser, islandUser);
            assertMailed(islandUser, "PROPOSAL_WAITING", link, "Forslag venter på bekræftelse");

            // declined (by the region that runs the round): the proposal's doctor, the other party
            Rounds.ProposalRow proposal =
                    proposals.of(region, round).proposals().get(0);
            assertThat(told("PROPOSAL_DECLINED", link)).isEmpty();
            transactions.executeWithoutResult(tx -> proposals.decline(region, proposal.id()));
            assertThat(told("PROPOSAL_DECLINED", link))
                    .isNotEmpty()
                    .isEqualTo(set(notifier.doctorUsers(List.of(proposal.doctorId()))))
                    .doesNotContain(REGION_MIDT, samsoeUser, islandUser);
            if (proposal.doctorId() == islandDoctor) {
                assertMailed(islandDoctorUser, "PROPOSAL_DECLINED", link, "Forslag afvist: " + proposal.facilityName());
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    CurrentUser signIn(String username) {
        UserDetails user = details.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return CurrentUsers.current().orElseThrow();
    }

    // ---- change requests -----------------------------------------------------------------------------

    @Test
    void a_change_request_tells_the_region_and_its_decision_tells_the_doctor() {
        String regionMail = user(Role.REGION, MIDT_CODE, null, null);
        Api doctorApi = api.withPassword(doctorUser, PASSWORD);
        Map<String, Object> body = Map.of(
                "field",
                "doctorCapacity",
                "newValue",
                4,
                "validFrom",
                LocalDate.now().toString(),
                "reason",
                "Ny kollega");
        List<Long> before = changeRequestIds("CHANGE_REQUEST_FILED");
        assertThat(doctorApi
                        .post("/api/v1/change-requests", Map.of("field", "doctorCapacity"))
                        .status())
                .isEqualTo(400);
        assertThat(changeRequestIds("CHANGE_REQUEST_FILED")).isEqualTo(before);
        long id = created(doctorApi.post("/api/v1/change-requests", body));
        assertThat(toldOf("CHANGE_REQUEST_FILED", "/change-requests", String.valueOf(id)))
                .isEqualTo(set(notifier.regionUsers(MIDT_CODE)));
        assertMailed(regionMail, "CHANGE_REQUEST_FILED", "/change-requests", "Ændringsanmodning nr. " + id);

        assertOk(api.as(REGION_MIDT).post("/api/v1/change-requests/" + id + "/reject", Map.of("reason", "Nej")));
        assertThat(toldOf("CHANGE_REQUEST_DECIDED", "/change-requests", String.valueOf(id)))
                .containsExactly(doctorUser);
    }

    // ---- collaboration -------------------------------------------------------------------------------

    @Test
    void a_sick_visit_request_tells_the_doctor_and_a_logged_session_the_facility_side() {
        long id = active();
        Api facilityApi = api.withPassword(facilityUser, PASSWORD);
        LocalDateTime from = LocalDateTime.now(ZoneId.of("Europe/Copenhagen"))
                .plusDays(2)
                .withHour(10)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("wantedFrom", from.toString());
        visit.put("wantedTo", from.plusHours(2).toString());
        visit.put("residents", 1);
        visit.put("references", List.of("værelse 4"));
        visit.put("note", "feber siden i går");
        Map<String, Object> bad = new LinkedHashMap<>(visit);
        bad.put("residents", 0);
        String path = "/api/v1/facilities/" + facility + "/sick-visits";
        assertThat(facilityApi.post(path, bad).status()).isEqualTo(400);
        assertThat(told("SICK_VISIT_REQUESTED", "/sick-visits")).doesNotContain(doctorUser);
        created(facilityApi.post(path, visit));
        assertThat(told("SICK_VISIT_REQUESTED", "/sick-visits")).contains(doctorUser);
        assertThat(jdbc.sql(
                                "select username from notification where kind = 'SICK_VISIT_REQUESTED' and subject_args::text like :f")
                        .param("f", "%" + facilityName() + "%")
                        .query(String.class)
                        .list())
                .containsExactly(doctorUser);
        String body = mailBody(doctorUser, "/sick-visits");
        assertThat(body).contains(facilityName()).doesNotContain("værelse 4", "feber");

        Api doctorApi = api.withPassword(doctorUser, PASSWORD);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("date", LocalDate.now().toString());
        session.put("durationMinutes", 60);
        session.put("kind", "ADVICE");
        session.put("format", "PHYSICAL");
        session.put("topic", "Medicinhåndtering");
        session.put("notes", "Gennemgang af dosering");
        String sessions = "/api/v1/agreements/" + id + "/sessions";
        Map<String, Object> badSession = new LinkedHashMap<>(session);
        badSession.remove("topic");
        assertThat(doctorApi.post(sessions, badSession).status()).isEqualTo(400);
        String link = "/agreements/" + id + "/sessions";
        assertThat(told("SESSION_LOGGED", link)).isEmpty();
        created(doctorApi.post(sessions, session));
        Set<String> side =
                set(notifier.municipalityUsers(List.of(NORDDJURS_CODE)).get(NORDDJURS_CODE));
        side.add(facilityUser);
        assertThat(told("SESSION_LOGGED", link)).isEqualTo(side);
        assertMailed(facilityUser, "SESSION_LOGGED", link, "Rådgivning registreret: aftale nr. " + id);
        assertThat(mailBody(facilityUser, link)).doesNotContain("Medicinhåndtering", "dosering");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    long draft() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctor);
        body.put("facilityIds", List.of(facility));
        body.put("startDate", LocalDate.of(2025, 1, 1).toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        return created(api.as(NORDDJURS).post("/api/v1/agreements", body));
    }

    /** Filed by Norddjurs, approved by the region (its notices are made and counted here too). */
    long active() {
        long id = draft();
        assertOk(api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit", Map.of()));
        assertOk(api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", ""));
        return id;
    }

    long practice() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        body.put("name", unique("Meddelelsesklinikken"));
        body.put("address", "Torvet 1, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", 3);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        return created(api.as(REGION_MIDT).post("/api/v1/practices", body));
    }

    long facility() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Meddelelseshuset"));
        body.put("address", "Testvej 1, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", 14);
        body.put("residents", 12);
        return created(api.as(REGION_MIDT).post("/api/v1/facilities", body));
    }

    String facilityName() {
        return jdbc.sql("select name from registry_facility where id = :id")
                .param("id", facility)
                .query(String.class)
                .single();
    }

    /** A new user with an e-mail address (username@test.botilbudslaege.dk). */
    String user(Role role, String regionCode, Long facilityId, Long doctorId) {
        String username = "meddelelse-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(username, PASSWORD, "Modtager", role, regionCode, null, facilityId, doctorId));
        jdbc.sql("update app_user set email = :e where username = :u")
                .param("e", username + "@test.botilbudslaege.dk")
                .param("u", username)
                .update();
        return username;
    }

    Set<String> told(String kind, String link) {
        return set(jdbc.sql("select username from notification where kind = :k and link = :l")
                .param("k", kind)
                .param("l", link)
                .query(String.class)
                .list());
    }

    /** The users told of a kind whose subject's first argument is this (a link shared by many). */
    Set<String> toldOf(String kind, String link, String firstArg) {
        return set(jdbc.sql("select username from notification where kind = :k and link = :l and subject_args->>0 = :a")
                .param("k", kind)
                .param("l", link)
                .param("a", firstArg)
                .query(String.class)
                .list());
    }

    List<Long> changeRequestIds(String kind) {
        return jdbc.sql("select id from notification where kind = :k order by id")
                .param("k", kind)
                .query(Long.class)
                .list();
    }

    void assertMailed(String username, String kind, String link, String subjectPart) {
        record Mail(String recipient, String subject, String body) {}
        List<Mail> mails = jdbc.sql("""
                        select m.recipient, m.subject, m.body from mail_outbox m
                          join notification n on n.id = m.notification_id
                         where m.username = :u and m.kind = :k and n.link = :l
                        """)
                .param("u", username)
                .param("k", kind)
                .param("l", link)
                .query(Mail.class)
                .list();
        assertThat(mails).as("mails to %s of %s %s", username, kind, link).isNotEmpty();
        Mail mail = mails.get(mails.size() - 1);
        assertThat(mail.recipient()).isEqualTo(username + "@test.botilbudslaege.dk");
        assertThat(mail.subject()).contains(subjectPart);
        assertThat(mail.body()).contains(notifier.baseUrl() + link, subjectPart);
    }

    String mailBody(String username, String link) {
        return String.join(
                "\n",
                jdbc.sql("""
                                select m.body from mail_outbox m join notification n on n.id = m.notification_id
                                 where m.username = :u and n.link = :l
                                """)
                        .param("u", username)
                        .param("l", link)
                        .query(String.class)
                        .list());
    }

    static Set<String> set(List<String> names) {
        return new TreeSet<>(names == null ? new ArrayList<>() : names);
    }

    static void assertOk(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static long created(Api.Response answer) {
        assertThat(answer.status()).as("creating: %s", answer).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
