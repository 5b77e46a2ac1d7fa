package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, item 4, in the browser: a form sent with a date that does not exist opens with the error
 * summary focused; its link moves focus to the field; the date is typed as dd-mm-åååå.
 */
@IntegrationTest
class FormErrorsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void a_bad_date_opens_the_form_with_the_summary_focused_and_its_link_focuses_the_field() {
        try (Browser municipality = Browser.open(port)) {
            municipality.login("kommune-norddjurs");
            municipality.go("/agreements/new");
            assertThat(municipality.find(By.id("startDate")).getAttribute("type"))
                    .isEqualTo("text");
            assertThat(municipality.find(By.id("startDate")).getAttribute("placeholder"))
                    .isEqualTo("dd-mm-åååå");
            municipality.type(By.id("startDate"), "31-02-2026");
            municipality.clickAndWait(By.cssSelector("form.card button[type=submit]"));

            assertThat(active(municipality, "className")).contains("error-summary");
            assertThat(municipality.find(By.cssSelector(".error-summary")).getText())
                    .contains("Der er et problem", "Datoen 31-02-2026 findes ikke");
            assertThat(municipality.find(By.id("startDate")).getAttribute("value"))
                    .isEqualTo("31-02-2026");
            municipality.screenshot("form-error-summary");

            municipality
                    .find(By.cssSelector(".error-summary a[href='#startDate']"))
                    .click();
            assertThat(active(municipality, "id")).isEqualTo("startDate");
        }
    }

    private static String active(Browser browser, String property) {
        return String.valueOf(((JavascriptExecutor) browser.driver())
                .executeScript("return document.activeElement && document.activeElement[arguments[0]];", property));
    }
}
