package dk.botilbudslaege.survey;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Surveys and answers are kept and audited (issue 14 item 7): each action writes exactly one audit row with its actor
 * and action, a refused one none; an answer's row names the questions changed, never the answers; the region reads
 * the history on the results page in words; a survey is never deleted.
 */
@IntegrationTest
class SurveyAuditTest {

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

    Map<String, Object> body(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("deadline", today.plusDays(30).toString());
        body.put("reminderDays", List.of(7));
        body.put(
                "questions",
                List.of(
                        SurveysApiTest.question("Er I i gang?", "YES_NO", null, true),
                        SurveysApiTest.question("Hvor langt er I?", "TEXT", null, false),
                        SurveysApiTest.question("Hvor mange?", "NUMBER", null, false)));
        body.put("addressees", Map.of("municipalityCodes", List.of("707", "751", "706")));
        return body;
    }

    record Row(String actor, String action, JsonNode changes) {}

    List<Row> rows(long id) {
        return jdbc.sql("select actor, action, changes::text from audit_event"
                        + " where entity_type = 'SURVEY' and entity_id = :id order by id")
                .param("id", String.valueOf(id))
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        JsonMapper.builder().build().readTree(rs.getString(3))))
                .list();
    }

    int all(String action) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'SURVEY' and action = :a")
                .param("a", action)
                .query(Integer.class)
                .single();
    }

    @Test
    void creating_and_sending_each_write_one_row_a_refused_one_none() {
        int createdBefore = all("SURVEY_CREATED");
        Map<String, Object> bad = body(" ");
        assertProblem(api.as("region-midt").post(PATH, bad), 400, "VALIDATION_FAILED");
        assertProblem(api.as("kommune-norddjurs").post(PATH, body("Ikke en region")), 403, "FORBIDDEN");
        assertThat(all("SURVEY_CREATED")).isEqualTo(createdBefore);

        String title = "Revision " + UUID.randomUUID();
        Api.Response created = api.as("region-midt").post(PATH, body(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(all("SURVEY_CREATED")).isEqualTo(createdBefore + 1);
        List<Row> rows = rows(id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).actor()).isEqualTo("region-midt");
        assertThat(rows.get(0).action()).isEqualTo("SURVEY_CREATED");
        JsonNode changes = rows.get(0).changes();
        assertThat(changes.path("title").path("to").asString()).isEqualTo(title);
        assertThat(changes.path("deadline").path("to").asString())
                .isEqualTo(today.plusDays(30).toString());
        assertThat(changes.path("questions").path("to").asInt()).isEqualTo(3);
        assertThat(changes.path("municipalityCodes").path("to").toString()).isEqualTo("[\"706\",\"707\",\"751\"]");

        // another region, a municipality: refused, nothing written
        assertProblem(api.as("region-nord").post(PATH + "/" + id + "/send", null), 404, "NOT_FOUND");
        assertProblem(api.as("kommune-norddjurs").post(PATH + "/" + id + "/send", null), 403, "FORBIDDEN");
        assertThat(rows(id)).hasSize(1);

        assertThat(api.as("region-midt").post(PATH + "/" + id + "/send", null).status())
                .isEqualTo(200);
        rows = rows(id);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).actor()).isEqualTo("region-midt");
        assertThat(rows.get(1).action()).isEqualTo("SURVEY_SENT");
        assertThat(rows.get(1).changes().path("status").path("to").asString()).isEqualTo("SENT");
        assertThat(rows.get(1).changes().path("addressees").path("to").asInt()).isEqualTo(3);
        assertThat(rows.get(1).changes().path("municipalityCodes").path("to").toString())
                .isEqualTo("[\"706\",\"707\",\"751\"]");

        // sent twice: 409, nothing written
        assertProblem(api.as("region-midt").post(PATH + "/" + id + "/send", null), 409, "SURVEY_ALREADY_SENT");
        assertThat(rows(id)).hasSize(2);
    }

    @Test
    void an_answer_saved_submitted_and_changed_each_write_one_row_naming_the_questions_not_the_answers() {
        Api.Response created = api.as("region-midt").post(PATH, body("Svar " + UUID.randomUUID()));
        long id = created.json().path("id").asLong();
        List<Long> q = SurveysApiTest.questionIds(created.json());
        api.as("region-midt").post(PATH + "/" + id + "/send", null);
        String answer = PATH + "/" + id + "/answer";

        // bad input: nothing written
        assertProblem(
                api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(q.get(0), "måske")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                api.as("kommune-norddjurs").post(answer + "/submit", SurveysApiTest.answers(q.get(1), "Langt.")),
                400,
                "VALIDATION_FAILED");
        assertThat(rows(id)).hasSize(2);

        Api.Response saved = api.as("kommune-norddjurs")
                .put(answer, SurveysApiTest.answers(q.get(1), "Hemmelig tekst", q.get(2), 5));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        List<Row> rows = rows(id);
        assertThat(rows).hasSize(3);
        Row draft = rows.get(2);
        assertThat(draft.actor()).isEqualTo("kommune-norddjurs");
        assertThat(draft.action()).isEqualTo("ANSWER_DRAFT_SAVED");
        assertThat(draft.changes().path("municipalityCode").path("to").asString())
                .isEqualTo("707");
        assertThat(draft.changes().path("questionIds").path("to").toString())
                .isEqualTo("[" + q.get(1) + "," + q.get(2) + "]");
        assertThat(draft.changes().toString()).doesNotContain("Hemmelig");

        // submitted with the yes/no added and the number the same (5.0 is 5)
        Api.Response submitted = api.as("kommune-norddjurs")
                .post(
                        answer + "/submit",
                        SurveysApiTest.answers(q.get(0), true, q.get(1), "Hemmelig tekst", q.get(2), 5.0));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        rows = rows(id);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3).actor()).isEqualTo("kommune-norddjurs");
        assertThat(rows.get(3).action()).isEqualTo("ANSWER_SUBMITTED");
        assertThat(rows.get(3).changes().path("questionIds").path("to").toString())
                .isEqualTo("[" + q.get(0) + "]");
        assertThat(rows.get(3).changes().path("submitted").path("to").asBoolean())
                .isTrue();

        // changed after submission, before the deadline: one row naming the question changed
        Api.Response changed = api.as("kommune-norddjurs")
                .put(answer, SurveysApiTest.answers(q.get(0), true, q.get(1), "Anden tekst", q.get(2), 5));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        rows = rows(id);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(4).actor()).isEqualTo("kommune-norddjurs");
        assertThat(rows.get(4).action()).isEqualTo("ANSWER_CHANGED");
        assertThat(rows.get(4).changes().path("questionIds").path("to").toString())
                .isEqualTo("[" + q.get(1) + "]");
        assertThat(rows.get(4).changes().toString()).doesNotContain("tekst");

        // another municipality submits through the saved draft (no values): one row
        api.as("kommune-aarhus").put(answer, SurveysApiTest.answers(q.get(0), false));
        assertThat(api.as("kommune-aarhus").post(answer + "/submit", null).status())
                .isEqualTo(200);
        rows = rows(id);
        assertThat(rows).hasSize(7);
        assertThat(rows.get(6).actor()).isEqualTo("kommune-aarhus");
        assertThat(rows.get(6).action()).isEqualTo("ANSWER_SUBMITTED");
        assertThat(rows.get(6).changes().path("municipalityCode").path("to").asString())
                .isEqualTo("751");

        // the wrong role: nothing written
        assertProblem(api.as("region-midt").put(answer, SurveysApiTest.answers(q.get(0), true)), 403, "FORBIDDEN");

        // after the deadline: refused, nothing written
        jdbc.sql("update survey set deadline = :d where id = :id")
                .param("d", today.minusDays(1))
                .param("id", id)
                .update();
        assertProblem(
                api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(q.get(1), "For sent")),
                409,
                "SURVEY_CLOSED");
        assertProblem(api.as("kommune-aarhus").post(answer + "/submit", null), 409, "SURVEY_CLOSED");
        assertThat(rows(id)).hasSize(7);
    }

    @Test
    void the_results_page_shows_the_history_in_words_with_names_and_surveys_are_never_deleted() {
        Api.Response created = api.as("region-midt").post(PATH, body("Historik " + UUID.randomUUID()));
        long id = created.json().path("id").asLong();
        List<Long> q = SurveysApiTest.questionIds(created.json());
        api.as("region-midt").post(PATH + "/" + id + "/send", null);
        api.as("kommune-norddjurs")
                .post(PATH + "/" + id + "/answer/submit", SurveysApiTest.answers(q.get(0), true, q.get(1), "Tekst"));

        HttpResponse<String> page = WebSession.signIn(port, "region-midt").get("/surveys/" + id + "/results");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        String history = html.substring(html.indexOf("id=\"survey-history\""));
        String region = displayName("region-midt");
        String kommune = displayName("kommune-norddjurs");
        assertThat(history)
                .contains("Historik")
                .contains("Statusundersøgelse oprettet som kladde")
                .contains("Statusundersøgelse sendt")
                .contains("Svar indsendt")
                .contains(region)
                .contains(kommune)
                .contains("Modtagere")
                .contains("Aarhus, Norddjurs, Syddjurs")
                .contains("Antal modtagere")
                .contains("<span>Kladde</span>")
                .contains("<span>Sendt</span>")
                .contains("Spørgsmål med ændrede svar (nr.)")
                .contains("1, 2")
                .doesNotContain("Tekst")
                .doesNotContain("kommune-norddjurs")
                .doesNotContain("706");

        // no DELETE of a survey: the survey stays
        Api.Response delete = api.as("region-midt").delete(PATH + "/" + id);
        assertThat(delete.status()).isIn(404, 405);
        assertThat(jdbc.sql("select count(*) from survey where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    String displayName(String username) {
        return jdbc.sql("select display_name from security_user where username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }
}
