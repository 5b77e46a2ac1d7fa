package dk.botilbudslaege.survey;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Status surveys (issue 14 items 5-7, SPEC §8): the region composes and sends, the addressed municipalities answer
 * until the deadline, the region reads the results; who may and may not, and the input that is refused.
 */
@IntegrationTest
class SurveysApiTest {

    static final String PATH = "/api/v1/surveys";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
    }

    static Map<String, Object> question(String text, String type, List<String> options, boolean required) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("text", text);
        q.put("type", type);
        if (options != null) {
            q.put("options", options);
        }
        q.put("required", required);
        return q;
    }

    Map<String, Object> survey(String title, List<String> codes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("intro", "Midtvejsstatus.\nSvar venligst.");
        body.put("deadline", today.plusDays(30).toString());
        body.put("reminderDays", List.of(7, 1));
        body.put(
                "questions",
                List.of(
                        question("Er der tilslutning til ordningen?", "YES_NO", null, true),
                        question(
                                "Hvor langt er I?",
                                "CHOICE",
                                List.of("Godt i gang", "I gang", "Dårlig tilslutning"),
                                true),
                        question(
                                "Hvem er inddraget?",
                                "MULTI",
                                List.of("KLU", "Praksiskonsulent", "Private botilbud"),
                                false),
                        question("Antal aftaler", "NUMBER", null, false),
                        question("Hvilke udfordringer opleves?", "TEXT", null, false)));
        body.put("addressees", Map.of("municipalityCodes", codes));
        return body;
    }

    JsonNode created(List<String> codes) {
        Api.Response r = api.as("region-midt").post(PATH, survey("Status " + UUID.randomUUID(), codes));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    long sent(List<String> codes) {
        long id = created(codes).path("id").asLong();
        Api.Response s = api.as("region-midt").post(PATH + "/" + id + "/send", null);
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        return id;
    }

    static List<Long> questionIds(JsonNode survey) {
        List<Long> ids = new ArrayList<>();
        survey.path("questions").forEach(q -> ids.add(q.path("id").asLong()));
        return ids;
    }

    static Map<String, Object> answers(Object... idsAndValues) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("questionId", idsAndValues[i]);
            a.put("value", idsAndValues[i + 1]);
            list.add(a);
        }
        return Map.of("answers", list);
    }

    @Test
    void theRegionComposesAndSendsAndTheAddresseesAreTold() {
        JsonNode draft = created(List.of("707", "751"));
        long id = draft.path("id").asLong();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("questions")).hasSize(5);
        assertThat(draft.path("questions").get(1).path("options")).hasSize(3);
        assertThat(draft.path("addressees").path("municipalityCodes").toString())
                .contains("707", "751");
        // a draft is not the municipality's
        assertProblem(api.as("kommune-norddjurs").get(PATH + "/" + id), 404, "NOT_FOUND");
        assertThat(api.as("kommune-norddjurs").get(PATH).body()).doesNotContain("\"id\":" + id + ",\"regionCode\"");

        Api.Response sent = api.as("region-midt").post(PATH + "/" + id + "/send", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("status").asString()).isEqualTo("SENT");
        assertProblem(api.as("region-midt").post(PATH + "/" + id + "/send", null), 409, "SURVEY_ALREADY_SENT");

        assertThat(jdbc.sql("select count(*) from notification where kind = 'SURVEY_SENT' and link = :l"
                                + " and username = 'kommune-norddjurs'")
                        .param("l", "/surveys/" + id + "/answer")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where kind = 'SURVEY_SENT' and link = :l"
                                + " and username = 'region-midt'")
                        .param("l", "/surveys/" + id + "/answer")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(api.as("kommune-norddjurs").get(PATH).body()).contains("\"id\":" + id + ",\"regionCode\"");
        assertThat(api.as("region-midt").get(PATH).body()).contains("\"id\":" + id + ",\"regionCode\"");
        assertThat(api.as("region-nord").get(PATH).body()).doesNotContain("\"id\":" + id + ",\"regionCode\"");
    }

    @Test
    void whoMayCallWhat() {
        long id = sent(List.of("707"));
        String one = PATH + "/" + id;
        for (String user : new String[] {"botilbud-skovstjernen", "laege-norddjurs", "national"}) {
            assertProblem(api.as(user).get(PATH), 403, "FORBIDDEN");
            assertProblem(api.as(user).post(PATH, survey("x", List.of("707"))), 403, "FORBIDDEN");
            assertProblem(api.as(user).get(one), 403, "FORBIDDEN");
            assertProblem(api.as(user).post(one + "/send", null), 403, "FORBIDDEN");
            assertProblem(api.as(user).get(one + "/answer"), 403, "FORBIDDEN");
            assertProblem(api.as(user).put(one + "/answer", answers()), 403, "FORBIDDEN");
            assertProblem(api.as(user).post(one + "/answer/submit", answers()), 403, "FORBIDDEN");
            assertProblem(api.as(user).get(one + "/results"), 403, "FORBIDDEN");
            assertThat(Api.on(port).as(user).getBytes(one + "/results.xlsx").statusCode())
                    .isEqualTo(403);
        }
        // the municipality does not compose, send or read results
        assertProblem(api.as("kommune-norddjurs").post(PATH, survey("x", List.of("707"))), 403, "FORBIDDEN");
        assertProblem(api.as("kommune-norddjurs").post(one + "/send", null), 403, "FORBIDDEN");
        assertProblem(api.as("kommune-norddjurs").get(one + "/results"), 403, "FORBIDDEN");
        // the region does not answer
        assertProblem(api.as("region-midt").get(one + "/answer"), 403, "FORBIDDEN");
        assertProblem(api.as("region-midt").put(one + "/answer", answers()), 403, "FORBIDDEN");
        // another region and a municipality not addressed know nothing of it
        assertProblem(api.as("region-nord").get(one), 404, "NOT_FOUND");
        assertProblem(api.as("region-nord").post(one + "/send", null), 404, "NOT_FOUND");
        assertProblem(api.as("region-nord").get(one + "/results"), 404, "NOT_FOUND");
        assertThat(Api.on(port)
                        .as("region-nord")
                        .getBytes(one + "/results.xlsx")
                        .statusCode())
                .isEqualTo(404);
        assertProblem(api.as("kommune-aarhus").get(one), 404, "NOT_FOUND");
        assertProblem(api.as("kommune-aarhus").get(one + "/answer"), 404, "NOT_FOUND");
        assertProblem(api.as("kommune-aarhus").put(one + "/answer", answers()), 404, "NOT_FOUND");
        assertProblem(api.as("kommune-aarhus").post(one + "/answer/submit", answers()), 404, "NOT_FOUND");
        assertProblem(api.as("region-midt").get(PATH + "/999999999"), 404, "NOT_FOUND");
        assertThat(api.anonymous().get(PATH).status()).isEqualTo(401);
    }

    @Test
    void everyBadFieldOfASurveyInOne400() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", " ");
        body.put("deadline", today.toString());
        body.put("reminderDays", List.of(0));
        body.put(
                "questions",
                List.of(
                        question("Ét valg", "CHOICE", List.of("Kun en"), true),
                        question("", "MULTI", List.of("a", "a"), false),
                        question("Type", "DATE", null, false)));
        body.put("addressees", Map.of("municipalityCodes", List.of("707", "851")));
        JsonNode problem = assertProblem(api.as("region-midt").post(PATH, body), 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .contains(
                        "title",
                        "deadline",
                        "reminderDays[0]",
                        "questions[0].options",
                        "questions[1].text",
                        "questions[1].options[1]",
                        "questions[2].type",
                        "addressees.municipalityCodes[1]");
        // a reminder on or before today, and a body with nothing
        Map<String, Object> late = survey("Sen påmindelse", List.of("707"));
        late.put("deadline", today.plusDays(3).toString());
        late.put("reminderDays", List.of(3));
        assertThat(assertProblem(api.as("region-midt").post(PATH, late), 400, "VALIDATION_FAILED")
                        .toString())
                .contains("reminderDays[0]", "Påmindelsen 3 dage før svarfristen");
        late.put("reminderDays", List.of(1));
        late.put("deadline", today.plusDays(1).toString());
        assertThat(assertProblem(api.as("region-midt").post(PATH, late), 400, "VALIDATION_FAILED")
                        .toString())
                .contains("Påmindelsen 1 dag før svarfristen");
        assertProblem(api.as("region-midt").post(PATH, Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(
                api.as("region-midt").postRaw(PATH, "application/json", "{\"title\": 12, \"deadline\": \"i morgen\"}"),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void theMunicipalityAnswersUntilTheDeadlineAndTheRegionReadsTheResults() {
        long id = sent(List.of("707", "751", "706"));
        String one = PATH + "/" + id;
        List<Long> q = questionIds(api.as("kommune-norddjurs").get(one).json());

        Api.Response empty = api.as("kommune-norddjurs").get(one + "/answer");
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().path("submitted").asBoolean()).isFalse();

        // a draft needs no required answer; wrong values are refused per question, all at once
        Api.Response bad = api.as("kommune-norddjurs")
                .put(
                        one + "/answer",
                        answers(
                                q.get(0),
                                "ja",
                                q.get(1),
                                "Måske",
                                q.get(2),
                                List.of("KLU", "X"),
                                q.get(3),
                                "3",
                                999999L,
                                1));
        JsonNode problem = assertProblem(bad, 400, "VALIDATION_FAILED");
        assertThat(problem.path("errors")).hasSize(5);
        // an unknown question is named by its id, not by a position
        assertThat(problem.toString()).contains("Spørgsmålet med id 999999 findes ikke i statusundersøgelsen.");
        Api.Response draft = api.as("kommune-norddjurs").put(one + "/answer", answers(q.get(4), "Lægemangel"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().path("submitted").asBoolean()).isFalse();
        // submit: the required questions must be answered
        assertThat(assertProblem(
                                api.as("kommune-norddjurs").post(one + "/answer/submit", null),
                                400,
                                "VALIDATION_FAILED")
                        .path("errors"))
                .hasSize(2);
        Api.Response submitted = api.as("kommune-norddjurs")
                .post(
                        one + "/answer/submit",
                        answers(
                                q.get(0),
                                true,
                                q.get(1),
                                "Godt i gang",
                                q.get(2),
                                List.of("Private botilbud", "KLU"),
                                q.get(3),
                                4,
                                q.get(4),
                                "Lægemangel"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("submitted").asBoolean()).isTrue();
        api.as("kommune-aarhus").post(one + "/answer/submit", answers(q.get(0), false, q.get(1), "I gang"));

        Api.Response results = api.as("region-midt").get(one + "/results");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        JsonNode r = results.json();
        assertThat(r.path("addressees").asInt()).isEqualTo(3);
        assertThat(r.path("submitted").asInt()).isEqualTo(2);
        assertThat(r.path("responseRate").decimalValue()).isEqualByComparingTo("0.667");
        assertThat(r.path("notAnswered")).hasSize(1);
        assertThat(r.path("notAnswered").get(0).path("municipalityCode").asString())
                .isEqualTo("706");
        assertThat(r.path("notAnswered").get(0).path("name").asString()).isEqualTo("Syddjurs");
        JsonNode yesNo = r.path("questions").get(0);
        assertThat(yesNo.path("counts").path("true").asInt()).isEqualTo(1);
        assertThat(yesNo.path("counts").path("false").asInt()).isEqualTo(1);
        assertThat(r.path("questions").get(1).path("counts").path("Godt i gang").asInt())
                .isEqualTo(1);
        assertThat(r.path("questions").get(2).path("counts").path("KLU").asInt())
                .isEqualTo(1);
        assertThat(r.path("questions")
                        .get(4)
                        .path("answers")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo("Lægemangel");
        assertThat(Api.on(port)
                        .as("region-midt")
                        .getBytes(one + "/results.xlsx")
                        .statusCode())
                .isEqualTo(200);

        // after the deadline the answer stays as it is
        jdbc.sql("update survey set deadline = :d where id = :id")
                .param("d", today.minusDays(1))
                .param("id", id)
                .update();
        assertProblem(
                api.as("kommune-norddjurs").put(one + "/answer", answers(q.get(4), "Ændret")), 409, "SURVEY_CLOSED");
        assertProblem(api.as("kommune-aarhus").post(one + "/answer/submit", null), 409, "SURVEY_CLOSED");
        assertThat(api.as("kommune-norddjurs")
                        .get(one + "/answer")
                        .json()
                        .path("editable")
                        .asBoolean())
                .isFalse();
    }
}
