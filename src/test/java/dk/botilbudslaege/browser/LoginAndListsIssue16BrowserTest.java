package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 items 6–8 in Chromium: a deep link survives the login, the user name stays after a wrong password, the
 * doctor filters the openings (kept in the URL), and the dispensations list keeps the expired ones apart.
 */
@IntegrationTest
class LoginAndListsIssue16BrowserTest {

    @LocalServerPort
    int port;

    @Test
    void a_deep_link_survives_a_wrong_password_and_the_user_name_stays_in_the_field() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/dispensations?show=expired");
            assertThat(browser.url()).endsWith("/login");
            assertThat(browser.text()).contains("Demo-logins");

            browser.type(By.id("username"), "region-midt");
            browser.type(By.id("password"), "forkert");
            browser.clickAndWait(By.cssSelector("form button[type=submit]"));
            assertThat(browser.text()).contains("Forkert brugernavn eller adgangskode.");
            assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo("region-midt");
            assertThat(browser.find(By.id("password")).getAttribute("value")).isEmpty();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("password");

            browser.type(By.id("password"), Api.PASSWORD);
            browser.clickAndWait(By.cssSelector("form button[type=submit]"));
            assertThat(browser.url()).endsWith("/dispensations?show=expired");
            assertThat(browser.find(By.id("dispensation-tabs")).getText()).contains("Udløbet", "I kraft og kommende");
        }
    }

    @Test
    void the_doctor_filters_the_openings_and_the_filter_stays_in_the_url() {
        try (Browser browser = Browser.open(port)) {
            browser.login("laege-norddjurs");
            browser.go("/matching/wishes");
            new Select(browser.find(By.id("f-municipality"))).selectByVisibleText("Norddjurs");
            new Select(browser.find(By.id("f-size"))).selectByValue("25");
            browser.clickAndWait(By.cssSelector("#opening-filters button[type=submit]"));
            assertThat(browser.url()).contains("municipality=707", "size=25");
            assertThat(browser.text()).contains("Viser 1–", "Nulstil filtre");
            assertThat(browser.driver().findElements(By.cssSelector("#openings tbody tr td:nth-child(2)")))
                    .isNotEmpty()
                    .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("Norddjurs"));
        }
    }
}
