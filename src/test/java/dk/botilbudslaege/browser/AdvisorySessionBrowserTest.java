package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: the doctor logs a session on the agreement's page (the form says general topics only and that
 * preparation does not count) and the facility's contact confirms it; the hours table follows.
 */
@IntegrationTest
class AdvisorySessionBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void the_doctor_logs_a_session_and_the_facility_confirms_it() {
        long agreement = Api.on(port)
                .as("region-midt")
                .get("/api/v1/agreements?q=Skovstjernen")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
        String topic = "Dehydrering om sommeren " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser doctor = Browser.open(port)) {
            doctor.login("laege-norddjurs");
            doctor.go("/agreements/" + agreement);
            doctor.clickAndWait(By.id("sessions-link"));
            assertThat(doctor.find(By.id("general-topics")).getText()).contains("aldrig om en enkelt beboer");
            assertThat(doctor.text()).contains("Forberedelse tæller ikke");
            // each topic of the catalogue offered under its own name, not all labelled "KOL" (issue 13 review)
            assertThat(doctor.driver().findElements(By.cssSelector("#session-topics option")))
                    .extracting(o -> o.getAttribute("value") + "|" + o.getText())
                    .contains("Kost|")
                    .noneMatch(o -> o.endsWith("|KOL"));
            ((JavascriptExecutor) doctor.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            doctor.find(By.id("date")),
                            LocalDate.now().minusDays(1).toString());
            doctor.type(By.id("durationMinutes"), "-5");
            doctor.type(By.id("topic"), topic);
            doctor.clickAndWait(By.id("log-session"));
            assertThat(doctor.text()).contains("Varighed (minutter) skal være mindst 1.");

            doctor.type(By.id("durationMinutes"), "90");
            new Select(doctor.find(By.id("kind"))).selectByVisibleText("Undervisning");
            doctor.type(By.id("notes"), "Tegn på væskemangel og hvad personalet gør");
            doctor.clickAndWait(By.id("log-session"));
            assertThat(doctor.text()).contains("Sessionen er registreret.", topic, "Registreret");
            doctor.screenshot("session-logged");
        }
        try (Browser contact = Browser.open(port)) {
            contact.login("botilbud-skovstjernen");
            contact.go("/agreements/" + agreement + "/sessions");
            By row = By.xpath("//tr[td[text()='" + topic + "']]");
            contact.clickAndWait(
                    By.xpath("//tr[td[text()='" + topic + "']]//button[contains(@class,'confirm-session')]"));
            assertThat(contact.text()).contains("Sessionen er bekræftet.");
            assertThat(contact.find(row).getText()).contains("Bekræftet");
            assertThat(contact.find(By.id("hours-table")).getText()).contains("1,50 timer");
            contact.screenshot("session-confirmed");
        }
    }
}
