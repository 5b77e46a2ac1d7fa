package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.OwnPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 17 item 4 in production mode (an external PostgreSQL of the test's own): the scraper reads
 * /actuator/prometheus with its own Basic credential (the hash from the environment), also while PostgreSQL is away;
 * readiness follows PostgreSQL (503 while it is away, 200 again when it is back), liveness does not; logs are JSON.
 */
class ProductionObservabilityTest {

    static final String SECRET = UUID.randomUUID().toString();
    static OwnPostgres postgres;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        postgres = OwnPostgres.start("observability-pg");
        app = postgres.productionApp(
                "--botilbud.metrics.username=prometheus",
                "--botilbud.metrics.password-hash=" + new BCryptPasswordEncoder().encode(SECRET));
        port = OwnPostgres.portOf(app);
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void the_scraper_reads_the_metrics_with_its_own_credential_and_nothing_else_does() throws Exception {
        get("/actuator/health", null, null); // a request to time (the scrape itself is timed after it answers)
        HttpResponse<String> scrape = get("/actuator/prometheus", "prometheus", SECRET);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds", "hikaricp_connections", "botilbud_mail_outbox_pending");
        assertThat(scrape.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        assertThat(get("/actuator/prometheus", "prometheus", "wrong").statusCode())
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", "metrics", SECRET).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/regions", "prometheus", SECRET).statusCode())
                .as("the scraper's credential opens nothing else")
                .isEqualTo(401);
    }

    @Test
    void logs_are_json_in_production_and_readable_in_local_mode() {
        // checked on the environment post-processor itself: a test JVM has one Logback, and JSON lines from a
        // production app started here would stay for every later test (the tests run with botilbud.log.json=false)
        assertThat(format(Map.of("spring.datasource.url", "jdbc:postgresql://db.example/botilbud")))
                .isEqualTo("ecs");
        assertThat(format(Map.of())).as("local mode").isNull();
        assertThat(format(Map.of("spring.datasource.url", "jdbc:postgresql://db/x", "botilbud.log.json", "false")))
                .isNull();
        assertThat(format(Map.of(
                        "spring.datasource.url",
                        "jdbc:postgresql://db/x",
                        "logging.structured.format.console",
                        "logstash")))
                .as("an explicit format wins")
                .isEqualTo("logstash");
    }

    private static String format(Map<String, Object> properties) {
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment.getPropertySources().remove("systemProperties");
        environment.getPropertySources().remove("systemEnvironment");
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource("test", properties));
        new ProductionLogging().postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }

    @Test
    void readiness_follows_postgresql_liveness_does_not_and_the_metrics_stay_readable() throws Exception {
        assertThat(get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);

        postgres.stop();
        try {
            HttpResponse<String> readiness = get("/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(get("/actuator/health/liveness", null, null).statusCode())
                    .isEqualTo(200);
            long start = System.nanoTime();
            HttpResponse<String> scrape = get("/actuator/prometheus", "prometheus", SECRET);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(scrape.statusCode())
                    .as("metrics while PostgreSQL is away")
                    .isEqualTo(200);
            assertThat(scrape.body()).contains("hikaricp_connections_timeout_total");
            assertThat(millis).isLessThan(15_000);
        } finally {
            postgres.startAgain();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline
                && (status = get("/actuator/health/readiness", null, null).statusCode()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("ready again when PostgreSQL is back").isEqualTo(200);
    }

    static HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
