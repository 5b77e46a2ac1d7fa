package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.unique;
import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, items 6 and 7, across the API and the forms: control and invisible characters, text
 * that only looks like text, dates outside 2007–2100, numbers beyond their bounds and unreadable
 * values are refused with a 400 that names every bad field at once, and nothing is saved; a row that
 * already holds such a character (stored before these rules) still prints.
 */
@IntegrationTest
class HostileInputApiTest {

    private static final String BELL = "Skovly\u0007";
    private static final String ZERO_WIDTH = "Skov\u200Bly";
    private static final String ONLY_INVISIBLE = "\u00A0\u2003";
    private static final String FAR_FUTURE = "9999-12-31";

    /** Every JSON POST and PUT of the API with the field a bad value goes into, or why it has none. */
    private static final Map<String, String> JSON_WRITES = new LinkedHashMap<>();

    static {
        JSON_WRITES.put("POST /api/v1/facilities", "{\"name\":\"%s\"}|name");
        JSON_WRITES.put("PUT /api/v1/facilities/{id}", "{\"address\":\"%s\"}|address");
        JSON_WRITES.put("POST /api/v1/facilities/{id}/sections", "{\"name\":\"%s\",\"residents\":30}|name");
        JSON_WRITES.put("POST /api/v1/facility-groups", "{\"name\":\"%s\",\"kind\":\"SAME_ADDRESS\"}|name");
        JSON_WRITES.put("POST /api/v1/practices", "{\"name\":\"%s\"}|name");
        JSON_WRITES.put("PUT /api/v1/practices/{id}", "{\"address\":\"%s\"}|address");
        JSON_WRITES.put("POST /api/v1/doctors", "{\"name\":\"%s\",\"practiceId\":1}|name");
        JSON_WRITES.put("PUT /api/v1/doctors/{id}", "{\"name\":\"%s\"}|name");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/submit", "{\"contactName\":\"%s\"}|contactName");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/reject", "{\"reason\":\"%s\"}|reason");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/end", "{\"endDate\":\"2030-01-01\",\"reason\":\"%s\"}|reason");
        JSON_WRITES.put(
                "POST /api/v1/dispensations", "{\"doctorId\":1,\"kind\":\"NURSING_HOME\",\"reason\":\"%s\"}|reason");
        JSON_WRITES.put("POST /api/v1/matching/stable", "{\"regionCode\":\"%s\",\"proposing\":\"DOCTORS\"}|regionCode");
        JSON_WRITES.put(
                "POST /api/v1/change-requests",
                "{\"field\":\"vatRegistered\",\"newValue\":true,\"reason\":\"%s\"}|reason");
        JSON_WRITES.put("POST /api/v1/change-requests/{id}/reject", "{\"reason\":\"%s\"}|reason");
        JSON_WRITES.put("POST /api/v1/dispensation-applications", "{\"kind\":\"HOURS\",\"reason\":\"%s\"}|reason");
        JSON_WRITES.put("POST /api/v1/dispensation-applications/{id}/grant", "{\"reason\":\"%s\"}|reason");
        JSON_WRITES.put("POST /api/v1/dispensation-applications/{id}/refuse", "{\"reason\":\"%s\"}|reason");
        JSON_WRITES.put(
                "POST /api/v1/matching/coverage-plan",
                "{\"municipalityCode\":\"%s\",\"maxDistanceKm\":10}|municipalityCode");
        // issue 13, sick visits
        JSON_WRITES.put("POST /api/v1/facilities/{id}/sick-visits", "{\"note\":\"%s\"}|note");
        JSON_WRITES.put("PATCH /api/v1/facilities/{id}/sick-visits/{visitId}", "status only");
        // issue 13, cooperation plan
        JSON_WRITES.put("PUT /api/v1/agreements/{id}/cooperation-plan", "{\"scope\":\"%s\"}|scope");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/cooperation-plan/accept", "version only");
        // issue 13, advisory sessions
        JSON_WRITES.put("POST /api/v1/agreements/{id}/sessions", "{\"topic\":\"%s\"}|topic");
        JSON_WRITES.put("POST /api/v1/session-topics", "{\"name\":\"%s\"}|name");
        JSON_WRITES.put("PATCH /api/v1/agreements/{id}/sessions/{sessionId}", "comment: see AdvisorySessionsApiTest");
        // issue 13, correcting sessions (i13-correct)
        JSON_WRITES.put("PUT /api/v1/agreements/{id}/sessions/{sessionId}", "topic: see AdvisorySessionCorrectionTest");
        // no text field: dates and ids only
        JSON_WRITES.put("POST /api/v1/agreements", "date:startDate");
        JSON_WRITES.put("PUT /api/v1/agreements/{id}", "date:startDate");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/notice", "date:noticeDate");
        JSON_WRITES.put("POST /api/v1/dispensations/{id}/end", "date:validTo");
        JSON_WRITES.put("POST /api/v1/rates", "date:validFrom");
        JSON_WRITES.put("PUT /api/v1/rates/{validFrom}", "date:validFrom");
        JSON_WRITES.put("PUT /api/v1/doctors/{id}/wishes", "ids only");
        JSON_WRITES.put("PUT /api/v1/facilities/{id}/priorities", "ids only");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/approve", "no body");
        JSON_WRITES.put("POST /api/v1/agreements/{id}/withdraw", "no body");
        JSON_WRITES.put("POST /api/v1/change-requests/{id}/approve", "no body");
        JSON_WRITES.put("POST /api/v1/settlements/{month}/run", "no body");
        JSON_WRITES.put("POST /api/v1/settlements/{month}/approve", "no body");
        JSON_WRITES.put("POST /api/v1/facilities/import", "file: see FacilityImportApiTest");
        JSON_WRITES.put("POST /api/v1/practices/import", "file: see PracticeImportApiTest");
        // issue 13, residents' choice: whole numbers only, refused on their field (ResidentCountsApiTest)
        JSON_WRITES.put("PUT /api/v1/facilities/{id}/resident-counts/{month}", "counts only");
        // issue 14, surveys: the title is text; answers are checked per question type (SurveysApiTest)
        JSON_WRITES.put("POST /api/v1/surveys", "{\"title\":\"%s\"}|title");
        JSON_WRITES.put("POST /api/v1/surveys/{id}/send", "no body");
        JSON_WRITES.put("PUT /api/v1/surveys/{id}/answer", "values per question type: see SurveysApiTest");
        JSON_WRITES.put("POST /api/v1/surveys/{id}/answer/submit", "values per question type: see SurveysApiTest");
        // issue 14 (i14-tags): the region's tag on a free-text answer; its text rules in SurveyTagsTest (the {id}
        // here is no survey: 404 before the body is read)
        JSON_WRITES.put("POST /api/v1/surveys/{id}/tags", "tag: see SurveyTagsTest");
        // issue 14, in-app notifications: marking one read takes no body (NotificationsApiTest)
        JSON_WRITES.put("POST /api/v1/notifications/{id}/read", "no body");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @Autowired
    Users users;

    AgreementScenarios given;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        given = new AgreementScenarios(api, jdbc, users);
    }

