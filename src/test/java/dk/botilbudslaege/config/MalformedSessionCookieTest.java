package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review 17: a session cookie whose value decodes to bytes PostgreSQL's text cannot hold (JSESSIONID=AAAA is three NUL
 * bytes) gave anyone, signed in or not, a 500 on every URL, readiness included. It is no session now.
 */
@IntegrationTest
class MalformedSessionCookieTest {

    @LocalServerPort
    int port;

    private int status(String path, String cookie) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", "JSESSIONID=" + cookie)
                .header(
                        "Accept",
                        path.startsWith("/api") || path.startsWith("/actuator") ? "application/json" : "text/html")
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void a_cookie_that_is_no_session_id_is_no_session() throws Exception {
        for (String cookie : new String[] {"AAAA", "AA==", "YQBi", "%00", "not-base64!"}) {
            assertThat(status("/actuator/health/readiness", cookie)).as(cookie).isEqualTo(200);
            assertThat(status("/login", cookie)).as(cookie).isEqualTo(200);
            assertThat(status("/facilities", cookie)).as(cookie).isEqualTo(302);
            assertThat(status("/api/v1/regions", cookie)).as(cookie).isEqualTo(401);
        }
    }
}
