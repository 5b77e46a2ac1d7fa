package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10 item 8: every page passes the Content-Security-Policy (no inline script or style): Chromium
 * reports a violation on its console ("Refused to ..."), and none appears on the main pages, with htmx
 * working (the agreement form's unit options) and the priority list's select still submitting.
 */
@IntegrationTest
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void the_main_pages_load_without_a_content_security_policy_violation() {
        List<String> refused = new ArrayList<>();
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            collect(browser, "/login", refused);
            browser.login("region-midt");
            for (String page : new String[] {
                "/",
                "/facilities",
                "/practices",
                "/agreements",
                "/agreements/new",
                "/matching",
                "/matching/priorities",
                "/settlements",
                "/reports",
                "/no-such-page",
                "/api/v1/docs"
            }) {
                browser.go(page);
                browser.waitFor(d -> "complete"
                        .equals(((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.readyState")));
                collect(browser, page, refused);
            }
            browser.go("/agreements/new");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("window.requested = []; document.body.addEventListener('htmx:afterRequest',"
                    + " e => window.requested.push(e.detail.xhr.responseURL));");
            // issue 16 item 3: the facility is chosen in the searchable picker (htmx fetches the matches)
            browser.find(By.id("facilityIds")).sendKeys(" ");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#facilityIds-listbox [role=option][data-value]"))
                    .isEmpty());
            browser.find(By.id("facilityIds")).sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
            browser.find(By.id("facilityIds")).sendKeys(org.openqa.selenium.Keys.ENTER);
            String chosen = browser.find(By.id("facilityIds-value")).getAttribute("value");
            assertThat(chosen).isNotEmpty();
            String requested = browser.waitFor(d -> (String) js.executeScript(
                    "return window.requested.find(u => u.includes('/agreements/unit-options'))" + " || null"));
            assertThat(requested)
                    .as("htmx asks for the chosen facility's units (app.js)")
                    .contains("/agreements/unit-options")
                    .contains("facilityId=" + chosen);
            collect(browser, "/agreements/new (htmx)", refused);
        }
        try (Browser facility = Browser.open(port)) {
            facility.login("botilbud-skovstjernen");
            facility.go("/matching/priorities");
            collect(facility, "/matching/priorities (facility)", refused);
            List<org.openqa.selenium.WebElement> autosubmit =
                    facility.driver().findElements(By.cssSelector("select[data-autosubmit]"));
            if (!autosubmit.isEmpty()
                    && new Select(autosubmit.get(0)).getOptions().size() > 1) {
                Select choice = new Select(autosubmit.get(0));
                String other = choice.getOptions().get(1).getAttribute("value");
                choice.selectByIndex(1);
                facility.waitFor(d -> d.getCurrentUrl().contains("facilityId=" + other));
            }
        }
        assertThat(refused).isEmpty();
    }

    private static void collect(Browser browser, String page, List<String> refused) {
        browser.consoleLog().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Refused to"))
                .map(line -> page + ": " + line)
                .forEach(refused::add);
    }
}
