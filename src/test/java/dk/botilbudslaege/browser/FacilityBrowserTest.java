package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The main flow of the registry as a municipal contact meets it, in Danish. */
@IntegrationTest
class FacilityBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void a_municipal_contact_creates_a_facility_corrects_a_bad_value_and_finds_it_in_the_list() {
        try (Browser browser = Browser.open(port)) {
            browser.login("kommune-norddjurs");
            assertThat(browser.text()).contains("Oversigt", "Botilbud", "Læger og praksisser", "Norddjurs");

            browser.go("/facilities");
            browser.clickAndWait(By.linkText("Opret botilbud"));
            browser.type(By.id("name"), "Bofællesskabet Kattegatblik");
            browser.type(By.id("address"), "Havnevej 4, 8500 Grenaa");
            new Select(browser.find(By.id("legalBasis"))).selectByValue("ABL_105");
            browser.type(By.id("places"), "10");
            browser.type(By.id("residents"), "12");
            browser.clickAndWait(By.cssSelector("form.card button[type=submit]"));

            assertThat(browser.text()).contains("Antal beboere kan ikke være større end antal pladser (10).");
            browser.screenshot("facility-form-error");

            browser.type(By.id("residents"), "9");
            browser.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/facilities/\\d+$"));
            assertThat(browser.text())
                    .contains(
                            "Oprettet.",
                            "Bofællesskabet Kattegatblik",
                            "ABL § 105 med hjælp efter SEL § 85",
                            "Norddjurs (707)");

            browser.go("/facilities");
            browser.type(By.id("q"), "kattegat");
            browser.waitFor(d -> d.findElement(By.id("results")).getText().startsWith("1 resultat"));
            assertThat(browser.find(By.id("results")).getText())
                    .contains("Bofællesskabet Kattegatblik")
                    .doesNotContain("Skovstjernen");
            assertThat(browser.url()).contains("q=kattegat");
            browser.screenshot("facility-list-search");
        }
    }
}
