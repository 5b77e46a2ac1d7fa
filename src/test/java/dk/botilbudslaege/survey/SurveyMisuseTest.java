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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Review 14b (misuse inside a user's scope, and the users in a browser): no CPR number and no resident named in any
 * survey text, answer or tag; tags go with the text they were put on; lengths in characters; one value per
 * single-value question on the page; the submitted answer's page; Danish numbers; the XLSX's cells; the send
 * confirmation's words.
 */
@IntegrationTest
class SurveyMisuseTest {

    static final String PATH = "/api/v1/surveys";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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

    Map<String, Object> body(String title, List<String> codes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("deadline", today.plusDays(30).toString());
        body.put(
                "questions",
                List.of(
                        SurveysApiTest.question("Er I i gang?", "YES_NO", null, false),
                        SurveysApiTest.question("Hvor langt?", "CHOICE", List.of("A", "B"), false),
                        SurveysApiTest.question("Hvem?", "MULTI", List.of("X", "Y"), false),
                        SurveysApiTest.question("Antal?", "NUMBER", null, false),
                        SurveysApiTest.question("Udfordringer?", "TEXT", null, false)));
        body.put("addressees", Map.of("municipalityCodes", codes));
        return body;
    }

    /** A sent survey to the codes: its id and question ids (yes/no, choice, multi, number, text). */
    record Sent(long id, List<Long> q) {}

    Sent sent(List<String> codes) {
        Api.Response created = api.as("region-midt").post(PATH, body("Misbrug " + UUID.randomUUID(), codes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api.as("region-midt").post(PATH + "/" + id + "/send", null).status())
                .isEqualTo(200);
        return new Sent(id, SurveysApiTest.questionIds(created.json()));
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    @Test
    void no_cpr_number_and_no_resident_named_in_the_surveys_texts() {
        Map<String, Object> b = body("R14b 010203-1234", List.of("707"));
        b.put("intro", "R14b beboeren Hans har det godt");
        b.put(
                "questions",
                List.of(
                        SurveysApiTest.question("0102031234?", "TEXT", null, false),
                        SurveysApiTest.question("Valg", "CHOICE", List.of("010203-1234", "B"), false)));
        JsonNode problem = assertProblem(api.as("region-midt").post(PATH, b), 400, "VALIDATION_FAILED");
        assertThat(fields(problem))
                .containsExactlyInAnyOrder("title", "intro", "questions[0].text", "questions[1].options[0]");
        assertThat(problem.toString())
                .contains("Titel ligner et CPR-nummer", "Indledning nævner en beboer ved navn")
                .contains("Spørgsmålets tekst ligner et CPR-nummer", "Svarmulighed ligner et CPR-nummer");
        // a school or a contact person named is no resident
        Map<String, Object> fine = body("Hans Christian Andersen Skolen " + UUID.randomUUID(), List.of("707"));
        fine.put("intro", "Kontaktperson Mette Jensen svarer på spørgsmål.");
        assertThat(api.as("region-midt").post(PATH, fine).status()).isEqualTo(201);
    }

    @Test
    void no_cpr_number_and_no_resident_named_in_an_answer_or_a_tag() {
        Sent s = sent(List.of("707"));
        String answer = PATH + "/" + s.id() + "/answer";
        JsonNode cpr = assertProblem(
                api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(s.q().get(4), "R14b CPR 010203-1234")),
                400,
                "VALIDATION_FAILED");
        assertThat(cpr.toString()).contains("Svaret til spørgsmål 5 ligner et CPR-nummer");
        assertThat(fields(cpr)).containsExactly("answers[0].value");
        assertProblem(
                api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(s.q().get(4), "R14b 0102031234")),
                400,
                "VALIDATION_FAILED");
        assertThat(assertProblem(
                                api.as("kommune-norddjurs")
                                        .put(answer, SurveysApiTest.answers(s.q().get(4), "Beboeren Hans er glad")),
                                400,
                                "VALIDATION_FAILED")
                        .toString())
                .contains("Svaret til spørgsmål 5 nævner en beboer ved navn");
        // the page: at the field, the text kept, nothing saved
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        String page = "/surveys/" + s.id() + "/answer";
        HttpResponse<String> refused =
                kommune.post(page, page, Map.of("a" + s.q().get(4), "CPR 010203-1234", "action", "save"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("ligner et CPR-nummer", "CPR 010203-1234");
        assertThat(jdbc.sql("select count(*) from survey_answer where survey_id = :s")
                        .param("s", s.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // a school named is fine; then a tag with a CPR number is refused
        Api.Response ok = api.as("kommune-norddjurs")
                .post(answer + "/submit", SurveysApiTest.answers(s.q().get(4), "Hans Christian Andersen Skolen"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode tag = assertProblem(
                api.as("region-midt")
                        .post(
                                PATH + "/" + s.id() + "/tags",
                                SurveyTagsTest.tag(s.q().get(4), "707", "R14b 010203-1234")),
                400,
                "VALIDATION_FAILED");
        assertThat(fields(tag)).containsExactly("tag");
        assertThat(tag.toString()).contains("Mærke ligner et CPR-nummer");
    }

    @Test
    void the_tags_go_when_the_text_they_were_put_on_changes_or_goes() {
        Sent s = sent(List.of("707"));
        long text = s.q().get(4);
        String answer = PATH + "/" + s.id() + "/answer";
        assertThat(api.as("kommune-norddjurs")
                        .post(answer + "/submit", SurveysApiTest.answers(text, "Vi er langt."))
                        .status())
                .isEqualTo(200);
        String tags = PATH + "/" + s.id() + "/tags";
        assertThat(api.as("region-midt")
                        .post(tags, SurveyTagsTest.tag(text, "707", "Langt"))
                        .status())
                .isEqualTo(201);
        // the same text again: the tag stays
        api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(text, "Vi er langt.", s.q().get(0), true));
        assertThat(api.as("region-midt").get(tags).json()).hasSize(1);
        // the text removed: the tag goes, and does not come back on a new text
        Api.Response cleared = api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(s.q().get(0), false));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(api.as("region-midt").get(tags).json()).isEmpty();
        api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(text, "Ny tekst."));
        assertThat(api.as("region-midt").get(tags).json()).isEmpty();
        // a changed text loses its tags too
        api.as("region-midt").post(tags, SurveyTagsTest.tag(text, "707", "Midtvejs"));
        assertThat(api.as("region-midt").get(tags).json()).hasSize(1);
        api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(text, "En anden tekst."));
        assertThat(api.as("region-midt").get(tags).json()).isEmpty();
    }

    @Test
    void lengths_count_characters_an_option_twice_is_named_and_delete_names_every_missing_field() {
        Sent s = sent(List.of("707"));
        String answer = PATH + "/" + s.id() + "/answer";
        String emoji = "😀".repeat(Surveys.MAX_TEXT_ANSWER);
        Api.Response ok = api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(s.q().get(4), emoji));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertProblem(
                api.as("kommune-norddjurs").put(answer, SurveysApiTest.answers(s.q().get(4), emoji + "😀")),
                400,
                "VALIDATION_FAILED");
        assertThat(assertProblem(
                                api.as("kommune-norddjurs")
                                        .put(answer, SurveysApiTest.answers(s.q().get(2), List.of("X", "X"))),
                                400,
                                "VALIDATION_FAILED")
                        .toString())
                .contains("svarmuligheden \\\"X\\\" er valgt to gange");
        JsonNode missing =
                assertProblem(api.as("region-midt").delete(PATH + "/" + s.id() + "/tags"), 400, "VALIDATION_FAILED");
        assertThat(fields(missing)).containsExactlyInAnyOrder("questionId", "municipalityCode", "tag");
        // who may: still 404/403 first
        assertThat(api.as("region-nord").delete(PATH + "/" + s.id() + "/tags").status())
                .isEqualTo(404);
    }

    @Test
    void the_answer_page_refuses_repeated_values_shows_danish_numbers_and_no_draft_once_submitted() {
        Sent s = sent(List.of("707"));
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        String page = "/surveys/" + s.id() + "/answer";
        Matcher m = CSRF.matcher(kommune.get(page).body());
        assertThat(m.find()).isTrue();
        String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&a" + s.q().get(1) + "=B&a"
                + s.q().get(1) + "=A&a" + s.q().get(0) + "=false&a" + s.q().get(0) + "=true&action=save";
        HttpResponse<String> repeated =
                kommune.request("POST", page, body, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.body()).contains("Spørgsmål 1: vælg ét svar.", "Spørgsmål 2: vælg ét svar.");
        assertThat(jdbc.sql("select count(*) from survey_answer where survey_id = :s")
                        .param("s", s.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // a number typed as Danes write it is shown back so
        HttpResponse<String> saved = kommune.post(page, page, Map.of("a" + s.q().get(3), "3,5", "action", "submit"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String after = kommune.get(page).body();
        assertThat(after).contains("value=\"3,5\"");
        // submitted: no "Gem kladde" (it would publish the change), and the page says the region sees a change
        assertThat(after)
                .doesNotContain("id=\"save-draft\"")
                .contains("id=\"submit-answer\"", "ser regionen ændringen med det samme");
        // a "Gem kladde" from a page opened before the submit: the change reaches the region, and the page says so
        HttpResponse<String> stale = kommune.post(page, page, Map.of("a" + s.q().get(3), "1.234", "action", "draft"));
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(302);
        String told = kommune.get(page).body();
        assertThat(told).contains("Svaret er indsendt").doesNotContain("Regionen ser den ikke");
        assertThat(told).as("1.234 is a thousand and more in Danish").contains("value=\"1.234\"");
        assertThat(jdbc.sql(
                                "select answers ->> :q from survey_answer where survey_id = :s and municipality_code = '707'")
                        .param("q", String.valueOf(s.q().get(3)))
                        .param("s", s.id())
                        .query(String.class)
                        .single())
                .isEqualTo("1234");
        // a point that is no thousands separator is not guessed at
        HttpResponse<String> unclear = kommune.post(page, page, Map.of("a" + s.q().get(3), "1.5", "action", "submit"));
        assertThat(unclear.statusCode()).as("the form again, not a redirect").isEqualTo(200);
        assertThat(unclear.body()).contains("skriv et tal, fx 1.234 eller 3,5");
    }

    @Test
    void the_pages_keep_line_breaks_preview_the_form_and_the_confirmation_names_who_is_not_told() {
        // a municipality of the region with nobody to tell (Samsø in the demo; other tests may give it users)
        String[] unheard = jdbc.sql("""
                        select m.code, m.name from registry_municipality m
                          join registry_municipality_region r on r.municipality_code = m.code
                               and r.region_code = '1082' and current_date between r.valid_from
                               and coalesce(r.valid_to, 'infinity')
                         where m.code <> '707' and not exists (select 1 from security_user u
                                where u.municipality_code = m.code and u.enabled)
                         order by m.code limit 1
                        """)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        Map<String, Object> b = body("Linjer " + UUID.randomUUID(), List.of("707", unheard[0]));
        b.put("intro", "Kære kommune\nTak");
        Api.Response created = api.as("region-midt").post(PATH, b);
        long id = created.json().path("id").asLong();
        WebSession region = WebSession.signIn(port, "region-midt");
        String preview = region.get("/surveys/" + id).body();
        assertThat(preview)
                .contains("class=\"prewrap\"")
                .doesNotContain("multiline")
                .contains("id=\"preview-form\"", "type=\"radio\"", "type=\"checkbox\"", "<textarea");
        String send = region.get("/surveys/" + id + "/send").body();
        assertThat(send)
                .doesNotContain("juridisk eller økonomisk")
                .contains("id=\"send-no-users\"", unheard[1])
                .contains("kan ikke kaldes tilbage");
        assertThat(region.get("/surveys").body()).contains("Statusundersøgelser");
    }

    @Test
    void a_tag_with_an_invisible_character_is_shown_by_its_field_with_the_text_kept() {
        Sent s = sent(List.of("707"));
        long text = s.q().get(4);
        api.as("kommune-norddjurs")
                .post(PATH + "/" + s.id() + "/answer/submit", SurveysApiTest.answers(text, "Linje 1\nLinje 2"));
        WebSession region = WebSession.signIn(port, "region-midt");
        String results = "/surveys/" + s.id() + "/results";
        HttpResponse<String> r = region.post(
                "/surveys/" + s.id() + "/tags",
                results,
                Map.of("questionId", String.valueOf(text), "municipalityCode", "707", "tag", "a\u200bb"));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = region.get(results).body();
        assertThat(page).contains("id=\"tag-error-" + text + "-707\"", "value=\"a\u200bb\"");
        assertThat(page).contains("<td class=\"prewrap\">Linje 1\nLinje 2</td>");
        assertThat(jdbc.sql("select count(*) from survey_tag where survey_id = :s")
                        .param("s", s.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_xlsx_has_a_date_a_percentage_whole_numbers_and_wide_wrapped_free_text() throws Exception {
        Sent s = sent(List.of("707", "751", "706"));
        api.as("kommune-norddjurs")
                .post(PATH + "/" + s.id() + "/answer/submit", SurveysApiTest.answers(s.q().get(4), "Lang tekst"));
        byte[] book = Api.on(port)
                .as("region-midt")
                .getBytes(PATH + "/" + s.id() + "/results.xlsx")
                .body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            XSSFSheet overview = wb.getSheet("Overblik");
            assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Statusundersøgelse");
            assertThat(overview.getRow(1).getCell(0).getStringCellValue())
                    .as("the label beside the deadline")
                    .isEqualTo("Svarfrist");
            var deadline = overview.getRow(1).getCell(1);
            assertThat(deadline.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
            assertThat(deadline.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today.plusDays(30));
            assertThat(deadline.getCellStyle().getDataFormatString()).isEqualTo("dd-mm-yyyy");
            // issue 16: whole numbers with the thousands point (1.531)
            assertThat(overview.getRow(2).getCell(1).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0");
            assertThat(overview.getRow(4).getCell(1).getCellStyle().getDataFormatString())
                    .isEqualTo("0.0%");
            XSSFSheet answers = wb.getSheet("Svar");
            assertThat(answers.getColumnWidth(1 + 5)).isGreaterThanOrEqualTo(50 * 256);
            assertThat(answers.getRow(1).getCell(1 + 5).getCellStyle().getWrapText())
                    .isTrue();
        }
    }
}
