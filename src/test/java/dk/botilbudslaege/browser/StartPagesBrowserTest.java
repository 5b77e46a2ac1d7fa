package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.EmptyRegion;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each role signs in and meets its own start page (issue 16 item 1), its main block first. */
@IntegrationTest
class StartPagesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Test
    void every_role_meets_its_own_work_on_the_start_page() {
        // other tests create facilities in Region Nordjylland: the empty state is met in a region with none now
        Map<String, String> mainBlock = Map.of(
                "region-midt",
                "start-forms",
                EmptyRegion.signInUser(jdbc, users).username(),
                "start-empty",
                "kommune-norddjurs",
                "start-uncovered",
                "botilbud-skovstjernen",
                "start-doctor",
                "laege-norddjurs",
                "start-agreements",
                "national",
                "coverage-value",
                "admin",
                "start-admin");
        mainBlock.forEach((user, block) -> {
            try (Browser browser = Browser.open(port)) {
                browser.login(user);
                assertThat(browser.find(By.id(block)).isDisplayed()).as(user).isTrue();
                assertThat(browser.text()).as(user).doesNotContain("??", "Du er læge i Anne Kjær");
                browser.screenshot("start-" + user);
            }
        });
    }

    @Test
    void the_municipality_follows_its_block_to_the_facilities_without_a_doctor() {
        try (Browser browser = Browser.open(port)) {
            browser.login("kommune-norddjurs");
            assertThat(browser.find(By.id("start-scope")).getText()).contains("Norddjurs Kommune");
            browser.clickAndWait(By.linkText("Se botilbud uden fast læge"));
            assertThat(browser.url()).contains("doctor=none");
            assertThat(browser.text()).contains("Fast læge").doesNotContain("??");
        }
    }
}
