package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Practices and doctors as the region keeps them; what a doctor and the national viewer meet. */
@IntegrationTest
class PracticeBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void a_region_employee_registers_a_practice_and_its_doctors() {
        try (Browser browser = Browser.open(port)) {
            browser.login("region-midt");
            browser.go("/practices");
            browser.clickAndWait(By.linkText("Opret praksis"));
            browser.type(By.id("providerNumber"), "12345");
            browser.type(By.id("name"), "Lægerne i Ebeltoft");
            browser.type(By.id("address"), "Adelgade 1, 8400 Ebeltoft");
            new Select(browser.find(By.id("municipalityCode"))).selectByVisibleText("Syddjurs");
            browser.type(By.id("doctorCapacity"), "2");
            new Select(browser.find(By.id("openForNewPatients"))).selectByValue("true");
            new Select(browser.find(By.id("vatRegistered"))).selectByValue("false");
            browser.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(browser.text()).contains("Ydernummeret skal være 6 cifre.");

            browser.type(By.id("providerNumber"), "706001");
            browser.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            browser.waitFor(d -> d.getCurrentUrl().matches(".*/practices/\\d+$"));
            assertThat(browser.text()).contains("Lægerne i Ebeltoft", "706001", "Syddjurs", "Ingen læger registreret.");

            browser.clickAndWait(By.cssSelector("form.stack button[type=submit]"));
            assertThat(browser.text()).contains("Lægens navn skal udfyldes.");
            browser.type(By.id("name"), "Birgitte Bruun");
            browser.find(By.id("nursingHomeDoctor1")).click();
            browser.clickAndWait(By.cssSelector("form.stack button[type=submit]"));
            assertThat(browser.text()).contains("Oprettet.", "Birgitte Bruun", "Plejehjemslæge");
            // issue 16: the history names the person (web.ShownText), not the user name
            assertThat(browser.text())
                    .contains(
                            "Historik", "Region Midtjylland, Sundhedsplanlægning", "Oprettet", "Ydernummer: – → 706001")
                    .doesNotContain("region-midt");
            browser.screenshot("practice-detail");

            browser.go("/doctors");
            browser.type(By.id("q"), "Birgitte Bruun");
            browser.waitFor(d -> d.findElement(By.id("results")).getText().startsWith("1 resultat"));
            assertThat(browser.find(By.id("results")).getText()).contains("Lægerne i Ebeltoft");
        }
    }

    @Test
    void a_doctor_sees_the_practices_of_the_region_but_edits_only_their_own() {
        try (Browser browser = Browser.open(port)) {
            browser.login("laege-norddjurs");
            browser.go("/practices?q=Torvet");
            browser.clickAndWait(By.linkText("Lægerne ved Torvet"));
            assertThat(browser.text()).contains("Anne Kjær", "Peter Holm", "Mette Lund");
            assertThat(browser.find(By.linkText("Rediger")).isDisplayed()).isTrue();
            // issue 16 item 2 (i16-rest): the capacities used under R3, the practice's and each doctor's
            assertThat(browser.find(By.id("practice-load")).getText()).matches("(?s)\\d+ af \\d+ kapaciteter brugt.*");
            assertThat(browser.text()).contains("1 af 1 botilbud");

            browser.go("/practices?q=Auning");
            browser.clickAndWait(By.linkText("Lægehuset Auning"));
            assertThat(browser.text())
                    .contains("Du kan se, men ikke ændre denne praksis.")
                    .doesNotContain("Rediger");
        }
    }

    @Test
    void the_national_viewer_sees_aggregates_and_is_refused_the_registry_in_danish_or_english() {
        try (Browser browser = Browser.open(port)) {
            browser.login("national");
            assertThat(browser.text()).contains("Botilbud pr. region", "Region Midtjylland", "Region Nordjylland");
            browser.screenshot("home-national");

            browser.go("/facilities");
            assertThat(browser.text())
                    .contains(
                            "403",
                            "Ingen adgang",
                            "Med en national rolle (national læser eller administrator) ser du kun samlede tal");

            browser.clickAndWait(By.linkText("English"));
            assertThat(browser.text())
                    .contains("Overview", "No access", "With a national role (national viewer or administrator)")
                    .doesNotContain("Doctors and practices");
            browser.go("/");
            assertThat(browser.text()).contains("Facilities by region", "Region Midtjylland");
        }
    }
}
