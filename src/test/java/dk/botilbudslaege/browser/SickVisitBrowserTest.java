package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 13: the facility asks its fixed doctor for a visit at short notice and sees the flag; the doctor answers. */
@IntegrationTest
class SickVisitBrowserTest {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Test
    void the_facility_asks_for_a_visit_at_short_notice_and_sees_the_flag() {
        LocalDateTime from =
                LocalDateTime.now(ZoneId.of("Europe/Copenhagen")).plusHours(4).truncatedTo(ChronoUnit.MINUTES);
        try (Browser browser = Browser.open(port)) {
            browser.login("botilbud-skovstjernen");
            browser.clickAndWait(By.linkText("Sygebesøg"));
            assertThat(browser.text())
                    .contains(
                            "Skriv aldrig navne eller CPR-numre",
                            "Midlertidige beboere er ikke omfattet af ordningen",
                            "Anmodningen sendes til Anne Kjær");

            // a CPR number in a reference is refused, and the page says why
            fill(browser, from);
            browser.type(By.id("references"), "værelse 3, 120345-6789");
            browser.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(browser.text()).contains("Referencer: ligner et CPR-nummer");

            fill(browser, from);
            browser.type(By.id("references"), "værelse 3, værelse 11");
            browser.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(browser.text())
                    .contains("Anmodningen om sygebesøg fra "
                            + from.format(DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm"))
                            + " er sendt til den faste læge med kort varsel (under 24 timer).");
            String row =
                    browser.find(By.cssSelector("#sick-visits tr.highlight")).getText();
            assertThat(row)
                    .contains(
                            "Kort varsel",
                            "værelse 3, værelse 11",
                            "Anmodet",
                            from.format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")));
            browser.screenshot("sick-visit-short-notice");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login("laege-norddjurs");
            browser.clickAndWait(By.linkText("Sygebesøg"));
            assertThat(browser.text()).contains("værelse 3, værelse 11", "Kort varsel");
            browser.clickAndWait(By.xpath("//tr[td[contains(., 'værelse 3, værelse 11')]]//button"));
            assertThat(browser.text())
                    .contains("Anmodningen er kvitteret; botilbuddet kan se, at du har modtaget den.");
            assertThat(browser.find(By.xpath("//tr[td[contains(., 'værelse 3, værelse 11')]]"))
                            .getText())
                    .contains("Kvitteret", "Meld udført");
        }
    }

    private static void fill(Browser browser, LocalDateTime from) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("arguments[0].value = arguments[1]", browser.find(By.id("wantedFrom")), from.format(INPUT));
        js.executeScript(
                "arguments[0].value = arguments[1]",
                browser.find(By.id("wantedTo")),
                from.plusHours(2).format(INPUT));
        browser.type(By.id("residents"), "2");
    }
}
