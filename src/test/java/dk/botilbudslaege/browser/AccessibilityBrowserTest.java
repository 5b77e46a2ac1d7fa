package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.selenium.AxeBuilder;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, item 10 (accessibility) and item 9 (phone width): every demo role signs in once, visits every page of
 * its menu plus the main detail pages it can reach from them (the first facility, practice, agreement, round,
 * survey, settlement month, dispensation application, user and each administration page), and runs axe-core on each
 * at the desktop width (all of axe's default rules) and again at 390 px (the rules that depend on the width). A
 * serious or critical violation fails the test; every violation is printed as a table (rule, impact, count, page,
 * first elements). At 390 px the page must not scroll sideways. One browser a role, each page loaded once.
 */
@IntegrationTest
class AccessibilityBrowserTest {

    static final int PHONE = 390;

    static final List<String> USERS = List.of(
            "region-midt", "kommune-norddjurs", "botilbud-skovstjernen", "laege-norddjurs", "national", "admin");

    /** The detail pages, one of each kind a role can reach: the first link found that matches. */
    static final List<Pattern> DETAILS = List.of(
            Pattern.compile("/facilities/\\d+"),
            Pattern.compile("/practices/\\d+"),
            Pattern.compile("/agreements/\\d+"),
            Pattern.compile("/matching/rounds/\\d+"),
            Pattern.compile("/surveys/\\d+"),
            Pattern.compile("/surveys/\\d+/results"),
            Pattern.compile("/surveys/\\d+/answer"),
            Pattern.compile("/settlements/\\d{4}-\\d{2}"),
            Pattern.compile("/dispensation-applications/\\d+"),
            Pattern.compile("/admin/users/[^/]+"));

    /** axe-core's default: all its rules (WCAG 2.x A/AA and best practices). */
    static final String ALL_RULES = "{resultTypes: ['violations']}";

    /**
     * At 390 px the page is the same document with the same colours (app.css changes only the layout there), so
     * only the rules whose outcome depends on the width run again: scrolling regions, target sizes (WCAG 2.2, off
     * in axe's default), the viewport. It halves the test's time.
     */
    static final String WIDTH_RULES = "{resultTypes: ['violations'], runOnly: {type: 'rule', values:"
            + " ['scrollable-region-focusable', 'target-size', 'meta-viewport', 'meta-viewport-large',"
            + " 'css-orientation-lock']}}";

    /** Each administration page is its own page (not one of a kind). */
    static final Pattern ADMIN = Pattern.compile("/admin/[a-z-]+");

    @LocalServerPort
    int port;

    record Finding(String rule, String impact, String page, int count, String where) {}

    @Test
    void every_page_of_every_role_has_no_serious_accessibility_violation_and_fits_a_phone() {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> tooWide = new LinkedHashMap<>();
        int visited = 0;
        for (String user : USERS) {
            try (Browser browser = Browser.open(port)) {
                browser.login(user);
                List<String> pages = new ArrayList<>(menu(browser));
                Set<Pattern> found = new LinkedHashSet<>();
                // the menu's pages, and the detail pages found on them on the way; each page is loaded once and
                // checked at the desktop width, then at 390 px (the emulation changes the layout in place)
                for (int i = 0; i < pages.size(); i++) {
                    String path = pages.get(i);
                    String where = user + " " + path;
                    desktop(browser);
                    browser.go(path);
                    settle(browser);
                    inject(browser);
                    findings.addAll(axe(browser, where, ALL_RULES));
                    for (String link : links(browser)) {
                        if (pages.contains(link)) {
                            continue;
                        }
                        if (ADMIN.matcher(link).matches()) {
                            pages.add(link);
                            continue;
                        }
                        for (Pattern detail : DETAILS) {
                            if (!found.contains(detail) && detail.matcher(link).matches()) {
                                found.add(detail);
                                pages.add(link);
                            }
                        }
                    }
                    phone(browser);
                    nextFrame(browser);
                    findings.addAll(axe(browser, where + " @390", WIDTH_RULES));
                    long width = number(browser, "return document.documentElement.scrollWidth");
                    if (width > PHONE) {
                        tooWide.put(where, width + " px: " + tooWideElements(browser));
                    }
                }
                visited += pages.size();
            }
        }
        System.out.println(table(findings, visited));
        tooWide.forEach((page, what) -> System.out.println("too wide at 390 px: " + page + " " + what));
        assertThat(findings.stream()
                        .filter(f -> "serious".equals(f.impact()) || "critical".equals(f.impact()))
                        .toList())
                .as("serious or critical axe violations (table above)")
                .isEmpty();
        assertThat(tooWide).as("pages that scroll sideways at 390 px").isEmpty();
    }

    /** The pages of the signed-in user's menu: the main menu, the notifications and the profile. */
    @SuppressWarnings("unchecked")
    private static List<String> menu(Browser browser) {
        List<String> hrefs = (List<String>) ((JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('nav.mainnav a, .usermenu a:not(.lang)')]"
                        + ".map(a => new URL(a.href).pathname)");
        return new ArrayList<>(new LinkedHashSet<>(hrefs));
    }

    /** The same-site links of the page's content (not the header), as paths. */
    @SuppressWarnings("unchecked")
    private static List<String> links(Browser browser) {
        List<String> hrefs = (List<String>) ((JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('body > :not(header) a[href]')]"
                        + ".map(a => new URL(a.href)).filter(u => u.origin === location.origin)"
                        + ".map(u => u.pathname)");
        return hrefs.stream().distinct().toList();
    }

    /** Waits until the page and whatever htmx loads into it on load are there. */
    static void settle(Browser browser) {
        browser.waitFor(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript(
                        "return document.readyState === 'complete'" + " && !document.querySelector('.htmx-request')"));
    }

    /** axe-core's script, as the axe-core Selenium package ships it. */
    private static String axeScript() {
        if (axeScript == null) {
            try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeScript;
    }

    private static String axeScript;

    static void inject(Browser browser) {
        ((JavascriptExecutor) browser.driver()).executeScript(axeScript());
    }

    /** The page's violations, one row a rule: axe-core run in the page (injected once, run at each width). */
    @SuppressWarnings("unchecked")
    static List<Finding> axe(Browser browser, String page, String options) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object result = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, " + options + ")"
                        + ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length,"
                        + " v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')])))"
                        + ".catch(e => done('axe failed: ' + e));");
        assertThat(result).as("axe ran on %s", page).isInstanceOf(List.class);
        List<Finding> findings = new ArrayList<>();
        for (List<Object> rule : (List<List<Object>>) result) {
            findings.add(new Finding(
                    (String) rule.get(0), (String) rule.get(1), page, ((Number) rule.get(2)).intValue(), (String)
                            rule.get(3)));
        }
        return findings;
    }

    static String table(List<Finding> findings, int pages) {
        StringBuilder out = new StringBuilder(
                "axe-core on " + pages + " pages (each at desktop and 390 px): " + findings.size() + " violations\n");
        out.append(String.format("%-28s %-9s %-5s %s%n", "rule", "impact", "count", "page"));
        for (Finding f : findings) {
            out.append(
                    String.format("%-28s %-9s %5d %s%n", f.rule(), f.impact(), f.count(), f.page() + "  " + f.where()));
        }
        Map<String, Integer> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.merge(f.impact() + " " + f.rule(), f.count(), Integer::sum));
        out.append("totals (impact rule: elements):\n");
        byRule.forEach((rule, count) ->
                out.append("  ").append(rule).append(": ").append(count).append('\n'));
        return out.toString();
    }

    /** Waits two frames: the page has had its resize event and laid itself out at the new width. */
    static void nextFrame(Browser browser) {
        ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    static void desktop(Browser browser) {
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** A phone, as Chromium's device emulation draws it: 390 × 844 CSS px, mobile. */
    static void phone(Browser browser) {
        ((HasCdp) browser.driver())
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", PHONE, "height", 844, "deviceScaleFactor", 3, "mobile", true));
    }

    /**
     * What makes the page too wide: the outermost elements past the phone's right edge, and the elements whose text
     * runs out of their box, leaving out those inside a box that scrolls or clips.
     */
    static Object tooWideElements(Browser browser) {
        return ((JavascriptExecutor) browser.driver())
                .executeScript("const clipped = e => { for (let p = e.parentElement; p && p !== document.body;"
                        + " p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; }"
                        + " return false; };"
                        + "const wide = e => e.getBoundingClientRect().right > " + PHONE + " && !clipped(e);"
                        + "const spills = e => e.children.length === 0 && e.scrollWidth > e.clientWidth + 1"
                        + " && getComputedStyle(e).overflowX === 'visible' && !clipped(e);"
                        + "return [...document.querySelectorAll('body *')]"
                        + ".filter(e => (wide(e) && !wide(e.parentElement)) || spills(e))"
                        + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')"
                        + " + (e.id ? '#' + e.id : '') + ' right ' + Math.round(e.getBoundingClientRect().right)"
                        + " + ' text ' + e.scrollWidth + '/' + e.clientWidth)");
    }

    static long number(Browser browser, String script) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
    }
}
