package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.BotilbudslaegeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Production mode: with SPRING_DATASOURCE_URL the application uses that PostgreSQL, starts nothing
 * embedded, loads no demo data, creates no demo accounts, and refuses the demo password.
 */
class ExternalDatabaseModeTest {

    static EmbeddedPostgres external;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws IOException {
        external = EmbeddedPostgres.builder().start();
        app = new SpringApplicationBuilder(BotilbudslaegeApplication.class)
                .run(
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--server.address=127.0.0.1");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        external.close();
    }

    @Test
    void no_embedded_database_is_started_and_the_schema_is_migrated_into_the_external_one() {
        assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        assertThat(jdbc.sql("select count(*) from municipality")
                        .query(Long.class)
                        .single())
                .isEqualTo(98);
    }

    @Test
    void no_demo_data_and_no_demo_accounts_exist() {
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from facility").query(Long.class).single())
                .isZero();
    }

    @Test
    void an_account_whose_password_is_demo_cannot_sign_in() throws Exception {
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code)
                        values ('smuggled', :hash, 'Smuggled demo account', 'REGION', '1082')
                        """).param("hash", new BCryptPasswordEncoder().encode("demo")).update();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/regions"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "smuggled:demo".getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    /**
     * Issue 15: HTTP Basic with a person's password is the local mode's only (API.md); in production the API refuses
     * it (401) even for the right password, which the login form accepts (and records as the last login).
     */
    @Test
    void a_persons_password_signs_in_on_the_form_but_http_basic_is_refused_in_production() throws Exception {
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code)
                        values ('real-person', :hash, 'A real person', 'REGION', '1082')
                        """)
                .param("hash", new BCryptPasswordEncoder().encode("correct-horse-42"))
                .update();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://127.0.0.1:" + port;

        HttpResponse<String> basic = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/regions"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("real-person:correct-horse-42"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate"))
                .as("production asks for an API client's token, not a person's password")
                .contains("Bearer realm=\"Botilbudslaege\"");
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/regions"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"Botilbudslaege\"");
        assertThat(anonymous.body())
                .as("review 17: production's 401 names what it takes, not HTTP Basic")
                .contains("X-API-Key", "Bearer")
                .doesNotContain("HTTP Basic");

        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                                + "&username=real-person&password=correct-horse-42"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(jdbc.sql("select last_login_at is not null from app_user where username = 'real-person'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        HttpResponse<String> withSession = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/regions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withSession.statusCode())
                .as("the browser's session works on the API")
                .isEqualTo(200);
    }

    /** Issue 15: only the local mode opens other accounts' mails to the administrator; production keeps them closed. */
    @Test
    void in_production_the_administrator_does_not_read_another_accounts_mail() throws Exception {
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role)
                        values ('prod-admin', :hash, 'Production administrator', 'ADMIN')
                        """)
                .param("hash", new BCryptPasswordEncoder().encode("correct-horse-43"))
                .update();
        jdbc.sql("""
                        insert into mail_outbox (username, recipient, kind, subject, body, status, attempts, created_at)
                        values ('real-person', 'real@example.dk', 'INVITATION', 'Invitation prod',
                                'Secret link /invitation/prodbody', 'PENDING', 0, now())
                        """).update();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://127.0.0.1:" + port;
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
                                + "&username=prod-admin&password=correct-horse-43"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> mails = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/mails")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(mails.statusCode()).isEqualTo(200);
        assertThat(mails.body())
                .contains("real@example.dk", "(indholdet ses kun af modtageren)")
                .doesNotContain("prodbody", "Invitation prod", "mail-local-admin");
    }
}
