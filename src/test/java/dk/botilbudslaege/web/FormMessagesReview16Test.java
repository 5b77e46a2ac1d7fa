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
 * Review 16, findings 8–10: a page's date window is written dd-mm-åååå (the API keeps its ISO dates), a pasted date
 * with blanks around it is read, and a length message names its field, so the error summary says which field.
 */
@IntegrationTest
class FormMessagesReview16Test {

    @LocalServerPort
    int port;

    @Test
    void theDateWindowIsWrittenAsAPageWritesDates() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        String body = municipality
                .post("/agreements", "/agreements/new", Map.of("startDate", "01-01-1900", "matchMethod", "DIRECT"))
                .body();
        assertThat(body)
                .contains("Datoen skal ligge mellem 01-01-2007 og 31-12-2100.")
                .doesNotContain("2007-01-01");
        // (the API keeps ISO dates in its messages, API.md: HostileInputApiTest, ChangeRequestApiTest)
    }

    @Test
    void aDateWithBlanksAroundItIsRead() {
        WebSession municipality = WebSession.signIn(port, "kommune-norddjurs");
        for (String typed : new String[] {" 01-12-2026 ", "\u00a001-12-2026\t", " 2026-12-01"}) {
            String body = municipality
                    .post("/agreements", "/agreements/new", Map.of("startDate", typed, "matchMethod", "DIRECT"))
                    .body();
            assertThat(body)
                    .as("'" + typed + "'")
                    .doesNotContain("startDate-error")
                    .contains("value=\"01-12-2026\"");
        }
    }

    @Test
    void aLengthMessageNamesItsFieldInTheSummaryAndAtTheField() {
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "MULTIPLE_FACILITIES");
        fields.put("reason", "x".repeat(5000));
        HttpResponse<String> answer =
                doctor.post("/dispensation-applications", "/dispensation-applications/new", fields);
        assertThat(answer.statusCode()).isLessThan(500);
        assertThat(answer.body())
                .contains("href=\"#reason\">Begrundelsen må højst være 2.000 tegn.</a>")
                .doesNotContain(">Må højst være 2.000 tegn.");

        WebSession region = WebSession.signIn(port, "region-midt");
        Map<String, String> dispensation = new LinkedHashMap<>();
        dispensation.put("kind", "NURSING_HOME_AND_FACILITY");
        dispensation.put("validFrom", "01-03-2026");
        dispensation.put("reason", "x".repeat(1001));
        String body =
                region.post("/dispensations", "/dispensations", dispensation).body();
        assertThat(body).contains("href=\"#reason\">Begrundelsen må højst være 1.000 tegn.</a>");

        String facility = region.post("/facilities", "/facilities/new", Map.of("name", "x".repeat(201)))
                .body();
        assertThat(facility).contains("Navnet må højst være 200 tegn.");
    }
}
