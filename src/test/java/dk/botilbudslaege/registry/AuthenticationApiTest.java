package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without valid credentials no registry or reference call answers anything but 401, with the
 * {@code WWW-Authenticate} challenge an HTTP client needs and a problem+json body (API.md).
 */
@IntegrationTest
class AuthenticationApiTest {

    private static final String FACILITY = "{\"name\":\"X\",\"address\":\"Y\",\"municipalityCode\":\"707\","
            + "\"operator\":\"MUNICIPAL\",\"legalBasis\":\"SEL_108\",\"places\":10,\"residents\":5}";

    @LocalServerPort
    int port;

    private void assertChallenged(RegistryFixtures.Raw answer) {
        assertProblem(answer.response(), 401, "UNAUTHORIZED");
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /api/v1/regions",
        "GET, /api/v1/municipalities",
        "GET, /api/v1/facilities",
        "GET, /api/v1/facilities?municipalityCode=707&q=skov",
        "POST, /api/v1/facilities",
        "GET, /api/v1/facilities/1",
        "PUT, /api/v1/facilities/1",
        "POST, /api/v1/facilities/1/sections",
        "DELETE, /api/v1/facilities/1/sections/1",
        "GET, /api/v1/facilities/1/history",
        "GET, /api/v1/practices",
        "POST, /api/v1/practices",
        "GET, /api/v1/practices/1",
        "PUT, /api/v1/practices/1",
        "GET, /api/v1/practices/1/history",
        "GET, /api/v1/doctors",
        "POST, /api/v1/doctors",
        "GET, /api/v1/doctors/1",
        "PUT, /api/v1/doctors/1",
        "GET, /api/v1/doctors/1/history",
        "GET, /api/v1/facilities/999999999",
        "GET, /api/v1/no-such-endpoint"
    })
    void an_anonymous_client_is_asked_to_sign_in_on_every_call(String method, String path) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : FACILITY;

        assertChallenged(send(port, method, path, null, null, body, "Content-Type", "application/json"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /api/v1/regions",
        "GET, /api/v1/facilities",
        "POST, /api/v1/facilities",
        "PUT, /api/v1/practices/1",
        "DELETE, /api/v1/facilities/1/sections/1"
    })
    void a_wrong_password_is_refused_with_401(String method, String path) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : FACILITY;

        assertChallenged(
                send(port, method, path, "region-midt", "not-the-password", body, "Content-Type", "application/json"));
    }

    @Test
    void an_unknown_user_is_refused_like_a_wrong_password() {
        assertChallenged(send(port, "GET", "/api/v1/facilities", "no-such-user", "demo", null));
    }

    @Test
    void a_malformed_authorization_header_is_refused_with_401_not_500() {
        RegistryFixtures.Raw answer =
                send(port, "GET", "/api/v1/facilities", null, null, null, "Authorization", "Basic !!!not-base64!!!");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void the_401_speaks_danish_by_default_and_keeps_its_code_in_english() {
        RegistryFixtures.Raw danish = send(port, "GET", "/api/v1/facilities", null, null, null);
        RegistryFixtures.Raw english =
                send(port, "GET", "/api/v1/facilities", null, null, null, "Accept-Language", "en");

        assertThat(danish.response().json().path("title").asString()).isEqualTo("Ikke logget ind");
        assertThat(danish.response().json().path("detail").asString())
                .isEqualTo("Log ind med brugernavn og adgangskode (HTTP Basic).");
        assertThat(english.status()).isEqualTo(401);
        assertThat(english.response().code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_browser_session_still_needs_its_csrf_token_to_change_anything() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port;
        String loginPage = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=region-midt&password=demo&_csrf=" + token.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> read = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/regions"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> change = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/facilities"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(FACILITY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).as("the session signs the browser in").isEqualTo(200);
        assertProblem(
                new Api.Response(
                        change.statusCode(),
                        change.body(),
                        change.headers().firstValue("Content-Type").orElse("")),
                403,
                "FORBIDDEN");
    }
}
