package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17 item 4: /actuator/prometheus for the administrator only (the scraper's own credential: production mode,
 * ProductionObservabilityTest), request timings per route template, the pool and the app's gauges; health shows its
 * status and nothing more; every request carries a request id into the response and the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MetricsEndpointTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @LocalServerPort
    int port;

    @Test
    void the_public_gets_401_another_role_403_and_a_persons_password_is_no_scraper_credential() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("admin", "demo")).statusCode())
                .as("a person's password is not the scraper's credential")
                .isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("metrics", "demo")).statusCode())
                .as("no scraper credential configured")
                .isEqualTo(401);
        HttpResponse<String> region = WebSession.signIn(port, "region-midt").get("/actuator/prometheus");
        assertThat(region.statusCode()).isEqualTo(403);
        assertThat(region.body()).doesNotContain("hikaricp");
        assertThat(get("/actuator/metrics", null).statusCode())
                .as("only the prometheus endpoint is exposed")
                .isNotEqualTo(200);
    }

    @Test
    void the_administrator_reads_route_timings_the_pool_the_jvm_and_the_app_gauges() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/agreements/999999"); // a route with an id: counted under its template
        HttpResponse<String> metrics = admin.get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains(
                        "http_server_requests_seconds_count{",
                        "http_server_requests_seconds_bucket{",
                        "le=\"0.1\"",
                        "uri=\"/agreements/{id}\"",
                        "hikaricp_connections",
                        "hikaricp_connections_pending",
                        "jvm_memory_used_bytes",
                        "botilbud_mail_outbox_pending",
                        "botilbud_mail_outbox_oldest_pending_seconds",
                        "botilbud_mail_outbox_failed",
                        "botilbud_events_incomplete",
                        "botilbud_events_oldest_incomplete_seconds",
                        "botilbud_import_active",
                        "botilbud_sessions_stored",
                        "botilbud_sessions_anonymous")
                .doesNotContain("uri=\"/agreements/999999\"");
        assertThat(metrics.headers().firstValue("Set-Cookie")).isEmpty();
    }

    /**
     * i18-misc: the protobuf exposition is not in the jar (2 MB of shaded protobuf). A Prometheus that asks for it
     * first, as one with native histograms does, gets the text format it also accepts, never a 500.
     */
    @Test
    void a_scraper_asking_for_protobuf_first_gets_the_text_format() {
        HttpResponse<String> metrics = WebSession.signIn(port, "admin")
                .request(
                        "GET",
                        "/actuator/prometheus",
                        null,
                        "Accept",
                        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,"
                                + "text/plain;version=1.0.0;q=0.3,*/*;q=0.1");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body()).contains("hikaricp_connections");

        HttpResponse<String> onlyProtobuf = WebSession.signIn(port, "admin")
                .request(
                        "GET",
                        "/actuator/prometheus",
                        null,
                        "Accept",
                        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited");
        assertThat(onlyProtobuf.statusCode()).isEqualTo(200);
        assertThat(onlyProtobuf.body()).contains("hikaricp_connections");
    }

    @Test
    void health_tells_the_public_its_status_and_nothing_else() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db", "diskSpace", "components");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).doesNotContain("PostgreSQL", "components");
    }

    @Test
    void a_well_formed_request_id_comes_back_and_is_on_the_requests_log_lines(CapturedOutput output) throws Exception {
        HttpResponse<String> failed = get(
                "/api/v1/regions",
                basic("region-midt", "Forkert-Gæt-17"),
                "X-Request-Id",
                "abc-123",
                "X-Forwarded-For",
                "203.0.113.171");
        assertThat(failed.statusCode()).isEqualTo(401);
        assertThat(failed.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(output.getOut().lines().filter(l -> l.contains("event=LOGIN_FAILED") && l.contains("203.0.113.171")))
                .singleElement()
                .asString()
                .contains("[abc-123]");

        HttpResponse<String> refused = WebSession.signIn(port, "region-midt")
                .request("GET", "/actuator/prometheus", null, "X-Request-Id", "forbidden-17");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(output.getOut().lines().filter(l -> l.contains("event=FORBIDDEN") && l.contains("[forbidden-17]")))
                .hasSize(1);

        HttpResponse<String> without = get("/actuator/health", null);
        assertThat(without.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID));
    }

    @Test
    void a_hostile_request_id_is_replaced_and_never_logged(CapturedOutput output) throws Exception {
        String[] hostile = {"evil\tevent=FORBIDDEN user=\"admin\"", "x".repeat(500), "a b", "<script>"};
        for (int i = 0; i < hostile.length; i++) {
            String address = "203.0.113." + (180 + i);
            String answer = raw("GET /api/v1/regions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: " + basic("region-midt", "Forkert-Gæt-17") + "\r\n"
                    + "X-Forwarded-For: " + address + "\r\n"
                    + "X-Request-Id: " + hostile[i] + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 401").containsPattern("(?i)X-Request-Id: " + UUID + "\r\n");
            String line = output.getOut()
                    .lines()
                    .filter(l -> l.contains("event=LOGIN_FAILED") && l.contains(address))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).containsPattern("\\[" + UUID + "\\]");
        }
        assertThat(output.getOut()).doesNotContain("evil", "x".repeat(100), "<script>");
    }

    private String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization, String... headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
