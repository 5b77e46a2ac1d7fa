package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review 15 (API #4): a form body over 2 MB, sent by anyone (no session, no credentials), is a 413 in the
 * endpoint's format and one WARN line, not Tomcat's HTML page and several ERROR entries with stack traces.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OversizedRequestTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void a_three_megabyte_form_is_a_413_in_the_endpoints_format_and_one_warn_line(CapturedOutput output)
            throws Exception {
        int before = output.length();
        HttpResponse<String> token = post("/oauth2/token");
        assertThat(token.statusCode()).isEqualTo(413);
        assertThat(token.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(token.body()).contains("\"error\":\"invalid_request\"");

        HttpResponse<String> api = post("/api/v1/facilities");
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");

        HttpResponse<String> login = post("/login");
        assertThat(login.statusCode()).isEqualTo(413);
        assertThat(login.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(login.body()).contains("For stor forespørgsel").doesNotContain("Apache Tomcat");

        String logged = output.toString().substring(before);
        assertThat(logged).doesNotContain(" ERROR ", "\tat ", "InvalidParameterException");
        assertThat(logged.lines().filter(l -> l.contains("Request body too large")))
                .hasSize(3)
                .allMatch(l -> l.contains(" WARN "));
    }

    private HttpResponse<String> post(String path) throws Exception {
        byte[] body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
