package dk.botilbudslaege.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey pages (issue 14 items 5-7): compose, preview, send after confirmation, answer, results; who may open
 * which page, and bad input kept by its field with nothing saved.
 */
@IntegrationTest
class SurveyPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LocalDate deadline = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(30);

    Map<String, String> form(String title) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("intro", "Status midtvejs.");
        f.put("deadline", deadline.toString());
        f.put("reminderDays", "7, 1");
        f.put("municipality", "707");
        f.put("q0.text", "Har alle botilbud en fast læge?");
        f.put("q0.type", "YES_NO");
        f.put("q0.required", "true");
        f.put("q2.text", "Hvor mange beboere?");
        f.put("q2.type", "NUMBER");
        return f;
    }

    /** Creates a draft through the page; its id. */
    long draft(WebSession region, Map<String, String> fields) {
        HttpResponse<String> r = region.post("/surveys/new", "/surveys/new", fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/surveys/(\\d+).*", "$1"));
    }

    @Test
    void the_region_composes_previews_sends_and_reads_the_results() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String compose = region.get("/surveys/new").body();
        assertThat(compose).contains("Ny statusundersøgelse", "Norddjurs", "value=\"7, 1\"");
        assertThat(compose).contains("name=\"municipality\" value=\"707\"").contains("checked");

        String title = "Status " + UUID.randomUUID();
        long id = draft(region, form(title));
        // empty rows are left out: two questions, in order
        assertThat(jdbc.sql("select count(*) from survey_question where survey_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        String preview = region.get("/surveys/" + id).body();
        assertThat(preview)
                .contains(title, "Kladde", "Har alle botilbud en fast læge?", "/surveys/" + id + "/send")
                // as the municipalities will see it: the answer form, disabled (a number field, not the word "Tal")
                .contains("id=\"preview-form\"", "inputmode=\"decimal\"");

        String confirm = region.get("/surveys/" + id + "/send").body();
        assertThat(confirm).contains("sendes til 1 kommune:", "Norddjurs", "kan ikke kaldes tilbage");
        // without the confirmation nothing is sent
        region.post("/surveys/" + id + "/send", "/surveys/" + id + "/send", Map.of());
        assertThat(status(id)).isEqualTo("DRAFT");
        HttpResponse<String> sent =
                region.post("/surveys/" + id + "/send", "/surveys/" + id + "/send", Map.of("confirmed", "true"));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("SENT");
        String results = region.get("/surveys/" + id + "/results").body();
        assertThat(results).contains("0 af 1 (0,0 %)", "Norddjurs", "/api/v1/surveys/" + id + "/results.xlsx");
        assertThat(region.get("/surveys").body()).contains(title, "0 af 1 (0,0 %)");

        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        assertThat(kommune.get("/surveys").body()).contains(title, "Ikke besvaret");
        long q1 = question(id, 1);
        long q2 = question(id, 2);
        String answerPage = "/surveys/" + id + "/answer";
        assertThat(kommune.get(answerPage).body()).contains("Gem kladde", "Indsend", "indtil svarfristen");
        // a number that is no number: the message by the field, the text kept, nothing saved
        HttpResponse<String> bad =
                kommune.post(answerPage, answerPage, Map.of("a" + q1, "true", "a" + q2, "mange", "action", "save"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Spørgsmål 2: skriv et tal", "value=\"mange\"");
        assertThat(kommune.get("/surveys").body()).contains("Ikke besvaret");
        // a draft, then submitted
        assertThat(kommune.post(answerPage, answerPage, Map.of("a" + q2, "12", "action", "save"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(kommune.get("/surveys").body()).contains("Kladde");
        // submitting without the required question: refused by that question
        HttpResponse<String> missing = kommune.post(answerPage, answerPage, Map.of("a" + q2, "12", "action", "submit"));
        assertThat(missing.body()).contains("Spørgsmål 1 skal besvares", "id=\"a" + q1 + "-error\"");
        assertThat(kommune.post(answerPage, answerPage, Map.of("a" + q1, "true", "a" + q2, "12", "action", "submit"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(kommune.get("/surveys").body()).contains("Indsendt");

        String after = region.get("/surveys/" + id + "/results").body();
        assertThat(after).contains("1 af 1 (100,0 %)", "Norddjurs", "12");
    }

    @Test
    void the_intro_questions_options_and_text_answers_may_hold_several_lines_the_title_not() {
        // found by the issue 14 review: options "one per line" and a multi-line answer got the 400 page
        WebSession region = WebSession.signIn(port, "region-midt");
        Map<String, String> f = form("Linjer " + UUID.randomUUID());
        f.put("intro", "Kære kommune\r\n\r\nSvar venligst inden fristen.");
        f.put("q1.text", "Hvilke udfordringer?\r\nVælg alle der passer.");
        f.put("q1.type", "MULTI");
        f.put("q1.options", "Få læger\r\nLange afstande\r\nØkonomi");
        f.put("q3.text", "Hvad mangler?");
        f.put("q3.type", "TEXT");
        long id = draft(region, f);
        assertThat(jdbc.sql("select options::text from survey_question where survey_id = :id and type = 'MULTI'")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("Få læger", "Lange afstande", "Økonomi");
        region.post("/surveys/" + id + "/send", "/surveys/" + id + "/send", Map.of("confirmed", "true"));
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        String answerPage = "/surveys/" + id + "/answer";
        long text = jdbc.sql("select id from survey_question where survey_id = :id and type = 'TEXT'")
                .param("id", id)
                .query(Long.class)
                .single();
        HttpResponse<String> saved = kommune.post(
                answerPage, answerPage, Map.of("a" + text, "Første linje\r\nAnden linje", "action", "save"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        // the title stays one line: refused, not saved
        Map<String, String> twoLines = form("Titel\r\nmed to linjer " + UUID.randomUUID());
        HttpResponse<String> refused = region.post("/surveys/new", "/surveys/new", twoLines);
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void tilfoej_spoergsmaal_adds_a_row_with_the_input_kept_up_to_the_apis_limit() {
        WebSession region = WebSession.signIn(port, "region-midt");
        assertThat(region.get("/surveys/new").body())
                .contains("id=\"q7\"", "id=\"add-question\"")
                .doesNotContain("id=\"q8\"");
        String title = "Rækker " + UUID.randomUUID();
        Map<String, String> f = form(title);
        f.put("rows", "8");
        f.put("action", "addQuestion");
        HttpResponse<String> more = region.post("/surveys/new", "/surveys/new", f);
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body())
                .contains("id=\"q8\"", "name=\"rows\" value=\"9\"", "value=\"" + title + "\"")
                .contains("Har alle botilbud en fast læge?")
                .doesNotContain("id=\"q9\"");
        // nothing is saved by adding a row
        assertThat(jdbc.sql("select count(*) from survey where title = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
        // the ninth row is saved with the rest
        f.remove("action");
        f.put("rows", "9");
        f.put("q8.text", "Det niende spørgsmål");
        f.put("q8.type", "TEXT");
        long id = draft(region, f);
        assertThat(jdbc.sql("select text from survey_question where survey_id = :id and position = 3")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Det niende spørgsmål");
        // at most as many rows as a survey may have questions; a forged count is held to it
        f.put("rows", "5000");
        f.put("action", "addQuestion");
        String full = region.post("/surveys/new", "/surveys/new", f).body();
        assertThat(full)
                .contains(
                        "id=\"q" + (Surveys.MAX_QUESTIONS - 1) + "\"", "Højst " + Surveys.MAX_QUESTIONS + " spørgsmål.")
                .doesNotContain("id=\"q" + Surveys.MAX_QUESTIONS + "\"", "id=\"add-question\"");
    }

    @Test
    void bad_input_is_shown_by_its_field_with_the_input_kept_and_nothing_saved() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String title = "Fejl " + UUID.randomUUID();
        Map<String, String> f = form(title);
        f.put("deadline", "i morgen");
        f.put("reminderDays", "7, x");
        f.put("q2.type", "CHOICE");
        f.put("q2.options", "Kun én");
        HttpResponse<String> r = region.post("/surveys/new", "/surveys/new", f);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("Svarfrist skal være en dato", "Påmindelser skal være hele antal dage", "mindst to")
                .contains("value=\"" + title + "\"", "value=\"i morgen\"", "value=\"7, x\"", "Kun én");
        assertThat(jdbc.sql("select count(*) from survey where title = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
        Map<String, String> none = form(title);
        none.remove("municipality");
        assertThat(region.post("/surveys/new", "/surveys/new", none).body()).contains("vælg mindst én kommune");
    }

    @Test
    void only_the_region_composes_and_reads_results_and_only_its_own() {
        WebSession region = WebSession.signIn(port, "region-midt");
        long id = draft(region, form("Ret " + UUID.randomUUID()));
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        assertThat(kommune.get("/surveys/new").statusCode()).isEqualTo(403);
        assertThat(kommune.get("/surveys/" + id + "/results").statusCode()).isEqualTo(403);
        assertThat(kommune.get("/surveys/" + id + "/send").statusCode()).isEqualTo(403);
        // a draft is not the municipality's yet
        assertThat(kommune.get("/surveys/" + id + "/answer").statusCode()).isEqualTo(404);
        WebSession nord = WebSession.signIn(port, "region-nord");
        assertThat(nord.get("/surveys/" + id).statusCode()).isEqualTo(404);
        assertThat(nord.get("/surveys/" + id + "/results").statusCode()).isEqualTo(404);
        assertThat(nord.get("/surveys/" + id + "/send").statusCode()).isEqualTo(404);
        assertThat(nord.post("/surveys/" + id + "/send", "/surveys", Map.of("confirmed", "true"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(nord.get("/surveys").body()).doesNotContain("/surveys/" + id + "\"");
        WebSession facility = WebSession.signIn(port, "botilbud-skovstjernen");
        assertThat(facility.get("/surveys").statusCode()).isEqualTo(403);
        // the region answers nothing: the answer page leads to the preview
        assertThat(region.get("/surveys/" + id + "/answer").statusCode()).isEqualTo(302);
        // another municipality of the region, not addressed: 404 once sent
        region.post("/surveys/" + id + "/send", "/surveys/" + id + "/send", Map.of("confirmed", "true"));
        WebSession aarhus = WebSession.signIn(port, "kommune-aarhus");
        assertThat(aarhus.get("/surveys/" + id + "/answer").statusCode()).isEqualTo(404);
        assertThat(aarhus.post(
                                "/surveys/" + id + "/answer",
                                "/surveys",
                                Map.of("a" + question(id, 1), "true", "action", "submit"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void after_the_deadline_the_answer_is_read_only() {
        WebSession region = WebSession.signIn(port, "region-midt");
        long id = draft(region, form("Frist " + UUID.randomUUID()));
        region.post("/surveys/" + id + "/send", "/surveys/" + id + "/send", Map.of("confirmed", "true"));
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        String answerPage = "/surveys/" + id + "/answer";
        long q1 = question(id, 1);
        kommune.post(answerPage, answerPage, Map.of("a" + q1, "true", "action", "submit"));
        jdbc.sql("update survey set deadline = current_date - 1 where id = :id")
                .param("id", id)
                .update();
        String page = kommune.get(answerPage).body();
        assertThat(page).contains("svaret kan kun læses", "disabled").doesNotContain("id=\"submit-answer\"");
        HttpResponse<String> late = kommune.post(answerPage, "/surveys", Map.of("a" + q1, "false", "action", "submit"));
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("Svarfristen er overskredet; svaret kan ikke længere ændres");
        assertThat(jdbc.sql("select answers::text from survey_answer where survey_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .contains("true");
    }

    String status(long id) {
        return jdbc.sql("select status from survey where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long question(long survey, int position) {
        return jdbc.sql("select id from survey_question where survey_id = :s and position = :p")
                .param("s", survey)
                .param("p", position)
                .query(Long.class)
                .single();
    }
}
