package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review 16 (i16-fixc), findings 4 and 6: a reason's line break counts as one character, as the browser counts it
 * for maxlength; limits read as Danish numbers ("1.000 tegn"); pages read 1-3-2026 and still refuse 31-2-2026.
 */
@IntegrationTest
class FormTextReview16Test {

    @LocalServerPort
    int port;

    private HttpResponse<String> dispensation(String reason) {
        WebSession region = WebSession.signIn(port, "region-midt");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "MULTIPLE_FACILITIES");
        fields.put("validFrom", "31-02-2026"); // keeps the form from saving
        fields.put("reason", reason);
        return region.post("/dispensations", "/dispensations", fields);
    }

    @Test
    void a_reason_that_fits_with_a_crlf_line_break_is_not_too_long() {
        HttpResponse<String> answer = dispensation("a".repeat(500) + "\r\n" + "b".repeat(499));
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.body()).contains("validFrom-error").doesNotContain("id=\"reason-error\"");
    }

    @Test
    void a_too_long_reason_names_its_limit_as_a_danish_number() {
        HttpResponse<String> answer = dispensation("a".repeat(1001));
        assertThat(answer.body()).contains("id=\"reason-error\"", "1.000 tegn").doesNotContain("1000 tegn");
    }

    @Test
    void the_error_summary_lists_the_errors_in_the_order_of_the_form() {
        WebSession region = WebSession.signIn(port, "region-midt");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "MULTIPLE_FACILITIES");
        fields.put("maxFacilities", "999");
        fields.put("validFrom", "31-02-2026");
        fields.put("reason", "a".repeat(1001));
        String body = region.post("/dispensations", "/dispensations", fields).body();
        java.util.regex.Matcher summary = java.util.regex.Pattern.compile(
                        "(?s)<div[^>]*class=\"error-summary\"[^>]*>(.*?)</div>")
                .matcher(body);
        assertThat(summary.find()).isTrue();
        java.util.List<String> linked = new java.util.ArrayList<>();
        java.util.regex.Matcher href =
                java.util.regex.Pattern.compile("href=\"#([A-Za-z]+)\"").matcher(summary.group(1));
        while (href.find()) {
            linked.add(href.group(1));
        }
        java.util.List<String> formOrder = java.util.List.of(
                "doctorId", "kind", "maxFacilities", "monthlyHours", "validFrom", "validTo", "reason");
        assertThat(linked).contains("maxFacilities", "validFrom", "reason");
        assertThat(linked).isSortedAccordingTo(java.util.Comparator.comparingInt(formOrder::indexOf));
        for (String field : linked) {
            assertThat(body).as("the page shows %s in that order", field).contains("id=\"" + field + "\"");
        }
    }

    @Test
    void a_page_reads_one_digit_days_and_months_and_shows_them_back_padded() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        String body = municipality
                .post("/agreements", "/agreements/new", Map.of("startDate", "1-3-2026", "matchMethod", "DIRECT"))
                .body();
        assertThat(body).doesNotContain("startDate-error").contains("value=\"01-03-2026\"");
        String noDay = municipality
                .post("/agreements", "/agreements/new", Map.of("startDate", "31-2-2026", "matchMethod", "DIRECT"))
                .body();
        assertThat(noDay).contains("startDate-error", "Datoen 31-2-2026 findes ikke");
    }
}
