package dk.botilbudslaege.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load suite of issue 17: every role of the national profile signs in by the form and walks its main pages and
 * API calls, side by side with a static file as the yardstick.
 *
 * <p>Modes ({@code -Dload.mode}):
 *
 * <ul>
 *   <li>{@code walk}: {@code load.users} (50) concurrent users (closed model), spread over the ten roles, arriving
 *       over the first 10 s, each with 1 s think time between requests, for {@code load.duration} seconds; plus five
 *       users fetching {@code /css/app.css} with the same think time. Asserts p95 &lt; 100 ms per request name. It is
 *       preceded by a warm-up walk of {@code load.warmup} seconds (30; 0 for none) whose requests are named
 *       "warmup …" and are not asserted, so that a freshly started server's JIT and caches are not what is measured;
 *       logins and id discovery have names of their own too.
 *   <li>{@code saturation}: each page alone, then the static file, for {@code load.phase} seconds each at
 *       {@code load.users} concurrent users without think time; prints and writes (target/gatling/saturation.txt)
 *       each page's throughput against the static file's (goal: at least 10 %).
 *   <li>{@code all} (default): walk, then saturation, in one run.
 * </ul>
 */
public class RolesSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("load.baseUrl", "http://127.0.0.1:8080");
    static final int DURATION = Integer.getInteger("load.duration", 60);
    static final int USERS = Integer.getInteger("load.users", 50);
    static final int PHASE = Integer.getInteger("load.phase", 10);
    static final int WARMUP = Integer.getInteger("load.warmup", 30);
    static final int RAMP = 10;
    static final String MODE = System.getProperty("load.mode", "all");
    static final String PASSWORD = System.getProperty("load.password", "demo");
    static final Duration THINK = Duration.ofSeconds(1);
    static final String MONTH = LocalDate.now().minusMonths(1).toString().substring(0, 7);

    /** One request of a role's walk: its report name and its path. */
    record Step(String name, String path, boolean api) {
        static Step page(String name, String path) {
            return new Step(name, path, false);
        }

        static Step api(String name, String path) {
            return new Step(name, path, true);
        }
    }

    record Role(String user, List<Step> steps) {}

    static final List<Step> REGION = List.of(
            Step.page("start", "/"),
            Step.page("facilities", "/facilities"),
            Step.page("facilities filter", "/facilities?q=bo&doctor=none"),
            Step.page("facilities page 2", "/facilities?page=2"),
            Step.page("agreements", "/agreements"),
            Step.page("settlements", "/settlements?month=" + MONTH),
            Step.page("coverage", "/coverage"),
            Step.page("practices", "/practices"),
            Step.page("notifications", "/notifications"),
            Step.page("matching", "/matching"),
            Step.page("hours", "/hours"),
            Step.api("api agreements", "/api/v1/agreements"),
            Step.api("api coverage", "/api/v1/coverage?level=MUNICIPALITY"),
            Step.api("api facilities", "/api/v1/facilities"));

    static final List<Role> ROLES = List.of(
            new Role("region-1081", REGION),
            new Role("region-1082", REGION),
            new Role("region-1083", REGION),
            new Role("region-1084", REGION),
            new Role("region-1085", REGION),
            new Role("kommune-aarhus", REGION),
            new Role(
                    "national",
                    List.of(
                            Step.page("start", "/"),
                            Step.page("coverage national", "/coverage"),
                            Step.page("budget", "/settlements/budget"),
                            Step.page("reports", "/reports"),
                            Step.page("hours national", "/hours"),
                            Step.page("notifications", "/notifications"),
                            Step.api("api coverage", "/api/v1/coverage?level=MUNICIPALITY"),
                            Step.api("api coverage national", "/api/v1/coverage?level=NATIONAL"))),
            new Role(
                    "admin",
                    List.of(
                            Step.page("start", "/"),
                            Step.page("coverage", "/coverage"),
                            Step.page("admin", "/admin"),
                            Step.page("users", "/admin/users"),
                            Step.page("notifications", "/notifications"),
                            Step.api("api coverage", "/api/v1/coverage?level=MUNICIPALITY"))),
            new Role(
                    "laege-aarhus",
                    List.of(
                            Step.page("start", "/"),
                            Step.page("agreements", "/agreements"),
                            Step.page("doctor agreement", "/agreements/#{agreementId}"),
                            Step.page("doctor cooperation plan", "/agreements/#{agreementId}/cooperation-plan"),
                            Step.page("doctor sessions", "/agreements/#{agreementId}/sessions"),
                            Step.page("sick visits", "/sick-visits"),
                            Step.page("hours", "/hours"),
                            Step.page("settlements", "/settlements?month=" + MONTH),
                            Step.page("notifications", "/notifications"),
                            Step.api("api agreements", "/api/v1/agreements"))),
            new Role(
                    "botilbud-aarhus",
                    List.of(
                            Step.page("start", "/"),
                            Step.page("facility", "/facilities/#{facilityId}"),
                            Step.page("facility resident counts", "/facilities/#{facilityId}/resident-counts"),
                            Step.page("facility sick visits", "/facilities/#{facilityId}/sick-visits"),
                            Step.page("agreements", "/agreements"),
                            Step.page("notifications", "/notifications"),
                            Step.api("api agreements", "/api/v1/agreements"))));

    static final Map<String, AtomicLong> SATURATION_COUNTS = new ConcurrentHashMap<>();

    final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptLanguageHeader("da")
            .disableCaching()
            .shareConnections()
            .check(status().is(200));

    /**
     * The form login: the CSRF token from /login, then POST /login; the start page follows the redirect. Its
     * requests are named with {@code prefix} so that the logins of the warm-up and the saturation phases (50 at once)
     * stay out of the walk's figures.
     */
    static ChainBuilder login(String user, String prefix) {
        return exec(http(prefix + "login form")
                        .get("/login")
                        .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http(prefix + "login")
                        .post("/login")
                        .formParam("username", user)
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(currentLocation().not(BASE_URL + "/login?error")));
    }

    /** The ids the doctor's and the facility's pages need, read from what they see; named apart from the walk. */
    static ChainBuilder discover(String user, String prefix) {
        if (user.startsWith("laege")) {
            return exec(http(prefix + "discover agreements")
                    .get("/agreements")
                    .check(regex("href=\"/agreements/(\\d+)\"").saveAs("agreementId")));
        }
        if (user.startsWith("botilbud")) {
            return exec(http(prefix + "discover start")
                    .get("/")
                    .check(regex("/facilities/(\\d+)/sick-visits").saveAs("facilityId")));
        }
        return exec(session -> session);
    }

    static ChainBuilder step(String user, Step step, String prefix) {
        var request = http(prefix + step.name()).get(step.path());
        if (step.api()) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes());
            request = request.header("Authorization", "Basic " + basic).header("Accept", "application/json");
        }
        return exec(request);
    }

    static ChainBuilder walk(Role role, String prefix) {
        List<ChainBuilder> chain = new ArrayList<>();
        for (Step s : role.steps()) {
            chain.add(step(role.user(), s, prefix).pause(THINK));
        }
        return exec(chain);
    }

    /**
     * A role's walkers for {@code seconds}: they arrive spread over the first {@link #RAMP} seconds (a Monday
     * morning, not 50 logins in the same millisecond), sign in, and walk until the time is up, leaving at once then
     * (exitASAP) so that the next phase starts on a quiet server.
     */
    static PopulationBuilder walkers(Role role, int users, int seconds, String prefix) {
        ScenarioBuilder scn = scenario(prefix + "walk " + role.user())
                .exec(login(role.user(), prefix))
                .exec(discover(role.user(), prefix))
                .pause(THINK)
                .during(Duration.ofSeconds(seconds), "walking", true)
                .on(walk(role, prefix));
        return scn.injectClosed(
                rampConcurrentUsers(0).to(users).during(Duration.ofSeconds(RAMP)),
                constantConcurrentUsers(users).during(Duration.ofSeconds(Math.max(1, seconds - RAMP))));
    }

    /** The yardstick beside the walkers: five users fetching the static file with the same think time. */
    static PopulationBuilder staticWalkers(int seconds, String prefix) {
        return scenario(prefix + "walk static")
                .during(Duration.ofSeconds(seconds), "walking", true)
                .on(exec(http(prefix + "static css").get("/css/app.css")).pause(THINK))
                .injectClosed(constantConcurrentUsers(5).during(Duration.ofSeconds(seconds)));
    }

    /** Every role's walkers and the static file's, side by side; the last one is the static file's. */
    static List<PopulationBuilder> walkPhase(int seconds, String prefix) {
        int perRole = Math.max(1, USERS / ROLES.size());
        List<PopulationBuilder> phase = new ArrayList<>();
        for (Role role : ROLES) {
            phase.add(walkers(role, perRole, seconds, prefix));
        }
        phase.add(staticWalkers(seconds, prefix));
        return phase;
    }

    /** One page hammered alone by {@code USERS} users without think time, counted for the saturation table. */
    static ScenarioBuilder hammer(String name, Role role, Step s, String label) {
        String key = s == null ? "static css" : name;
        ChainBuilder request =
                s == null ? exec(http("sat static css").get("/css/app.css")) : step(role.user(), s, "");
        ChainBuilder counted = request.exec(session -> {
            SATURATION_COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            return session;
        });
        ScenarioBuilder scn = scenario("saturation " + key + label);
        if (s != null) {
            scn = scn.exec(login(role.user(), "sat ")).exec(discover(role.user(), "sat "));
        }
        return scn.during(Duration.ofSeconds(PHASE)).on(counted);
    }

    /** Pages for the saturation phases: each distinct page once, as the first role that walks it. */
    static Map<String, Object[]> saturationPages() {
        Map<String, Object[]> pages = new LinkedHashMap<>();
        for (Role role : ROLES) {
            for (Step s : role.steps()) {
                String name = s.name();
                if (name.equals("start")) name = "start " + role.user();
                pages.putIfAbsent(name, new Object[] {role, new Step("sat " + name, s.path(), s.api())});
            }
        }
        return pages;
    }

    static PopulationBuilder chainSaturation() {
        List<PopulationBuilder> phases = new ArrayList<>();
        phases.add(hammer("static css", null, null, " (first)").injectClosed(constantConcurrentUsers(USERS).during(PHASE)));
        saturationPages()
                .forEach((name, rs) -> phases.add(hammer(name, (Role) rs[0], (Step) rs[1], "")
                        .injectClosed(constantConcurrentUsers(USERS).during(PHASE))));
        phases.add(hammer("static css", null, null, " (last)").injectClosed(constantConcurrentUsers(USERS).during(PHASE)));
        PopulationBuilder first = phases.get(0);
        for (int i = 1; i < phases.size(); i++) {
            first = first.andThen(phases.get(i));
        }
        return first;
    }

    {
        boolean walk = !MODE.equals("saturation");
        boolean saturation = !MODE.equals("walk");
        List<PopulationBuilder> populations;
        List<Assertion> assertions = new ArrayList<>();
        if (walk) {
            // the warm-up walk (names "warmup …") brings the JIT and the caches up; the measured walk starts when the
            // warm-up's static walkers are done, and the saturation phases when the measured ones are
            List<PopulationBuilder> measured = walkPhase(DURATION, "");
            if (saturation) {
                int last = measured.size() - 1;
                measured.set(last, measured.get(last).andThen(chainSaturation()));
            }
            populations = measured;
            if (WARMUP > 0) {
                List<PopulationBuilder> warm = walkPhase(WARMUP, "warmup ");
                int last = warm.size() - 1;
                warm.set(last, warm.get(last).andThen(measured));
                populations = warm;
            }
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            ROLES.forEach(role -> role.steps().forEach(s -> names.add(s.name())));
            names.add("static css");
            names.forEach(name -> assertions.add(details(name).responseTime().percentile(95.0).lt(100)));
        } else {
            populations = List.of(chainSaturation());
        }
        assertions.add(global().failedRequests().percent().lt(1.0));
        setUp(populations).protocols(protocol).assertions(assertions);
    }

    @Override
    public void after() {
        if (SATURATION_COUNTS.isEmpty()) return;
        double staticRate = SATURATION_COUNTS.getOrDefault("static css", new AtomicLong()).get() / (2.0 * PHASE);
        StringBuilder out = new StringBuilder(
                "Throughput at saturation (" + USERS + " users, no think time, " + PHASE + " s per page)\n");
        out.append(String.format("%-32s %10s %8s %s%n", "page", "req/s", "% static", "goal >= 10 %"));
        out.append(String.format("%-32s %10.1f %8s%n", "static css", staticRate, "100"));
        saturationPages().keySet().forEach(name -> {
            double rate = SATURATION_COUNTS.getOrDefault(name, new AtomicLong()).get() / (double) PHASE;
            double pct = staticRate == 0 ? 0 : 100 * rate / staticRate;
            out.append(String.format("%-32s %10.1f %8.1f %s%n", name, rate, pct, pct >= 10 ? "ok" : "BELOW"));
        });
        System.out.println(out);
        try {
            Path file = Path.of(System.getProperty("load.out", "target/gatling/saturation.txt"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            System.err.println("could not write the saturation table: " + e);
        }
    }
}
