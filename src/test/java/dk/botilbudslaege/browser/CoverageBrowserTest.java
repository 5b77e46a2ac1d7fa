package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coverage dashboard (Oversigt): today's figures, a past date swapped in, the reports page. */
@IntegrationTest
class CoverageBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void the_dashboard_shows_coverage_and_a_past_date_changes_the_figures() {
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/coverage"); // issue 16: the dashboard moved from the start page
            assertThat(region.text())
                    .contains(
                            "Velkommen",
                            "Dækningsgrad",
                            "Dækningsgrad pr. kommune",
                            "Norddjurs",
                            "Region Midtjylland",
                            "Udvikling måned for måned",
                            "Driftsform",
                            "Over 30 pladser",
                            "tal fra ",
                            "Lemvig");
            assertThat(region.driver().findElements(By.cssSelector("svg.chart rect.bar")))
                    .isNotEmpty();
            assertThat(region.driver().findElements(By.cssSelector("svg.chart polyline.line")))
                    .hasSize(1);
            String today = region.find(By.id("coverage-value")).getText();
            assertThat(today).matches("\\d+,\\d %");
            region.screenshot("dashboard");
            ((JavascriptExecutor) region.driver())
                    .executeScript("document.getElementById('region-table').scrollIntoView()");
            region.screenshot("dashboard-charts");
            ((JavascriptExecutor) region.driver())
                    .executeScript("document.querySelector('svg.chart polyline').scrollIntoView({block: 'center'})");
            region.screenshot("dashboard-line");

            ((JavascriptExecutor) region.driver())
                    .executeScript("const d = document.getElementById('coverage-date'); d.value = '2025-03-31';"
                            + "d.dispatchEvent(new Event('change', {bubbles: true}));");
            region.waitFor(d -> d.findElement(By.id("coverage-day")).getText().equals("31-03-2025"));
            String past = region.find(By.id("coverage-value")).getText();
            assertThat(past).isNotEqualTo(today);
            assertThat(region.url()).doesNotContain("date=");
            ((JavascriptExecutor) region.driver()).executeScript("window.scrollTo(0, 0)");
            region.screenshot("dashboard-2025-03-31");

            region.clickAndWait(By.linkText("Rapporter"));
            assertThat(region.text()).contains("Rapporter", "Hele landet", "Hent PDF", "Hent XLSX", "Hent CSV");
        }
    }

    @Test
    void without_javascript_the_date_form_reloads_the_page_with_the_figures_of_that_day() {
        try (Browser national = Browser.open(port)) {
            national.login("national");
            national.go("/coverage?date=2025-03-31");
            assertThat(national.find(By.id("coverage-day")).getText()).isEqualTo("31-03-2025");
            national.go("/coverage?date=nonsense");
            assertThat(national.text()).contains("Skriv datoen som dd-mm-åååå");
        }
    }

    @Test
    void a_municipality_sees_its_own_figures_beside_the_aggregates_in_danish_or_english() {
        try (Browser municipality = Browser.open(port)) {
            municipality.login("kommune-norddjurs");
            municipality.go("/coverage"); // issue 16: the dashboard moved from the start page
            assertThat(municipality.text())
                    .containsPattern("Norddjurs: \\d+ af \\d+ botilbud")
                    .contains("Dækningsgrad pr. kommune", "Kommunal", "Op til 30 pladser");
            municipality.go("/coverage?lang=en");
            assertThat(municipality.text())
                    .contains("Coverage per municipality", "Municipal", "Up to 30 places", "counts from ");
        }
    }
}