    @Test
    void the_list_holds_every_json_write_of_the_api() {
        Set<String> writes = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getMethodsCondition().getMethods().stream()
                        .filter(m -> m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH)
                        .forEach(m -> info.getPatternValues().stream()
                                .filter(p -> p.startsWith("/api/"))
                                .forEach(p -> writes.add(m + " " + p))));
        assertThat(JSON_WRITES.keySet())
                .as("a new JSON write must be added to this test")
                .containsAll(writes);
    }

    @Test
    void every_json_text_field_refuses_control_and_invisible_characters_and_invisible_only_text() {
        long facility = given.facility(12);
        for (Map.Entry<String, String> write : JSON_WRITES.entrySet()) {
            String[] methodAndPath = write.getKey().split(" ");
            String path = methodAndPath[1]
                    .replace("{id}", String.valueOf(facility))
                    .replace("{month}", "2025-10")
                    .replace("{validFrom}", "2030-01-01");
            if (write.getValue().startsWith("date:")) {
                String field = write.getValue().substring(5);
                assertRefused(
                        send(methodAndPath[0], path, "{\"" + field + "\":\"" + FAR_FUTURE + "\"}"),
                        write.getKey(),
                        field,
                        "Datoen skal ligge mellem 2007-01-01 og 2100-12-31.");
                continue;
            }
            if (!write.getValue().contains("|")) {
                continue;
            }
            String template = write.getValue().split("\\|")[0];
            String field = write.getValue().split("\\|")[1];
            assertRefused(
                    send(methodAndPath[0], path, template.formatted("Skovly\\u0007")),
                    write.getKey(),
                    field,
                    "Må ikke indeholde styretegn (kun almindelig tekst; linjeskift kun i felter med flere linjer).");
            assertRefused(
                    send(methodAndPath[0], path, template.formatted("Skov\\u200Bly")),
                    write.getKey(),
                    field,
                    "Må ikke indeholde usynlige tegn (f.eks. nulbreddemellemrum U+200B eller blød bindestreg).");
            assertRefused(
                    send(methodAndPath[0], path, template.formatted("\\u00A0\\u2003")),
                    write.getKey(),
                    field,
                    "Skal indeholde synlige tegn, ikke kun mellemrum.");
            assertRefused(
                    send(methodAndPath[0], path, template.formatted("Skovly\\uD800")),
                    write.getKey(),
                    field,
                    "Indeholder et ugyldigt tegn (en halv UTF-16-surrogat eller ugyldig UTF-8).");
            assertRefused(
                    send(methodAndPath[0], path, template.formatted("\\u3164\\u3164")),
                    write.getKey(),
                    field,
                    "Må ikke indeholde usynlige tegn (f.eks. nulbreddemellemrum U+200B eller blød bindestreg).");
        }
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities?q=Skov")
                        .json()
                        .path("content")
                        .toString())
                .doesNotContain("Skov\\u200Bly", "Skovly\\u0007");
        assertThat(jdbc.sql("select count(*) from facility where name like 'Skov%' and (name ~ '[[:cntrl:]]'"
                                + " or strpos(name, U&'\\200B') > 0)")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void names_of_fillers_marks_and_braille_blanks_only_are_refused_on_every_field_at_once() {
        long doctor = given.doctorInRoomyPractice();
        String invisible = "Må ikke indeholde usynlige tegn (f.eks. nulbreddemellemrum U+200B eller blød bindestreg).";
        String blank = "Skal indeholde synlige tegn, ikke kun mellemrum.";
        Map<String, String> names = new LinkedHashMap<>();
        names.put("\u3164\u3164", invisible);
        names.put("\u115F", invisible);
        names.put("A\u034FB", invisible);
        names.put("\u2800", blank);
        names.put("\u0301\u0301", blank);
        names.put("\uFE0F", blank);
        names.forEach((name, message) -> assertRefused(
                api.as(REGION_MIDT).put("/api/v1/doctors/" + doctor, Map.of("name", name)),
                "doctor " + name.codePoints().boxed().toList(),
                "name",
                message));
        Api.Response heart = api.as(REGION_MIDT).put("/api/v1/doctors/" + doctor, Map.of("name", "Læge \u2764\uFE0F"));
        assertThat(fields(heart)).as(heart.body()).doesNotContain("name");

        Map<String, Object> body = facilityBody(unique("Fyldhuset"));
        body.put("name", "\u3164\u3164");
        body.put("address", "\u2800");
        body.put("residents", -1);
        Api.Response facility = api.as(REGION_MIDT).post("/api/v1/facilities", body);
        assertProblem(facility, 400, "VALIDATION_FAILED");
        assertThat(fields(facility)).containsExactlyInAnyOrder("name", "address", "residents");
    }

    @Test
    void a_string_where_a_list_is_expected_is_listed_with_the_other_bad_fields() {
        Api.Response answer = api.as(NORDDJURS)
                .postRaw(
                        "/api/v1/agreements",
                        "application/json",
                        "{\"doctorId\":\"x\",\"facilityIds\":\"y\",\"startDate\":\"2026-12-01\",\"matchMethod\":\"FOO\"}");
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fields(answer)).contains("doctorId", "facilityIds", "matchMethod");

        Map<String, Object> body = facilityBody(unique("Formhuset"));
        body.put("name", List.of("a", "b"));
        body.put("places", Map.of("n", 1));
        body.put("residents", -1);
        Api.Response shapes = api.as(REGION_MIDT).post("/api/v1/facilities", body);
        assertProblem(shapes, 400, "VALIDATION_FAILED");
        assertThat(fields(shapes)).containsExactlyInAnyOrder("name", "places", "residents");
    }

    @Test
    void invalid_utf8_in_a_json_name_is_listed_with_the_other_bad_fields() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF})) {
            String json = Api.json(facilityBody("Bo")).replace("\"residents\":18", "\"residents\":-1");
            int at = json.indexOf("\"Bo\"") + 3;
            byte[] before = json.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] after = json.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] bytes = new byte[before.length + bad.length + after.length];
            System.arraycopy(before, 0, bytes, 0, before.length);
            System.arraycopy(bad, 0, bytes, before.length, bad.length);
            System.arraycopy(after, 0, bytes, before.length + bad.length, after.length);

            Api.Response answer = api.as(REGION_MIDT).postBytes("/api/v1/facilities", "application/json", bytes);

            assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(fields(answer)).as(answer.body()).containsExactlyInAnyOrder("name", "residents");
            assertRefused(
                    answer,
                    "name",
                    "name",
                    "Indeholder et ugyldigt tegn (en halv UTF-16-surrogat eller ugyldig UTF-8).");
        }
    }

    @Test
    void a_body_its_module_does_not_refuse_is_refused_anyway_and_nothing_is_saved() {
        long id = filed(given.doctorInRoomyPractice(), given.facility(12));

        Api.Response answer =
                api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/reject", Map.of("reason", "Nej\u200B tak"));

        assertRefused(
                answer,
                "reject",
                "reason",
                "Må ikke indeholde usynlige tegn (f.eks. nulbreddemellemrum U+200B eller blød bindestreg).");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/agreements/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void a_form_with_invalid_utf8_gets_the_danish_error_page() {
        WebSession session = WebSession.signIn(port, REGION_MIDT);
        long facility = given.facility(12);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(session.get("/facilities/" + facility + "/edit").body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> answer = session.request(
                "POST",
                "/facilities/" + facility,
                "_csrf=" + csrf.group(1) + "&name=Bo%FF",
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("<html", "400").doesNotContain("\"timestamp\"");
    }

    @Test
    void a_bad_legal_basis_or_operator_on_the_form_has_one_message() {
        WebSession session = WebSession.signIn(port, REGION_MIDT);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", unique("Enkelthuset"));
        form.put("address", "Formvej 1");
        form.put("municipalityCode", NORDDJURS_CODE);
        form.put("operator", "FOO");
        form.put("legalBasis", "SEL_999");
        form.put("places", "20");
        form.put("residents", "18");

        HttpResponse<String> answer = session.post("/facilities", "/facilities/new", form);

        assertThat(answer.body()).contains("Ugyldig værdi.").doesNotContain("Vælg lovgrundlag.", "Vælg driftsform.");
        // each message twice: in the error summary (issue 16, i16-forms) and at its field
        assertThat(answer.body().split("Ugyldig værdi\\.", -1)).hasSize(5);
    }

    @Test
    void a_multi_line_reason_keeps_its_line_breaks_and_a_one_line_name_refuses_them() {
        long doctor = given.doctorInRoomyPractice();
        long id = filed(doctor, given.facility(12));

        Api.Response rejected = api.as(REGION_MIDT)
                .post("/api/v1/agreements/" + id + "/reject", Map.of("reason", "Første linje\r\n\tAnden linje"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("decisionReason").asString()).isEqualTo("Første linje\r\n\tAnden linje");
        assertRefused(
                send("PUT", "/api/v1/doctors/" + doctor, "{\"name\":\"To\\nlinjer\"}"),
                "doctor",
                "name",
                "Må ikke indeholde styretegn (kun almindelig tekst; linjeskift kun i felter med flere linjer).");
    }

    @Test
    void a_notice_dated_9999_is_refused_on_its_field_and_the_agreement_keeps_running() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), LocalDate.of(2025, 9, 1));

        Api.Response answer =
                api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/notice", Map.of("noticeDate", FAR_FUTURE));

        assertRefused(answer, "notice", "noticeDate", "Datoen skal ligge mellem 2007-01-01 og 2100-12-31.");
        JsonNode after = api.as(NORDDJURS).get("/api/v1/agreements/" + id).json();
        assertThat(after.path("noticeDate").isNull() || after.path("noticeDate").isMissingNode())
                .isTrue();
        assertThat(after.path("endDate").asString("")).doesNotContain("+10000");
    }

    @Test
    void a_bad_legal_basis_is_listed_with_the_other_bad_fields() {
        Map<String, Object> body = facilityBody(unique("Listehuset"));
        body.put("legalBasis", "SEL_999");
        body.put("places", 999_999);
        body.put("name", "Liste\u0007huset");
        body.put("operator", "FOO");
        body.put("residents", 99_999_999_999L);

        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/facilities", body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fields(answer)).containsExactlyInAnyOrder("legalBasis", "places", "name", "operator", "residents");
    }

    @Test
    void a_huge_count_is_refused() {
        Map<String, Object> body = facilityBody(unique("Kæmpehuset"));
        body.put("places", 2_000_000_000);
        body.put("temporaryPlaces", 50_000);

        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/facilities", body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fields(answer)).containsExactlyInAnyOrder("places", "temporaryPlaces");
        Api.Response hugeGroup = api.as(REGION_MIDT)
                .post(
                        "/api/v1/facility-groups",
                        Map.of(
                                "name",
                                "G",
                                "kind",
                                "SAME_ADDRESS",
                                "facilityIds",
                                java.util.stream.LongStream.range(1, 300)
                                        .boxed()
                                        .toList()));
        assertProblem(hugeGroup, 400, "VALIDATION_FAILED");
        assertThat(fields(hugeGroup)).containsExactly("facilityIds");
    }

    @Test
    void query_parameters_and_dates_in_them_are_checked_too() {
        Api.Response filter = api.as(REGION_MIDT).get("/api/v1/facilities?q=Skov%E2%80%8Bly");
        assertRefused(
                filter,
                "q",
                "q",
                "Må ikke indeholde usynlige tegn (f.eks. nulbreddemellemrum U+200B eller blød bindestreg).");
        Api.Response coverage = api.as(REGION_MIDT).get("/api/v1/coverage/history?from=2000-01-01&to=3000-01-01");
        assertProblem(coverage, 400, "VALIDATION_FAILED");
        assertThat(fields(coverage)).contains("from", "to");
    }

    @Test
    void forms_show_the_refusal_by_the_field_and_save_nothing() {
        WebSession session = WebSession.signIn(port, REGION_MIDT);
        String name = unique("Formhuset");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name + "\u200B");
        form.put("address", "Formvej 1\u0001");
        form.put("municipalityCode", NORDDJURS_CODE);
        form.put("operator", "MUNICIPAL");
        form.put("legalBasis", "SEL_108");
        form.put("places", "20");
        form.put("residents", "18");

        HttpResponse<String> answer = session.post("/facilities", "/facilities/new", form);

        assertThat(answer.body()).contains("Må ikke indeholde usynlige tegn", "Må ikke indeholde styretegn");
        assertThat(jdbc.sql("select count(*) from facility where name like :n")
                        .param("n", name + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        long id = filed(given.doctorInRoomyPractice(), given.facility(12));
        HttpResponse<String> reject =
                session.post("/agreements/" + id + "/reject", "/agreements/" + id, Map.of("reason", "Nej\u0000"));
        assertThat(reject.statusCode()).isEqualTo(400);
        assertThat(reject.body()).contains("Må ikke indeholde styretegn");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/agreements/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void an_old_row_with_a_control_character_still_prints() throws IOException {
        long facility = given.facility(12);
        Api.Response created = api.as(NORDDJURS)
                .post(
                        "/api/v1/agreements",
                        agreement(given.doctorInRoomyPractice(), List.of(facility), LocalDate.of(2025, 11, 1)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        jdbc.sql("update facility set name = 'Gammel' || chr(7) || 'række' || chr(27) where id = :id")
                .param("id", facility)
                .update();

        HttpResponse<byte[]> pdf = api.as(NORDDJURS)
                .getBytes("/api/v1/agreements/" + created.json().path("id").asLong() + "/information-form.pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Gammelrække");
        }
    }

    private long filed(long doctor, long facility) {
        return given.submitted(doctor, facility, LocalDate.of(2025, 11, 1));
    }

    private Api.Response send(String method, String path, String json) {
        // issue 13: a sick visit is asked by the facility side (Norddjurs for its municipal facility)
        Api caller = api.as(
                path.contains("/submit") || path.contains("/notice") || path.contains("/sick-visits")
                        ? NORDDJURS
                        : REGION_MIDT);
        return method.equals("PUT")
                ? caller.putRaw(path, "application/json", json)
                : caller.postRaw(path, "application/json", json);
    }

    private static void assertRefused(Api.Response answer, String what, String field, String message) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertProblem(answer, 400, "VALIDATION_FAILED");
        List<String> messages = new ArrayList<>();
        answer.json().path("errors").forEach(e -> {
            if (e.path("field").asString().equals(field)) {
                messages.add(e.path("message").asString());
            }
        });
        assertThat(messages).as(what + ": " + answer.body()).containsExactly(message);
    }

    private static List<String> fields(Api.Response answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static Map<String, Object> facilityBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Testvej 1, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", 20);
        body.put("residents", 18);
        return body;
    }
}
