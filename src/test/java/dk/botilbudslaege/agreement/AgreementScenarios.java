package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the agreement suite builds on top of {@link AgreementFixtures}: practices of a chosen size,
 * facilities of every operator and municipality, groups and sections, agreements in every state,
 * dispensations, users of their own (a doctor, a private facility's contact), and the checks of a
 * problem answer. Every row is made by the test itself; provider numbers from 810001 upward.
 */
final class AgreementScenarios {

    static final String AARHUS_CODE = "751";
    static final String DEMO_DOCTOR = "laege-norddjurs";
    static final String SKOVSTJERNEN = "botilbud-skovstjernen";
    /** The password of the users the tests make for themselves (the demo password is for demo users). */
    static final String PASSWORD = "agreement-test-secret";

    /** The Danish messages of the rules (the contract's default language). */
    static final String R1_MESSAGE =
            "Lægen har allerede det antal faste lægeroller, der er tilladt uden (yderligere) dispensation (R1).";

    static final String R2_MESSAGE =
            "Lægen er plejehjemslæge og kan kun også være botilbudslæge med dispensation fra regionen (R2).";
    static final String R3_MESSAGE = "Praksis har ikke flere lægekapaciteter til en fast lægerolle (R3).";
    static final String R4_MESSAGE = "Botilbuddet (eller afsnittet) har allerede en aktiv aftale i perioden (R4).";
    static final String R5_MESSAGE = "Botilbuddets lovgrundlag er ikke omfattet af ordningen på startdatoen (R5).";

    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(810_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final JdbcClient jdbc;
    private final Users users;
    final AgreementFixtures fixtures;

    AgreementScenarios(Api api, JdbcClient jdbc, Users users) {
        this.api = api;
        this.jdbc = jdbc;
        this.users = users;
        this.fixtures = new AgreementFixtures(api);
    }

    // ---- registry rows ---------------------------------------------------------------------------

    /** A practice in Norddjurs with this many doctor capacities, made by the region. */
    long practice(int capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        body.put("name", unique("Klinikken"));
        body.put("address", "Søndergade 2, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", capacity);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", true);
        return createdId(api.as(REGION_MIDT).post("/api/v1/practices", body));
    }

    long doctor(long practiceId) {
        return fixtures.doctor(practiceId, false);
    }

    long nursingHomeDoctor(long practiceId) {
        return fixtures.doctor(practiceId, true);
    }

    /** A doctor alone in a practice with room for several roles, so that only R1 and R2 can bite. */
    long doctorInRoomyPractice() {
        return doctor(practice(10));
    }

    /** Marks a doctor as nursing-home doctor (or not), as the region edits the registry. */
    void nursingHomeDoctor(long doctorId, boolean nursingHome) {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctorId));
        body.put("nursingHomeDoctor", nursingHome);
        Api.Response answer = api.as(REGION_MIDT).put("/api/v1/doctors/" + doctorId, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** A municipal SEL_108 facility in Norddjurs. */
    long facility(int residents) {
        return facility("SEL_108", residents, "MUNICIPAL", NORDDJURS_CODE);
    }

    long facility(String legalBasis, int residents, String operator, String municipalityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Bostedet"));
        body.put("address", "Skovvej 3, 8500 Grenaa");
        body.put("municipalityCode", municipalityCode);
        body.put("operator", operator);
        if ("PRIVATE".equals(operator)) {
            body.put("privateOwnership", "SELF_OWNING");
        }
        body.put("legalBasis", legalBasis);
        body.put("places", Math.max(residents, 1) + 2);
        body.put("residents", residents);
        return createdId(api.as(REGION_MIDT).post("/api/v1/facilities", body));
    }

    /**
     * A facility group in Norddjurs. Groups cannot be made through the API yet, so the row is
     * inserted directly; facilities join it through the API ({@link #joinGroup}).
     */
    long group() {
        return jdbc.sql("insert into facility_group (name, kind, municipality_code) values (:n, 'SAME_ADDRESS', :m)"
                        + " returning id")
                .param("n", unique("Gruppen"))
                .param("m", NORDDJURS_CODE)
                .query(Long.class)
                .single();
    }

    /** Puts the facility in the group through {@code PUT /api/v1/facilities/{id}}. */
    void joinGroup(long facilityId, long groupId) {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + facilityId));
        body.put("groupId", groupId);
        Api.Response answer = api.as(REGION_MIDT).put("/api/v1/facilities/" + facilityId, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("groupId").asLong()).isEqualTo(groupId);
    }

    /** A group of new facilities with these residents; answers the facility ids, the group id last. */
    List<Long> groupOf(int... residents) {
        long group = group();
        List<Long> ids = new ArrayList<>();
        for (int r : residents) {
            long facility = facility(r);
            joinGroup(facility, group);
            ids.add(facility);
        }
        ids.add(group);
        return ids;
    }

    long section(long facilityId, int residents) {
        Api.Response answer = api.as(REGION_MIDT)
                .post(
                        "/api/v1/facilities/" + facilityId + "/sections",
                        Map.of("name", unique("Afsnit"), "residents", residents));
        return createdId(answer);
    }

    // ---- agreements --------------------------------------------------------------------------------

    static Map<String, Object> agreement(long doctorId, List<Long> facilityIds, LocalDate start) {
        return AgreementFixtures.agreement(doctorId, facilityIds, start);
    }

    static Map<String, Object> sectionAgreement(long doctorId, long facilityId, long sectionId, LocalDate start) {
        Map<String, Object> body = agreement(doctorId, List.of(facilityId), start);
        body.put("sectionId", sectionId);
        return body;
    }

    Api.Response create(String user, Map<String, Object> body) {
        return api.as(user).post("/api/v1/agreements", body);
    }

    Api.Response create(long doctorId, long facilityId, LocalDate start) {
        return create(NORDDJURS, agreement(doctorId, List.of(facilityId), start));
    }

    /** A new draft made by Norddjurs Kommune. */
    long draft(long doctorId, long facilityId, LocalDate start) {
        return createdId(create(doctorId, facilityId, start));
    }

    long draft(Map<String, Object> body) {
        return createdId(create(NORDDJURS, body));
    }

    Api.Response submit(String user, long id) {
        return api.as(user).post("/api/v1/agreements/" + id + "/submit", Map.of());
    }

    /** Created and filed by Norddjurs Kommune, waiting for the region. */
    long submitted(long doctorId, long facilityId, LocalDate start) {
        return submitted(agreement(doctorId, List.of(facilityId), start));
    }

    long submitted(Map<String, Object> body) {
        long id = draft(body);
        Api.Response filed = submit(NORDDJURS, id);
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        return id;
    }

    Api.Response approve(long id) {
        return approve(REGION_MIDT, id);
    }

    Api.Response approve(String user, long id) {
        return api.as(user).post("/api/v1/agreements/" + id + "/approve", "");
    }

    /** Created, filed and approved. */
    long active(long doctorId, long facilityId, LocalDate start) {
        return active(agreement(doctorId, List.of(facilityId), start));
    }

    long active(Map<String, Object> body) {
        long id = submitted(body);
        Api.Response approved = approve(id);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    Api.Response notice(String user, long id, String noticeDate) {
        return api.as(user).post("/api/v1/agreements/" + id + "/notice", Map.of("noticeDate", noticeDate));
    }

    JsonNode read(long id) {
        Api.Response answer = api.as(REGION_MIDT).get("/api/v1/agreements/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    String status(long id) {
        return read(id).path("status").asString();
    }

    // ---- dispensations -----------------------------------------------------------------------------

    static Map<String, Object> dispensation(long doctorId, String kind, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("kind", kind);
        body.put("validFrom", from.toString());
        if (to != null) {
            body.put("validTo", to.toString());
        }
        body.put("reason", "Godkendt af regionen i testen");
        return body;
    }

    Api.Response grant(String user, Map<String, Object> body) {
        return api.as(user).post("/api/v1/dispensations", body);
    }

    /** A MULTIPLE_FACILITIES dispensation granted by Region Midtjylland. */
    long multipleFacilities(long doctorId, int max, LocalDate from, LocalDate to) {
        Map<String, Object> body = dispensation(doctorId, "MULTIPLE_FACILITIES", from, to);
        body.put("maxFacilities", max);
        return createdId(grant(REGION_MIDT, body));
    }

    long nursingHomeAndFacility(long doctorId, LocalDate from, LocalDate to) {
        return createdId(grant(REGION_MIDT, dispensation(doctorId, "NURSING_HOME_AND_FACILITY", from, to)));
    }

    long hours(long doctorId, String monthlyHours, LocalDate from, LocalDate to) {
        Map<String, Object> body = dispensation(doctorId, "HOURS", from, to);
        body.put("monthlyHours", new java.math.BigDecimal(monthlyHours));
        return createdId(grant(REGION_MIDT, body));
    }

    // ---- users of the test's own -------------------------------------------------------------------

    /** A doctor login for this doctor; answers the client signed in as it. */
    Api doctorUser(long doctorId) {
        String username = "laege-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(username, PASSWORD, "Testlæge", Role.DOCTOR, null, null, null, doctorId));
        return api.withPassword(username, PASSWORD);
    }

    /** A contact-person login for this facility; answers the client signed in as it. */
    Api facilityUser(long facilityId) {
        String username = "botilbud-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                new Users.NewUser(username, PASSWORD, "Kontaktperson", Role.FACILITY, null, null, facilityId, null));
        return api.withPassword(username, PASSWORD);
    }

    /** The id of the demo doctor Anne Kjær (the doctor of the login laege-norddjurs), looked up by the region. */
    long demoDoctorId() {
        JsonNode content = api.as(REGION_MIDT)
                .get("/api/v1/doctors?q=" + URLEncoder.encode("Anne Kjær", StandardCharsets.UTF_8))
                .json()
                .path("content");
        for (JsonNode row : content) {
            // the synthetic doctors of the region may share her name: hers is the practice 070101
            if (row.path("name").asString().equals("Anne Kjær")
                    && row.path("providerNumber").asString().equals("070101")) {
                return row.path("id").asLong();
            }
        }
        throw new IllegalStateException("the demo doctor Anne Kjær is missing");
    }

    // ---- answers -----------------------------------------------------------------------------------

    static long createdId(Api.Response created) {
        assertThat(created.status()).as("creating: %s", created).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    static Map<String, Object> editable(Api.Response read) {
        assertThat(read.status()).as("reading before editing: %s", read).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(read.body(), LinkedHashMap.class);
        return body;
    }

    /** An RFC 9457 answer with this status and code, title and detail, and never a stack trace. */
    static JsonNode assertProblem(Api.Response answer, int status, String code) {
        return dk.botilbudslaege.support.Problems.assertProblem(answer, status, code);
    }

    /** A 422 rule refusal: its code, the rule's Danish message as detail and on the named field. */
    static void assertRefused(Api.Response answer, String code, String field, String message) {
        JsonNode body = assertProblem(answer, 422, code);
        assertThat(body.path("detail").asString()).isEqualTo(message);
        assertThat(errorMessage(answer, field)).isEqualTo(message);
    }

    static List<String> errorFields(Api.Response answer) {
        List<String> fields = new ArrayList<>();
        answer.json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    static String errorMessage(Api.Response answer, String field) {
        for (JsonNode error : answer.json().path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + answer);
    }

    /** Every message given for one field, in the answer's order. */
    static List<String> errorMessages(Api.Response answer, String field) {
        List<String> found = new ArrayList<>();
        for (JsonNode error : answer.json().path("errors")) {
            if (error.path("field").asString().equals(field)) {
                found.add(error.path("message").asString());
            }
        }
        return found;
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("content").forEach(row -> ids.add(row.path("id").asLong()));
        return ids;
    }
}
