package dk.botilbudslaege.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dk.botilbudslaege.support.OwnPostgres;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 17, several instances: two instances of the application (A and B, each its own Spring context, web server
 * and mail server) on ONE PostgreSQL, as behind a load balancer. A login on A is valid on B (the session lives in
 * PostgreSQL), a change made on A is seen at once on B in coverage and in lists, the one-time API-client secret made
 * on A is shown on B, and a scheduled job started on both at the same moment runs once (ShedLock).
 */
class TwoInstancesTest {

    private static final String PASSWORD = "two-instances-17";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static OwnPostgres postgres;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() throws Exception {
        postgres = OwnPostgres.start("two-instances-pg");
        a = instance();
        JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code)
                        values ('two-region', :hash, 'Rikke To Instanser', 'REGION', '1082'),
                               ('two-admin', :hash, 'Anders To Instanser', 'ADMIN', null)
                        """).param("hash", hash).update();
        b = instance();
    }

    /** Production mode on the shared database; the mail server of each takes a free port (test properties). */
    private static ConfigurableApplicationContext instance() {
        return postgres.productionApp(
                "--spring.datasource.hikari.maximum-pool-size=5", "--botilbud.mail.scheduled=false");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {b, a}) {
            if (app != null) {
                app.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_login_on_one_instance_is_valid_on_the_other() {
        Browser browser = new Browser();
        browser.signIn(a, "two-region");

        HttpResponse<String> onB = browser.get(b, "/facilities");
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Rikke To Instanser");

        // and signing out on B ends it on A too
        browser.post(b, "/logout", "/facilities", Map.of());
        assertThat(browser.get(a, "/facilities").statusCode()).isEqualTo(302);
    }

    @Test
    void a_change_made_on_one_instance_is_seen_at_once_on_the_other_in_coverage_and_in_lists() {
        Browser browser = new Browser();
        browser.signIn(a, "two-region");
        long before = inScope(browser.get(b, "/api/v1/coverage?level=REGION").body());
        String name = "Tobo " + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = browser.json(a, "/api/v1/facilities", """
                {"name": "%s", "address": "Tovej 1", "municipalityCode": "707", "operator": "MUNICIPAL",
                 "legalBasis": "SEL_108", "places": 12, "residents": 10}
                """.formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        assertThat(inScope(browser.get(b, "/api/v1/coverage?level=REGION").body()))
                .as("coverage on B, at once")
                .isEqualTo(before + 1);
        assertThat(browser.get(b, "/api/v1/facilities").body()).contains(name);
        assertThat(browser.get(b, "/facilities").body()).contains(name);
    }

    @Test
    void the_one_time_api_client_secret_made_on_one_instance_is_shown_once_on_the_other() {
        Browser admin = new Browser();
        admin.signIn(a, "two-admin");
        String clientName = "two-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> posted = admin.post(
                a,
                "/admin/api-clients",
                "/admin/api-clients/new",
                Map.of(
                        "name", clientName,
                        "role", "REGION",
                        "regionCode", "1082",
                        "rights", "READ",
                        "ratePerMinute", "600",
                        "_clientCredentials", "on",
                        "_apiKey", "on",
                        "clientCredentials", "true"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String shown = URI.create(posted.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(shown).contains("/admin/api-clients/shown/");

        HttpResponse<String> onB = admin.get(b, shown);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("id=\"client-secret\"", clientName);
        assertThat(admin.get(a, shown).statusCode())
                .as("shown once, on whichever instance")
                .isEqualTo(404);
    }

    @Test
    void a_scheduled_job_started_on_both_instances_at_the_same_moment_runs_once() throws Exception {
        Logger shedlock = (Logger) LoggerFactory.getLogger("net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        Level level = shedlock.getLevel();
        shedlock.setLevel(Level.DEBUG);
        shedlock.addAppender(events);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = List.of(a, b).stream()
                    .map(app -> CompletableFuture.runAsync(() -> {
                        try {
                            go.await();
                            daily(app);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .toList();
            go.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        } finally {
            shedlock.detachAppender(events);
            shedlock.setLevel(level);
        }
        List<String> messages = events.list.stream()
                .filter(e -> e.getFormattedMessage().contains("'notification.digests'"))
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
        assertThat(messages.stream().filter(m -> m.startsWith("Locked ")).count())
                .as(String.join("\n", messages))
                .isEqualTo(1);
        assertThat(messages.stream().filter(m -> m.startsWith("Not executing ")).count())
                .as(String.join("\n", messages))
                .isEqualTo(1);
        JdbcClient jdbc = JdbcClient.create(postgres.dataSource());
        assertThat(jdbc.sql(
                                "select lock_until > timezone('utc', now()) from shedlock where name = 'notification.digests'")
                        .query(Boolean.class)
                        .single())
                .as("held at least lockAtLeastFor, so an instance whose clock is late does not run it again")
                .isTrue();
    }

    /** The daily digest job as the scheduler calls it: through the bean (its lock), on this instance. */
    private static void daily(ConfigurableApplicationContext app) throws Exception {
        Object job = app.getBean("digestSchedule");
        Method daily = AopUtils.getTargetClass(job).getDeclaredMethod("daily");
        daily.setAccessible(true);
        daily.invoke(job);
    }

    private static long inScope(String json) {
        Matcher m = Pattern.compile("\"inScopeFacilities\"\\s*:\\s*(\\d+)").matcher(json);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** One browser (one cookie jar) talking to either instance: cookies of 127.0.0.1 go to both ports. */
    private static final class Browser {

        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        void signIn(ConfigurableApplicationContext app, String username) {
            HttpResponse<String> login =
                    post(app, "/login", "/login", Map.of("username", username, "password", PASSWORD));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(ConfigurableApplicationContext app, String path) {
            return send(HttpRequest.newBuilder(uri(app, path)).GET());
        }

        HttpResponse<String> post(
                ConfigurableApplicationContext app, String path, String formPage, Map<String, String> fields) {
            String token = csrf(app, formPage);
            String body = fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining(
                            "&", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&", ""));
            return send(HttpRequest.newBuilder(uri(app, path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> json(ConfigurableApplicationContext app, String path, String body) {
            return send(HttpRequest.newBuilder(uri(app, path))
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", csrf(app, "/facilities"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private String csrf(ConfigurableApplicationContext app, String page) {
            Matcher m = CSRF.matcher(get(app, page).body());
            return m.find() ? m.group(1) : "";
        }

        private static URI uri(ConfigurableApplicationContext app, String path) {
            return URI.create("http://127.0.0.1:" + port(app) + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
