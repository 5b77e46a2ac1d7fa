package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The region's month: run, review, approve (locked), download; the doctor sees their own lines. */
@IntegrationTest
class SettlementBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void a_region_employee_runs_reviews_approves_and_downloads_a_month() throws Exception {
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/settlements?month=2026-03");
            assertThat(region.text()).contains("Afregning", "Åben", "Skovstjernen", "2.144,02", "3.216,03");

            region.clickAndWait(By.id("run"));
            assertThat(region.text())
                    .contains(
                            "Afregningen er kørt. Gennemse linjerne og godkend.",
                            "Kørt, til gennemsyn",
                            "Kørt af Region Midtjylland, Sundhedsplanlægning"); // issue 16: the person, not the user
            // name
            region.clickAndWait(By.id("approve"));
            assertThat(region.text())
                    .contains(
                            "Godkend og lås 2026-03",
                            "Linjer",
                            "Ekskl. moms",
                            "Moms",
                            "Inkl. moms",
                            "Måneden låses; senere rettelser bliver reguleringslinjer i en senere måned");
            region.screenshot("settlement-confirm");
            region.clickAndWait(By.id("confirm-approve"));
            assertThat(region.text()).contains("Måneden er godkendt og låst.", "Godkendt og låst");
            assertThat(region.driver().findElements(By.id("run"))).isEmpty();
            region.screenshot("settlement-approved");

            String href = region.find(By.id("xlsx")).getAttribute("href");
            var file = Api.on(port).as("region-midt").getBytes(href.substring(href.indexOf("/api/")));
            assertThat(file.statusCode()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
                assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Afregning 2026-03");
            }
        }
        try (Browser doctor = Browser.open(port)) {
            doctor.login("laege-norddjurs");
            doctor.clickAndWait(By.linkText("Afregning"));
            doctor.go("/settlements?month=2026-03");
            assertThat(doctor.text())
                    .contains("Skovstjernen", "Socialområdet Grenaa Syd", "Godkendt og låst")
                    .doesNotContain("Dolmerhave", "Kør afregning");
        }
    }

    @Test
    void the_national_viewer_follows_the_budget_against_the_frame() {
        try (Browser national = Browser.open(port)) {
            national.login("national");
            national.clickAndWait(By.linkText("Budget"));
            assertThat(national.text())
                    .contains(
                            "Aftale25 afsætter 6,3 mio. kr.",
                            "2 timer om måneden pr. dækket botilbud",
                            "2.144,02 kr. om måneden",
                            "25.728,24 kr. for et botilbud dækket hele året",
                            "Region Midtjylland",
                            "Hele landet",
                            "6.300.000",
                            "Over forventet niveau",
                            "aftaler betaler 3 timer eller mere")
                    .doesNotContain("25.200");
            national.screenshot("budget");
        }
    }
}
