package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, item 4: a form with errors opens with an error summary linking to each field; each field's
 * error is tied to it (aria-describedby, aria-invalid); a date that does not exist says so; pages read
 * dd-mm-åååå and åååå-mm-dd; an over-long reason is refused with its limit and nothing is saved.
 */
@IntegrationTest
class FormErrorsTest {

    private static final String NO_SUCH_DAY = "Datoen 31-02-2026 findes ikke";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_agreement_form_says_the_date_does_not_exist_in_the_summary_and_at_the_field() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        HttpResponse<String> answer = municipality.post(
                "/agreements", "/agreements/new", Map.of("startDate", "31-02-2026", "matchMethod", "DIRECT"));
        assertFieldError(answer, "startDate");
    }

    @Test
    void the_dispensation_form_says_the_date_does_not_exist_in_the_summary_and_at_the_field() {
        WebSession region = WebSession.signIn(port, "region-midt");
        HttpResponse<String> answer = region.post(
                "/dispensations",
                "/dispensations",
                Map.of("kind", "MULTIPLE_FACILITIES", "validFrom", "31-02-2026", "reason", "Prøve"));
        assertFieldError(answer, "validFrom");
    }

    @Test
    void the_session_log_says_the_date_does_not_exist_in_the_summary_and_at_the_field() {
        long agreement = skovstjernen();
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        String page = "/agreements/" + agreement + "/sessions";
        HttpResponse<String> answer = doctor.post(page, page, Map.of("date", "31-02-2026", "durationMinutes", "60"));
        assertFieldError(answer, "date");
    }

    @Test
    void a_form_reads_an_iso_date_too() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        for (String date : new String[] {"2026-03-01", "01-03-2026"}) {
            String body = municipality
                    .post("/agreements", "/agreements/new", Map.of("startDate", date, "matchMethod", "DIRECT"))
                    .body();
            assertThat(body).doesNotContain("startDate-error").contains("value=\"01-03-2026\"");
        }
    }

    @Test
    void a_date_in_another_shape_is_asked_for_as_dd_mm_aaaa() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        HttpResponse<String> answer = municipality.post(
                "/agreements", "/agreements/new", Map.of("startDate", "1. marts", "matchMethod", "DIRECT"));
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.body())
                .contains("Skriv datoen som dd-mm-åååå, fx 01-03-2026")
                .doesNotContain("Failed to convert");
    }

    @Test
    void pages_read_dd_mm_aaaa_and_iso_dates_alike() {
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        String danish =
                doctor.get("/agreements/notice-end?noticeDate=01-01-2026").body();
        String iso = doctor.get("/agreements/notice-end?noticeDate=2026-01-01").body();
        assertThat(danish).startsWith("Aftalen slutter 30-06-2026.").isEqualTo(iso);

        WebSession national = WebSession.signIn(port, "national");
        assertThat(national.get("/coverage?date=31-03-2025").body()).contains("31-03-2025");
        assertThat(national.get("/coverage?date=2025-03-31").body()).contains("31-03-2025");
        // the date field shows the day as dd-mm-åååå
        assertThat(national.get("/coverage?date=2025-03-31").body())
                .containsPattern(
                        "id=\"coverage-date\"[^>]*value=\"31-03-2025\"|value=\"31-03-2025\"[^>]*id=\"coverage-date\"");
    }

    /** Review 19: a well-formed date outside the range or no day at all says so, not "write the date so". */
    @Test
    void the_coverage_page_names_what_is_wrong_with_a_date() {
        WebSession national = WebSession.signIn(port, "national");
        assertThat(national.get("/coverage?date=1800-01-01").body())
                .contains("Datoen skal ligge mellem 2007 og 2100.")
                .doesNotContain("Skriv datoen som");
        assertThat(national.get("/coverage/figures?date=3000-01-01").body())
                .contains("Datoen skal ligge mellem 2007 og 2100.");
        assertThat(national.get("/coverage?date=2026-02-30").body())
                .contains("Datoen 2026-02-30 findes ikke.")
                .doesNotContain("Skriv datoen som");
        assertThat(national.get("/coverage?date=nonsense").body()).contains("Skriv datoen som dd-mm-åååå");
    }

    @Test
    void a_page_parameter_date_that_does_not_exist_is_a_400_page_that_says_so_and_nothing_changes() {
        long agreement = skovstjernen();
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        String page = "/agreements/" + agreement;
        HttpResponse<String> answer =
                doctor.post(page + "/notice", page, Map.of("noticeDate", "31-02-2026", "version", "0"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains(NO_SUCH_DAY).doesNotContain("Failed to convert");
    }

    @Test
    void the_api_keeps_iso_dates_and_its_error_format() {
        var api = Api.on(port).as("laege-norddjurs");
        var bad = api.get("/api/v1/coverage?date=nonsense");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/coverage?date=2025-03-31").status()).isEqualTo(200);
    }

    @Test
    void an_over_long_reason_is_refused_with_its_limit_and_nothing_is_saved() {
        long doctor = jdbc.sql("""
                        select d.id from doctor d join practice p on p.id = d.practice_id
                         where p.municipality_code = '707' order by d.id limit 1
                        """).query(Long.class).single();
        int before = dispensations(doctor);
        WebSession region = WebSession.signIn(port, "region-midt");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("doctorId", String.valueOf(doctor));
        fields.put("kind", "NURSING_HOME_AND_FACILITY");
        fields.put("validFrom", "01-03-2026");
        fields.put("reason", "x".repeat(1001));
        HttpResponse<String> answer = region.post("/dispensations", "/dispensations", fields);
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.body())
                .contains("Begrundelsen må højst være 1.000 tegn", "href=\"#reason\"", "id=\"reason-error\"");
        assertThat(answer.body()).contains("value=\"01-03-2026\""); // what was typed stays
        assertThat(dispensations(doctor)).isEqualTo(before);
    }

    private int dispensations(long doctor) {
        return jdbc.sql("select count(*) from dispensation where doctor_id = :d")
                .param("d", doctor)
                .query(Integer.class)
                .single();
    }

    private long skovstjernen() {
        return Api.on(port)
                .as("region-midt")
                .get("/api/v1/agreements?q=Skovstjernen")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
    }

    private static void assertFieldError(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).isIn(200, 400);
        String body = answer.body();
        assertThat(body).doesNotContain("Failed to convert");
        Matcher summary = Pattern.compile("(?s)<div[^>]*class=\"error-summary\"[^>]*>(.*?)</div>")
                .matcher(body);
        assertThat(summary.find()).as("an error summary").isTrue();
        assertThat(summary.group(0)).contains("role=\"alert\"", "tabindex=\"-1\"", "Der er et problem");
        assertThat(summary.group(1)).containsPattern("href=\"#" + field + "\"[^>]*>" + NO_SUCH_DAY);
        Matcher input = Pattern.compile("<input[^>]*id=\"" + field + "\"[^>]*>").matcher(body);
        assertThat(input.find()).as("the field").isTrue();
        assertThat(input.group()).contains("aria-invalid=\"true\"", "value=\"31-02-2026\"");
        assertThat(input.group()).containsPattern("aria-describedby=\"[^\"]*\\b" + field + "-error\\b");
        assertThat(body).containsPattern("(?s)id=\"" + field + "-error\".{0,200}" + NO_SUCH_DAY);
    }
}
