package dk.botilbudslaege.config;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.OwnPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10 item 9: when PostgreSQL goes away the application answers 503 within 5 s (not 500 after
 * 30 s) and readiness turns DOWN; when it comes back, everything answers again by itself. The
 * database is a PostgreSQL of the test's own, stopped and started again on the same port and data.
 */
class DatabaseOutageTest {

    // production mode (an external database): an integration calls with its own API key, never a person's password
    static final String KEY = "bl_outage01_Udfald-2026-en";
    static final String KEY_2 = "bl_outage02_Udfald-2026-to";
    static OwnPostgres postgres;
    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        postgres = OwnPostgres.start("outage-pg");
        app = postgres.productionApp();
        port = OwnPostgres.portOf(app);
        JdbcClient.create(postgres.dataSource())
                .sql("""
                        insert into api_client (name, client_id, role, region_code, rights, api_key_prefix, api_key_hash,
                                                created_by)
                        values ('outage', 'blc_outage_test_client1', 'REGION', '1082', 'READ', 'outage01', :one, 'test'),
                               ('outage-2', 'blc_outage_test_client2', 'REGION', '1082', 'READ', 'outage02', :two, 'test')
                        """)
                .param("one", sha256(KEY))
                .param("two", sha256(KEY_2))
                .update();
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
    void without_the_database_the_api_answers_503_within_5_s_readiness_is_down_and_both_recover() throws Exception {
        Api api = Api.on(port).header("X-API-Key", KEY);
        assertThat(api.get("/api/v1/regions").status()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        postgres.stop();
        try {
            long start = System.nanoTime();
            Api.Response signedIn = api.get("/api/v1/regions"); // the key is looked up: the request fails
            long signedInMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Api.Response signingIn = Api.on(port).header("X-API-Key", KEY_2).get("/api/v1/regions");
            long signingInMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            long readinessMillis = (System.nanoTime() - start) / 1_000_000;
            HttpResponse<String> liveness = get("/actuator/health/liveness");

            assertProblem(signedIn, 503, "DATABASE_UNAVAILABLE");
            assertProblem(signingIn, 503, "DATABASE_UNAVAILABLE");
            assertThat(signedInMillis).as("ms to the 503").isLessThan(5_000);
            assertThat(signingInMillis).as("ms to the 503 while signing in").isLessThan(5_000);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
            assertThat(readinessMillis).isLessThan(5_000);
            assertThat(liveness.statusCode())
                    .as("alive: a restart would not help")
                    .isEqualTo(200);
            System.out.printf(
                    "database outage: 503 after %d ms (signed in), %d ms (signing in), readiness %d ms%n",
                    signedInMillis, signingInMillis, readinessMillis);
        } finally {
            postgres.startAgain();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline
                && (status = api.get("/api/v1/regions").status()) != 200) {
            Thread.sleep(200);
        }
        assertThat(status).as("the API after the database is back").isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
