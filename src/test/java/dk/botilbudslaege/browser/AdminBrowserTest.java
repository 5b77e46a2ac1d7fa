package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator indexes the hourly rate (seeing what it rewrites first) and adds a coverage target. */
@IntegrationTest
class AdminBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void the_administrator_adds_a_rate_after_seeing_its_consequence_and_a_new_target() {
        try (Browser admin = Browser.open(port)) {
            admin.login("admin");
            admin.clickAndWait(By.linkText("Administration"));
            assertThat(admin.text()).contains("Timesats", "Lovgrundlag i målgruppen", "Mål", "1.072,01 kr.");

            date(admin, "rate-validFrom", "2036-06-01");
            admin.type(By.id("rate-hourlyRate"), "1.250,00");
            admin.clickAndWait(By.cssSelector("#rate-form button[type=submit]"));
            assertThat(admin.text()).contains("omskriver betalingen til alle regioner fra 01-06-2036");
            assertThat(admin.find(By.cssSelector("#rates table")).getText()).doesNotContain("01-06-2036");
            admin.screenshot("admin-rate-confirm");
            admin.clickAndWait(By.cssSelector("#rate-confirm button[type=submit]"));
            assertThat(admin.text()).contains("Taksten er tilføjet.");
            assertThat(admin.find(By.cssSelector("#rates table")).getText()).contains("01-06-2036", "1.250,00 kr.");

            date(admin, "t-targetDate", "2042-12-31");
            admin.type(By.id("t-facilities"), "1000");
            admin.type(By.id("t-note"), "Alle botilbud i fase 1");
            admin.clickAndWait(By.cssSelector("#target-form button[type=submit]"));
            assertThat(admin.find(By.id("target-history")).getText())
                    .contains("31-12-2042", "1000", "Alle botilbud i fase 1", "31-12-2025", "250");
            admin.screenshot("admin-settings");
        }
    }

    private static void date(Browser browser, String id, String isoDate) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", browser.find(By.id(id)), isoDate);
    }
}
