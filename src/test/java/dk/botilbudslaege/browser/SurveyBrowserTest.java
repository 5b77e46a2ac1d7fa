package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Status surveys (issue 14 items 5-7): the region composes a survey and sends it to two municipalities after a
 * confirmation naming them; Norddjurs answers and submits; the region's results show 1 of 2, and the region tags
 * the free-text answer and removes the tag again.
 */
@IntegrationTest
class SurveyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void the_region_sends_a_survey_a_municipality_answers_and_the_region_sees_the_rate() {
        String title = "Status " + UUID.randomUUID().toString().substring(0, 8);
        String id;
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/surveys");
            region.clickAndWait(By.id("new-survey"));
            region.type(By.id("title"), title);
            WebElement deadline = region.find(By.id("deadline"));
            ((JavascriptExecutor) region.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1]",
                            deadline,
                            LocalDate.now(ZoneId.of("Europe/Copenhagen"))
                                    .plusDays(30)
                                    .toString());
            // all the region's municipalities are checked: keep Norddjurs and Aarhus
            for (WebElement box : region.driver().findElements(By.name("municipality"))) {
                if (box.isSelected() != Set.of("707", "751").contains(box.getAttribute("value"))) {
                    box.click();
                }
            }
            region.type(By.id("q0-text"), "Har alle botilbud en fast læge?");
            region.find(By.cssSelector("#q0-type option[value=YES_NO]")).click();
            region.find(By.id("q0-required")).click();
            region.type(By.id("q1-text"), "Hvor langt er I?");
            region.find(By.cssSelector("#q1-type option[value=TEXT]")).click();
            region.clickAndWait(By.id("create-survey"));
            assertThat(region.text()).contains(title, "Kladde", "Har alle botilbud en fast læge?");
            id = region.url().replaceAll(".*/surveys/(\\d+).*", "$1");

            region.clickAndWait(By.id("send"));
            assertThat(region.find(By.id("confirmation")).getText())
                    .contains("sendes til 2 kommuner", "Aarhus", "Norddjurs", "kan ikke kaldes tilbage");
            region.clickAndWait(By.id("confirm"));
            assertThat(region.text()).contains("er sendt til 2 kommuner");
            assertThat(region.find(By.id("response-rate")).getText()).isEqualTo("0 af 2 (0,0 %)");
        }
        try (Browser kommune = Browser.open(port)) {
            kommune.login("kommune-norddjurs");
            kommune.go("/surveys");
            assertThat(kommune.text()).contains(title, "Ikke besvaret");
            kommune.clickAndWait(By.linkText(title));
            kommune.find(By.cssSelector("input[type=radio][value=true]")).click();
            kommune.type(By.cssSelector("textarea"), "Vi er godt i gang.");
            kommune.clickAndWait(By.id("submit-answer"));
            assertThat(kommune.text()).contains("Svaret er indsendt", "Indsendt");
        }
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/surveys/" + id + "/results");
            assertThat(region.find(By.id("response-rate")).getText()).isEqualTo("1 af 2 (50,0 %)");
            assertThat(region.find(By.id("not-answered")).getText()).contains("Aarhus");
            assertThat(region.find(By.id("result-1")).getText()).contains("Norddjurs", "Ja");
            // the region tags the free-text answer (a plain form), sees the chip and the count, and removes it
            region.type(By.cssSelector("#result-2 form.add-tag input[name=tag]"), "Langt");
            region.clickAndWait(By.cssSelector("#result-2 form.add-tag button"));
            assertThat(region.text()).contains("Mærket \"Langt\" er sat på svaret.");
            assertThat(region.find(By.cssSelector("#result-2 .tag-summary")).getText())
                    .contains("Mærker:", "Langt (1)");
            assertThat(region.find(By.cssSelector("#result-2 td.tags .badge")).getText())
                    .isEqualTo("Langt");
            region.clickAndWait(By.cssSelector("#result-2 button.remove-tag"));
            assertThat(region.text()).contains("Mærket \"Langt\" er fjernet.");
            assertThat(region.driver().findElements(By.cssSelector("#result-2 td.tags .badge")))
                    .isEmpty();
        }
    }
}
