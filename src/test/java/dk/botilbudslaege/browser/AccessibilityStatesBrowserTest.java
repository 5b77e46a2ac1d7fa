package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.browser.AccessibilityBrowserTest.Finding;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, items 9 and 10, for the states AccessibilityBrowserTest's walk over plain GET pages never meets: forms
 * after a failed submit (sent empty, the browser's own validation switched off, so the server's error page shows),
 * the confirmation steps (approve an agreement, give notice, end one, lock a month, send a survey, revoke or rotate an
 * API client, disable a user), htmx-swapped results (the agreement search, the notice preview), the admin forms with
 * their scope pickers, and a detail page of each kind of state (agreement draft, filed, active, notice given, ended;
 * a round open and closed). Each state is checked at the desktop width (all axe rules) and at 390 px (the width
 * rules, no sideways scroll, touch targets of 44 × 44 px by {@link TouchTargets}' rule). The rows it needs it makes
 * itself through the API, with unique names, in Norddjurs (as the agreement tests do); nothing of the demo's is
 * changed: a confirmation step is opened, never confirmed.
 */
@IntegrationTest
class AccessibilityStatesBrowserTest {

    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(870_000);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    record Step(String name, Consumer<Browser> into) {}

    final List<Finding> findings = new ArrayList<>();
    final Map<String, String> tooWide = new LinkedHashMap<>();
    final Map<String, List<String>> small = new LinkedHashMap<>();
    final List<String> failed = new ArrayList<>();
    int visited;

    @Test
    void every_state_of_every_role_has_no_serious_violation_fits_a_phone_and_has_touch_targets() {
        Api api = Api.on(port);
        long draft = agreement(api, false, false);
        long filed = agreement(api, true, false);
        long active = agreement(api, true, true);
        long toReject = agreement(api, true, false);
        Optional<Long> noticed = any("NOTICE_GIVEN");
        Optional<Long> ended = any("ENDED");
        String victim = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(
                victim, Api.PASSWORD, "Tilgængelig Testperson", Role.REGION, "1082", null, null, null));
        String lastMonth = YearMonth.now().minusMonths(1).toString();
        long survey = jdbc.sql("select min(id) from survey where region_code = '1082'")
                .query(Long.class)
                .single();

        List<Step> region = new ArrayList<>(List.of(
                new Step("agreement draft", b -> b.go("/agreements/" + draft)),
                new Step("agreement filed", b -> b.go("/agreements/" + filed)),
                new Step("agreement active", b -> b.go("/agreements/" + active)),
                new Step("approve confirmation", b -> {
                    b.go("/agreements/" + filed);
                    b.clickAndWait(By.id("approve"));
                }),
                new Step("reject without a reason", b -> {
                    b.go("/agreements/" + toReject);
                    submit(b, By.id("reject"));
                }),
                new Step("end without a reason", b -> {
                    b.go("/agreements/" + active);
                    submit(b, By.id("end"));
                }),
                new Step("agreement search (htmx)", b -> {
                    b.go("/agreements");
                    if (!b.driver().findElements(By.id("q")).isEmpty()) {
                        b.type(By.id("q"), "a");
                        pause(b, 600);
                    }
                }),
                new Step("dispensation sent empty", b -> {
                    b.go("/dispensations");
                    submit(b, By.cssSelector("form.card button[type=submit]"));
                }),
                new Step("survey sent empty", b -> {
                    b.go("/surveys/new");
                    submit(b, By.id("create-survey"));
                }),
                new Step("survey send confirmation", b -> b.go("/surveys/" + survey + "/send")),
                new Step("lock month confirmation", b -> b.go("/settlements/approve?month=" + lastMonth)),
                new Step("round open", b -> round(b, "open")),
                new Step("round closed", b -> round(b, "closed"))));
        noticed.ifPresent(id -> region.add(new Step("agreement notice given", b -> b.go("/agreements/" + id))));
        ended.ifPresent(id -> region.add(new Step("agreement ended", b -> b.go("/agreements/" + id))));

        List<Step> municipality = List.of(
                new Step("new agreement sent empty", b -> {
                    b.go("/agreements/new");
                    submit(b, By.cssSelector("form.card button[type=submit]"));
                }),
                new Step("edit draft", b -> b.go("/agreements/" + draft + "/edit")),
                new Step("information form sent empty", b -> {
                    b.go("/agreements/" + draft + "/submit");
                    submit(b, By.cssSelector("form.card button[type=submit]"));
                }));

        List<Step> doctor = List.of(new Step("notice preview (htmx) and confirmation", b -> {
            b.go("/agreements");
            Optional<String> own = firstLink(b, Pattern.compile("/agreements/\\d+"));
            if (own.isEmpty()) {
                return;
            }
            b.go(own.get());
            if (b.driver().findElements(By.id("give-notice")).isEmpty()) {
                return;
            }
            b.find(By.id("noticeDate")).sendKeys("01-01-2026");
            pause(b, 600);
            check(b, "laege-norddjurs notice preview");
            b.go(java.net.URI.create(b.url()).getPath());
            b.clickAndWait(By.id("give-notice"));
        }));

        List<Step> facility = List.of(new Step("sick visit sent empty", b -> {
            b.go("/");
            Optional<String> visits = firstLink(b, Pattern.compile("/facilities/\\d+/sick-visits"));
            visits.ifPresent(b::go);
            if (!b.driver()
                    .findElements(By.cssSelector("main form button.primary[type=submit]"))
                    .isEmpty()) {
                submit(b, By.cssSelector("main form button.primary[type=submit]"));
            }
        }));

        List<Step> admin = List.of(
                new Step("new user sent empty", b -> {
                    b.go("/admin/users/new");
                    submit(b, By.cssSelector("#invite-form button[type=submit]"));
                }),
                new Step("user page", b -> b.go("/admin/users/" + victim)),
                new Step("disable user confirmation", b -> {
                    b.go("/admin/users/" + victim);
                    b.clickAndWait(By.cssSelector("#disable-form button"));
                }),
                new Step("new API client sent empty", b -> {
                    b.go("/admin/api-clients/new");
                    submit(b, By.cssSelector("#api-client-form button[type=submit]"));
                }),
                new Step("revoke API client confirmation", b -> {
                    b.go("/admin/api-clients");
                    firstLink(b, Pattern.compile("/admin/api-clients/\\d+/revoke"))
                            .ifPresent(b::go);
                }),
                new Step("rotate API client confirmation", b -> {
                    b.go("/admin/api-clients");
                    firstLink(b, Pattern.compile("/admin/api-clients/\\d+/rotate-(secret|key)"))
                            .ifPresent(b::go);
                }));

        walk("region-midt", region);
        walk("kommune-norddjurs", municipality);
        walk("laege-norddjurs", doctor);
        walk("botilbud-skovstjernen", facility);
        walk("admin", admin);

        System.out.println(AccessibilityBrowserTest.table(findings, visited));
        tooWide.forEach((page, what) -> System.out.println("too wide at 390 px: " + page + " " + what));
        int targets = small.values().stream().mapToInt(List::size).sum();
        System.out.println("touch targets below 44 × 44 px at 390 px: " + targets);
        small.forEach((page, what) -> what.forEach(w -> System.out.println("  " + page + ": " + w)));
        assertThat(findings.stream()
                        .filter(f -> "serious".equals(f.impact()) || "critical".equals(f.impact()))
                        .toList())
                .as("serious or critical axe violations (table above)")
                .isEmpty();
        assertThat(failed).as("steps that could not be taken").isEmpty();
        assertThat(tooWide).as("states that scroll sideways at 390 px").isEmpty();
        assertThat(small)
                .as("touch targets below 44 × 44 px at 390 px (list above)")
                .isEmpty();
    }

    private void walk(String user, List<Step> steps) {
        try (Browser browser = Browser.open(port)) {
            browser.login(user);
            for (Step step : steps) {
                AccessibilityBrowserTest.desktop(browser);
                try {
                    step.into().accept(browser);
                } catch (RuntimeException e) {
                    failed.add(user + " " + step.name() + ": "
                            + e.getMessage().lines().findFirst().orElse(""));
                    continue;
                }
                check(browser, user + " " + step.name());
            }
        }
    }

    /** The state the browser is in, at the desktop width and at 390 px. */
    private void check(Browser browser, String where) {
        visited++;
        AccessibilityBrowserTest.desktop(browser);
        AccessibilityBrowserTest.settle(browser);
        AccessibilityBrowserTest.nextFrame(browser);
        assertThat(browser.text()).as(where).doesNotContain("??", "Whitelabel");
        String path = java.net.URI.create(browser.url()).getPath();
        String at = where + " (" + path + ")";
        AccessibilityBrowserTest.inject(browser);
        findings.addAll(AccessibilityBrowserTest.axe(browser, at, AccessibilityBrowserTest.ALL_RULES));
        AccessibilityBrowserTest.phone(browser);
        AccessibilityBrowserTest.nextFrame(browser);
        findings.addAll(AccessibilityBrowserTest.axe(browser, at + " @390", AccessibilityBrowserTest.WIDTH_RULES));
        long width = AccessibilityBrowserTest.number(browser, "return document.documentElement.scrollWidth");
        long inner = AccessibilityBrowserTest.number(browser, "return window.innerWidth");
        if (width > Math.min(inner, AccessibilityBrowserTest.PHONE)) {
            tooWide.put(at, width + " px: " + AccessibilityBrowserTest.tooWideElements(browser));
        }
        List<String> tiny = TouchTargets.tooSmall(browser);
        if (!tiny.isEmpty()) {
            small.put(at, tiny);
        }
        AccessibilityBrowserTest.desktop(browser);
    }

    /** Sends the form of this button with the browser's own checks off, so the server's answer shows. */
    private static void submit(Browser browser, By button) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        browser.clickAndWait(button);
    }

    private static void pause(Browser browser, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AccessibilityBrowserTest.settle(browser);
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> firstLink(Browser browser, Pattern pattern) {
        List<String> hrefs = (List<String>) ((JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('main a[href]')]"
                        + ".map(a => new URL(a.href).pathname)");
        return hrefs.stream().filter(h -> pattern.matcher(h).matches()).findFirst();
    }

    private void round(Browser browser, String state) {
        Optional<Long> id = jdbc.sql("select id from matching_round where region_code = '1082' and "
                        + ("open".equals(state) ? "status = 'OPEN'" : "status = 'CLOSED'")
                        + " order by id limit 1")
                .query(Long.class)
                .optional();
        browser.go(id.map(i -> "/matching/rounds/" + i).orElse("/matching/rounds"));
    }

    private Optional<Long> any(String status) {
        return jdbc.sql("select min(id) from agreement_overview where status = :s and municipality_code = '707'")
                .param("s", status)
                .query(Long.class)
                .optional();
    }

    /** A fresh agreement in Norddjurs: a draft, filed, or filed and approved. */
    private static long agreement(Api api, boolean filed, boolean approved) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        practice.put("name", "Lægehuset A11y " + tag);
        practice.put("address", "Torvet 1, 8500 Grenaa");
        practice.put("municipalityCode", "707");
        practice.put("clinicType", "ORDINARY");
        practice.put("doctorCapacity", 1);
        practice.put("openForNewPatients", true);
        practice.put("vatRegistered", false);
        long practiceId = created(api.as("region-midt").post("/api/v1/practices", practice));
        long doctorId = created(api.as("region-midt")
                .post(
                        "/api/v1/doctors",
                        Map.of("practiceId", practiceId, "name", "Læge A11y " + tag, "nursingHomeDoctor", false)));
        Map<String, Object> facility = new LinkedHashMap<>();
        facility.put("name", "Botilbud A11y " + tag);
        facility.put("address", "Testvej 1, 8500 Grenaa");
        facility.put("municipalityCode", "707");
        facility.put("operator", "MUNICIPAL");
        facility.put("legalBasis", "SEL_108");
        facility.put("places", 9);
        facility.put("residents", 9);
        long facilityId = created(api.as("region-midt").post("/api/v1/facilities", facility));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", LocalDate.now().withDayOfMonth(1).toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        long id = created(api.as("kommune-norddjurs").post("/api/v1/agreements", body));
        if (filed) {
            Api.Response submitted = api.as("kommune-norddjurs").post("/api/v1/agreements/" + id + "/submit", Map.of());
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        }
        if (approved) {
            Api.Response ok = api.as("region-midt").post("/api/v1/agreements/" + id + "/approve", "");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        }
        return id;
    }

    private static long created(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
