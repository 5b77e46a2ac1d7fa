package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review 19 (Medium): a query string Tomcat cannot decode ({@code %ZZ}, bytes that are not UTF-8), sent by anyone,
 * is a 400 in the endpoint's format with one WARN line, not a 500 with an ERROR and a stack trace (the locale
 * interceptor's getParameter threw Tomcat's InvalidParameterException).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class UnreadableParametersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void an_undecodable_query_string_is_a_400_in_the_endpoints_format_and_no_error(CapturedOutput output)
            throws Exception {
        int before = output.length();

        // java.net.URI refuses such an address itself: sent as raw bytes, as a browser or a script can
        String login = raw("/login?x=%ZZ", "Accept-Language: da");
        assertThat(login).startsWith("HTTP/1.1 400");
        assertThat(login).containsIgnoringCase("Content-Type: text/html");
        assertThat(login)
                .contains("Noget er galt med forespørgslen", "ikke kan læses")
                .doesNotContain("Apache Tomcat", "Exception");

        String api = raw("/api/v1/hours?level=%C0%AF", "Accept-Language: da");
        assertThat(api).startsWith("HTTP/1.1 400");
        assertThat(api).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(api).contains("\"code\":\"MALFORMED_REQUEST\"");

        String english = raw("/login?x=%ZZ", "Cookie: lang=en");
        assertThat(english).startsWith("HTTP/1.1 400");
        assertThat(english).contains("cannot be read", "Something is wrong with the request");

        // a page behind the login: the security filters meet the parameters first; still the app's 400 page
        String behindLogin = raw("/hours?x=%ZZ", "Cookie: lang=en");
        assertThat(behindLogin).startsWith("HTTP/1.1 400");
        assertThat(behindLogin).contains("Something is wrong with the request").doesNotContain("Apache Tomcat");

        String logged = output.toString().substring(before);
        assertThat(logged).doesNotContain(" ERROR ", "\tat ");
        assertThat(logged.lines().filter(l -> l.contains("Unreadable parameters")))
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.contains(" WARN "));
    }

    @Test
    void a_well_formed_query_string_still_reaches_the_page() throws Exception {
        HttpResponse<String> login = get("/login?lang=en");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("lang=\"en\"");
    }

    private String raw(String target, String header) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
