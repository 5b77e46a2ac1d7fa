package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.BotilbudslaegeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 10 item 8: behind a TLS proxy (botilbud.public-url=https://botilbud.example.dk) cookies are
 * Secure and URLs use the configured host, whatever Host or X-Forwarded-* headers a request brings.
 */
class BehindProxyTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        app = new SpringApplicationBuilder(BotilbudslaegeApplication.class)
                .run(
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--botilbud.public-url=https://botilbud.example.dk");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        postgres.close();
    }

    @Test
    void a_forged_host_is_never_a_redirect_target_and_the_session_cookie_is_secure() {
        String answer = Http.raw(port, """
                GET /facilities HTTP/1.1
                Host: evil.example
                X-Forwarded-Host: evil.example
                X-Forwarded-Proto: http
                X-Forwarded-For: 198.51.100.4
                Connection: close

                """);

        assertThat(answer).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
        assertThat(answer).containsPattern("(?i)Location: (https://botilbud\\.example\\.dk)?/login");
        assertThat(answer).containsPattern("(?i)Set-Cookie: JSESSIONID=[^\\r\\n]*; Secure");
        assertThat(answer).as("the request counts as https").containsIgnoringCase("Strict-Transport-Security");
    }

    @Test
    void the_login_page_posts_to_a_relative_address_and_the_error_redirect_stays_on_the_public_host() {
        String answer = Http.raw(port, """
                POST /login HTTP/1.1
                Host: evil.example
                X-Forwarded-Host: evil.example
                Content-Type: application/x-www-form-urlencoded
                Content-Length: 0
                Connection: close

                """);

        assertThat(answer).doesNotContain("evil.example");
    }
}
