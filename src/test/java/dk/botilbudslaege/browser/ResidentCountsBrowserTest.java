package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Residents' choice (issue 13 item 5): the facility's contact enters the month's counts from the facility's
 * page, and the dashboard shows the share with where it comes from.
 */
@IntegrationTest
class ResidentCountsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_facility_enters_counts_and_the_dashboard_shows_the_share() {
        long id = jdbc.sql("select id from facility where name = 'Skovstjernen' and municipality_code = '707'")
                .query(Long.class)
                .single();
        // the page names months in Danish: "november 2026"
        String month = YearMonth.now(ZoneId.of("Europe/Copenhagen"))
                .format(java.time.format.DateTimeFormatter.ofPattern(
                        "MMMM yyyy", java.util.Locale.forLanguageTag("da")));
        try (Browser facility = Browser.open(port)) {
            facility.login("botilbud-skovstjernen");
            facility.go("/facilities/" + id);
            facility.clickAndWait(By.id("resident-counts-link"));
            assertThat(facility.text()).contains("Beboertal", "Kun tal");
            facility.type(By.id("residents"), "22")
                    .type(By.id("enrolled"), "19")
                    .type(By.id("temporary"), "1")
                    .type(By.id("toldAboutChoice"), "2");
            facility.clickAndWait(By.id("save-counts"));
            assertThat(facility.text()).contains("Beboertal for " + month + " er gemt");
            assertThat(facility.find(By.id("resident-counts")).getText()).contains(month, "86 %");

            // enrolled above the residents is refused on its field, nothing saved
            facility.type(By.id("residents"), "5").type(By.id("enrolled"), "9");
            facility.clickAndWait(By.id("save-counts"));
            assertThat(facility.find(By.id("count-errors")).getText())
                    .contains("Tilmeldt den faste læge kan ikke være flere end beboerne (5)");
            assertThat(facility.find(By.id("resident-counts")).getText()).contains("86 %");

            facility.go("/coverage");
            assertThat(facility.find(By.id("choice-value")).getText()).matches("\\d+(,\\d)? %");
            assertThat(facility.find(By.id("choice-note")).getText()).startsWith("tal fra ");

            // "Ret" fills the form with the month's four counts; "Slet" confirms the consequence, then erases it
            String iso = YearMonth.now(ZoneId.of("Europe/Copenhagen")).toString();
            facility.go("/facilities/" + id + "/resident-counts");
            facility.clickAndWait(By.id("edit-" + iso));
            assertThat(facility.find(By.id("month")).getAttribute("value")).isEqualTo(iso);
            assertThat(facility.find(By.id("residents")).getAttribute("value")).isEqualTo("22");
            assertThat(facility.find(By.id("enrolled")).getAttribute("value")).isEqualTo("19");
            assertThat(facility.find(By.id("toldAboutChoice")).getAttribute("value"))
                    .isEqualTo("2");
            facility.clickAndWait(By.id("delete-" + iso));
            assertThat(facility.find(By.id("confirmation")).getText())
                    .contains("Tallene for " + month + " slettes: 22 beboere, 19 tilmeldt", "logges");
            facility.clickAndWait(By.id("confirm"));
            assertThat(facility.text()).contains("Beboertal for " + month + " er slettet");
            assertThat(facility.driver().findElements(By.id("edit-" + iso))).isEmpty();
        }
    }
}
