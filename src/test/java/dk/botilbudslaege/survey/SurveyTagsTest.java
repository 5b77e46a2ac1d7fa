package dk.botilbudslaege.survey;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The region's own tags on the free-text answers of its survey (issue 14 item 7): who may and may not, every bad
 * field, nothing half-saved, the audit trail, the results page (chips, counts, add and remove without JavaScript)
 * and the XLSX.
 */
@IntegrationTest
class SurveyTagsTest {

    static final String PATH = "/api/v1/surveys";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }

    /** A sent survey to Norddjurs, Aarhus and Syddjurs: 0 yes/no, 1 text, 2 text; Norddjurs and Aarhus submitted. */
    record Sent(long id, long yesNo, long text, long other) {}

    Sent sent() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Mærker " + UUID.randomUUID());
        body.put("deadline", today.plusDays(30).toString());
        body.put(
                "questions",
                List.of(
                        SurveysApiTest.question("Er I i gang?", "YES_NO", null, false),
                        SurveysApiTest.question("Hvor langt er I?", "TEXT", null, false),
                        SurveysApiTest.question("Andet?", "TEXT", null, false)));
        body.put("addressees", Map.of("municipalityCodes", List.of("707", "751", "706")));
        Api.Response created = api.as("region-midt").post(PATH, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        List<Long> q = SurveysApiTest.questionIds(created.json());
        assertThat(api.as("region-midt").post(PATH + "/" + id + "/send", null).status())
                .isEqualTo(200);
        Api.Response n = api.as("kommune-norddjurs")
                .post(
                        PATH + "/" + id + "/answer/submit",
                        SurveysApiTest.answers(q.get(0), true, q.get(1), "Vi er langt.", q.get(2), "Nej."));
        assertThat(n.status()).as(n.body()).isEqualTo(200);
        Api.Response a = api.as("kommune-aarhus")
                .post(PATH + "/" + id + "/answer/submit", SurveysApiTest.answers(q.get(1), "Midtvejs."));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return new Sent(id, q.get(0), q.get(1), q.get(2));
    }

    static Map<String, Object> tag(Object questionId, Object code, Object tag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questionId", questionId);
        body.put("municipalityCode", code);
        body.put("tag", tag);
        return body;
    }

    static String delete(long id, long questionId, String code, String tag) {
        return PATH + "/" + id + "/tags?questionId=" + questionId + "&municipalityCode=" + code + "&tag="
                + URLEncoder.encode(tag, StandardCharsets.UTF_8);
    }

    int tagRows(long id) {
        return jdbc.sql("select count(*) from survey_tag where survey_id = :s")
                .param("s", id)
                .query(Integer.class)
                .single();
    }

    int auditRows(long id, String action) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'SURVEY' and entity_id = :id"
                        + " and action = :a and actor = 'region-midt'")
                .param("id", String.valueOf(id))
                .param("a", action)
                .query(Integer.class)
                .single();
    }

    @Test
    void the_region_tags_a_submitted_text_answer_reads_and_removes_it_audited() {
        Sent s = sent();
        String tags = PATH + "/" + s.id() + "/tags";
        Api.Response added = api.as("region-midt").post(tags, tag(s.text(), "707", "  Langt "));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("tag").asString()).isEqualTo("Langt");
        // the same tag again: no change, 200
        Api.Response again = api.as("region-midt").post(tags, tag(s.text(), "707", "Langt"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(api.as("region-midt")
                        .post(tags, tag(s.text(), "751", "Midtvejs"))
                        .status())
                .isEqualTo(201);
        assertThat(api.as("region-midt")
                        .post(tags, tag(s.text(), "707", "Lægemangel"))
                        .status())
                .isEqualTo(201);

        JsonNode list = api.as("region-midt").get(tags).json();
        assertThat(list).hasSize(3);
        assertThat(list.get(0).path("questionId").asLong()).isEqualTo(s.text());
        assertThat(list.toString()).contains("\"municipalityCode\":\"707\"", "\"tag\":\"Langt\"");
        // the results carry each answer's tags
        JsonNode answers = api.as("region-midt")
                .get(PATH + "/" + s.id() + "/results")
                .json()
                .path("questions")
                .get(1)
                .path("answers");
        assertThat(answers.toString()).contains("\"tags\":[\"Langt\",\"Lægemangel\"]", "\"tags\":[\"Midtvejs\"]");
        assertThat(auditRows(s.id(), "TAG_ADDED")).isEqualTo(3);

        Api.Response removed = api.as("region-midt").delete(delete(s.id(), s.text(), "707", "Langt"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertProblem(api.as("region-midt").delete(delete(s.id(), s.text(), "707", "Langt")), 404, "NOT_FOUND");
        assertProblem(api.as("region-midt").delete(delete(s.id(), s.other(), "751", "Midtvejs")), 404, "NOT_FOUND");
        assertThat(tagRows(s.id())).isEqualTo(2);
        assertThat(auditRows(s.id(), "TAG_REMOVED")).isEqualTo(1);
    }

    @Test
    void only_the_region_that_owns_the_survey_tags_it() {
        Sent s = sent();
        String tags = PATH + "/" + s.id() + "/tags";
        api.as("region-midt").post(tags, tag(s.text(), "707", "Langt"));
        for (String user :
                new String[] {"kommune-norddjurs", "botilbud-skovstjernen", "laege-norddjurs", "national", "admin"}) {
            assertProblem(api.as(user).get(tags), 403, "FORBIDDEN");
            assertProblem(api.as(user).post(tags, tag(s.text(), "707", "Egen")), 403, "FORBIDDEN");
            assertProblem(api.as(user).delete(delete(s.id(), s.text(), "707", "Langt")), 403, "FORBIDDEN");
        }
        assertProblem(api.as("region-nord").get(tags), 404, "NOT_FOUND");
        assertProblem(api.as("region-nord").post(tags, tag(s.text(), "707", "Egen")), 404, "NOT_FOUND");
        assertProblem(api.as("region-nord").delete(delete(s.id(), s.text(), "707", "Langt")), 404, "NOT_FOUND");
        assertProblem(api.as("region-midt").get(PATH + "/999999999/tags"), 404, "NOT_FOUND");
        assertThat(api.anonymous().get(tags).status()).isEqualTo(401);
        assertThat(tagRows(s.id())).isEqualTo(1);
        assertThat(api.as("region-midt").get(tags).body()).doesNotContain("Egen");
    }

    @Test
    void every_bad_field_is_refused_and_nothing_is_saved() {
        Sent s = sent();
        String tags = PATH + "/" + s.id() + "/tags";
        // all three at once
        JsonNode all =
                assertProblem(api.as("region-midt").post(tags, tag(s.yesNo(), "851", " ")), 400, "VALIDATION_FAILED");
        assertThat(fields(all)).containsExactlyInAnyOrder("questionId", "municipalityCode", "tag");
        assertThat(all.toString())
                .contains("Spørgsmålet med id " + s.yesNo() + " er ikke et fritekstspørgsmål", "851 er ikke modtager");
        assertProblem(api.as("region-midt").post(tags, Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(api.as("region-midt").post(tags, null), 400, "VALIDATION_FAILED");
        // a question of another survey
        assertThat(field(api.as("region-midt").post(tags, tag(999999999L, "707", "Langt"))))
                .isEqualTo("questionId");
        // an addressee who has not submitted (Syddjurs), one who left the question empty (Aarhus, question 3)
        assertThat(api.as("region-midt")
                        .post(tags, tag(s.text(), "706", "Langt"))
                        .body())
                .contains("706 har ikke indsendt");
        assertThat(api.as("region-midt")
                        .post(tags, tag(s.other(), "751", "Langt"))
                        .body())
                .contains("751 har ikke besvaret spørgsmålet");
        // a draft answer is the municipality's own: not taggable
        api.as("kommune-aarhus").put(PATH + "/" + s.id() + "/answer", SurveysApiTest.answers(s.text(), "Kladde"));
        // the tag: at most 60, one line, no control or invisible characters
        assertThat(field(api.as("region-midt").post(tags, tag(s.text(), "707", "x".repeat(61)))))
                .isEqualTo("tag");
        assertThat(api.as("region-midt")
                        .post(tags, tag(s.text(), "707", "x".repeat(60)))
                        .status())
                .isEqualTo(201);
        for (String bad : new String[] {"To\nlinjer", "Klokke\u0007", "Skov\u200Bly", "\u00A0\u2003"}) {
            assertThat(field(api.as("region-midt").post(tags, tag(s.text(), "707", bad))))
                    .as(bad)
                    .isEqualTo("tag");
        }
        assertThat(fields(assertProblem(
                        api.as("region-midt").postRaw(tags, "application/json", "{\"questionId\":\"x\"}"),
                        400,
                        "VALIDATION_FAILED")))
                .contains("questionId");
        assertThat(tagRows(s.id())).isEqualTo(1);
        assertThat(auditRows(s.id(), "TAG_ADDED")).isEqualTo(1);
        // the delete's parameters are required
        assertThat(api.as("region-midt").delete(tags).status()).isEqualTo(400);
        assertThat(api.as("region-midt")
                        .delete(tags + "?questionId=x&municipalityCode=707&tag=a")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_results_page_shows_chips_and_counts_and_tags_without_javascript() throws Exception {
        Sent s = sent();
        WebSession region = WebSession.signIn(port, "region-midt");
        String results = "/surveys/" + s.id() + "/results";
        HttpResponse<String> added = region.post(
                "/surveys/" + s.id() + "/tags",
                results,
                Map.of("questionId", String.valueOf(s.text()), "municipalityCode", "707", "tag", "Langt"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow())
                .endsWith(results + "#answer-" + s.text() + "-707");
        region.post(
                "/surveys/" + s.id() + "/tags",
                results,
                Map.of("questionId", String.valueOf(s.text()), "municipalityCode", "751", "tag", "Langt"));
        region.post(
                "/surveys/" + s.id() + "/tags",
                results,
                Map.of("questionId", String.valueOf(s.text()), "municipalityCode", "751", "tag", "Midtvejs"));
        String page = region.get(results).body();
        assertThat(page)
                .contains("id=\"tag-summary-" + s.text() + "\"", "Langt (2)", "Midtvejs (1)")
                .contains("<datalist id=\"survey-tags\">", "<option value=\"Langt\">")
                .contains("class=\"badge\">Langt</span>", "aria-label=\"Fjern mærket Midtvejs\"")
                .contains("id=\"tag-" + s.text() + "-707\"", "name=\"_csrf\"");
        assertThat(page).doesNotContain("id=\"tag-summary-" + s.other() + "\"");

        // a bad tag: shown by the answer's form with the text kept; nothing saved
        HttpResponse<String> bad = region.post(
                "/surveys/" + s.id() + "/tags",
                results,
                Map.of("questionId", String.valueOf(s.text()), "municipalityCode", "707", "tag", "x".repeat(61)));
        assertThat(bad.statusCode()).isEqualTo(302);
        String shown = region.get(results).body();
        assertThat(shown).contains("Mærke må højst være 60 tegn.", "id=\"tag-error-" + s.text() + "-707\"");
        assertThat(shown).contains("value=\"" + "x".repeat(61) + "\"");
        assertThat(tagRows(s.id())).isEqualTo(3);

        // remove
        HttpResponse<String> removed = region.post(
                "/surveys/" + s.id() + "/tags/remove",
                results,
                Map.of("questionId", String.valueOf(s.text()), "municipalityCode", "751", "tag", "Langt"));
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(region.get(results).body())
                .contains("Mærket &quot;Langt&quot; er fjernet.", "Langt (1)", "Midtvejs (1)");
        assertThat(region.post(
                                "/surveys/" + s.id() + "/tags/remove",
                                results,
                                Map.of(
                                        "questionId",
                                        String.valueOf(s.text()),
                                        "municipalityCode",
                                        "751",
                                        "tag",
                                        "Langt"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(region.get(results).body()).contains("Mærket findes ikke længere.");
        assertThat(auditRows(s.id(), "TAG_REMOVED")).isEqualTo(1);

        // others may not
        WebSession nord = WebSession.signIn(port, "region-nord");
        assertThat(nord.post(
                                "/surveys/" + s.id() + "/tags",
                                "/surveys",
                                Map.of("questionId", String.valueOf(s.text()), "municipalityCode", "707", "tag", "X"))
                        .statusCode())
                .isEqualTo(404);
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        assertThat(kommune.post(
                                "/surveys/" + s.id() + "/tags/remove",
                                "/surveys",
                                Map.of(
                                        "questionId",
                                        String.valueOf(s.text()),
                                        "municipalityCode",
                                        "707",
                                        "tag",
                                        "Langt"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(tagRows(s.id())).isEqualTo(2);

        // the workbook has a tag column per free-text question
        byte[] book = Api.on(port)
                .as("region-midt")
                .getBytes(PATH + "/" + s.id() + "/results.xlsx")
                .body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            var sheet = wb.getSheet("Svar");
            List<String> head = new ArrayList<>();
            sheet.getRow(0).forEach(c -> head.add(c.getStringCellValue()));
            assertThat(head).contains("2. Mærker", "3. Mærker");
            List<String> cells = new ArrayList<>();
            sheet.forEach(r -> r.forEach(c -> cells.add(c.toString())));
            assertThat(cells).contains("Langt", "Midtvejs");
        }
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    static String field(Api.Response r) {
        JsonNode p = assertProblem(r, 400, "VALIDATION_FAILED");
        List<String> f = fields(p);
        assertThat(f).as(r.body()).hasSize(1);
        return f.get(0);
    }
}
