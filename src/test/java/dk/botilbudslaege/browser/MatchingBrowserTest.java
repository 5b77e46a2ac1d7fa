package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Matchmaking as its users meet it (SPEC §6): Norddjurs publishes its facilities without a doctor, a
 * doctor sees them with distances and wishes for one, the facility's priority list ranks the doctors who
 * offered, the municipality looks at a coverage plan with the what-if, runs the stable matching, closes
 * the round and confirms a proposal into a draft agreement.
 */
@IntegrationTest
class MatchingBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void wish_list_priority_list_round_accept_gives_a_draft_agreement() {
        Api region = Api.on(port).as("region-midt");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> facility = new LinkedHashMap<>();
        facility.put("name", "Fyrtårnet " + tag);
        facility.put("address", "Havnevej 3, 8500 Grenaa");
        facility.put("municipalityCode", "707");
        facility.put("operator", "MUNICIPAL");
        facility.put("legalBasis", "SEL_108");
        facility.put("places", 14);
        facility.put("residents", 14);
        facility.put("latitude", 56.415);
        facility.put("longitude", 10.895);
        long fyrtaarnet =
                region.post("/api/v1/facilities", facility).json().path("id").asLong();
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(840_000 + (int) (Math.random() * 9_999)));
        practice.put("name", "Lægehuset Kattegat " + tag);
        practice.put("address", "Torvet 2, 8500 Grenaa");
        practice.put("municipalityCode", "707");
        practice.put("clinicType", "ORDINARY");
        practice.put("doctorCapacity", 1);
        practice.put("openForNewPatients", true);
        practice.put("vatRegistered", false);
        practice.put("latitude", 56.405);
        practice.put("longitude", 10.878);
        long practiceId =
                region.post("/api/v1/practices", practice).json().path("id").asLong();
        String doctorName = "Mette Havgaard " + tag;
        long doctor = region.post(
                        "/api/v1/doctors",
                        Map.of("practiceId", practiceId, "name", doctorName, "nursingHomeDoctor", false))
                .json()
                .path("id")
                .asLong();

        long roundId;
        try (Browser municipality = Browser.open(port)) {
            municipality.login("kommune-norddjurs");
            municipality.go("/matching");
            assertThat(municipality.text()).contains("Slå ledige botilbud op", "Fyrtårnet " + tag);
            new Select(municipality.find(By.id("localMethod"))).selectByValue("PRIORITY_LIST");
            municipality.type(By.id("note"), "Ønsker senest fredag");
            municipality.clickAndWait(By.cssSelector("#open-round button[type=submit]"));
            assertThat(municipality.text())
                    .contains(
                            "botilbud er slået op",
                            "Matchningsrunde · Norddjurs",
                            "Fyrtårnet " + tag,
                            "Ønsker senest fredag");
            roundId = Long.parseLong(municipality.url().replaceAll(".*/rounds/(\\d+).*", "$1"));
        }

        try (Browser doctorPage = Browser.open(port)) {
            doctorPage.login("laege-norddjurs");
            doctorPage.go("/matching");
            assertThat(doctorPage.url()).endsWith("/matching/wishes");
            assertThat(doctorPage.text()).contains("Ledige botilbud i området", "Fyrtårnet " + tag, " km");
            doctorPage.clickAndWait(By.xpath("//tr[td/span[text()='Fyrtårnet " + tag + "']]//button[@value='ADD']"));
            assertThat(doctorPage.text()).contains("Listen er gemt.");
            assertThat(doctorPage.find(By.id("wish-list")).getText()).contains("Fyrtårnet " + tag);
            doctorPage.screenshot("matching-openings");
        }

        try (Browser onBehalf = Browser.open(port)) {
            onBehalf.login("region-midt");
            onBehalf.go("/matching/wishes?doctorId=" + doctor);
            assertThat(onBehalf.text()).contains(doctorName, "Ønskelisten er tom");
            onBehalf.clickAndWait(By.xpath("//tr[td/span[text()='Fyrtårnet " + tag + "']]//button[@value='ADD']"));
            assertThat(onBehalf.text()).contains("Listen er gemt.");
            assertThat(onBehalf.find(By.id("wish-list")).getText()).contains("Fyrtårnet " + tag);
            assertThat(onBehalf.text()).contains("1,5 km");
        }

        try (Browser municipality = Browser.open(port)) {
            municipality.login("kommune-norddjurs");
            municipality.go("/matching/priorities?facilityId=" + fyrtaarnet);
            assertThat(municipality.text()).contains(doctorName);
            municipality.clickAndWait(By.xpath("//tr[td[contains(., '" + doctorName + "')]]//button[@value='ADD']"));
            assertThat(municipality.text()).contains("Listen er gemt.");
            assertThat(municipality.find(By.id("offers")).getText()).contains("1 " + doctorName, "– Anne Kjær");
            municipality.screenshot("matching-priorities");

            municipality.go("/matching/rounds/" + roundId);
            new Select(municipality.find(By.id("method"))).selectByValue("COVERAGE_PLAN");
            municipality.type(By.id("maxDistanceKm"), "25");
            municipality.find(By.name("whatIf")).click();
            municipality.clickAndWait(By.cssSelector("#run button[type=submit]"));
            assertThat(municipality.text())
                    .contains("Forslag (ikke gemt)", "Dækkede botilbud", "Med op til 2 botilbud pr. læge");
            assertThat(municipality.driver().findElements(By.cssSelector("figure.plan-map svg circle")))
                    .isNotEmpty();
            ((org.openqa.selenium.JavascriptExecutor) municipality.driver())
                    .executeScript("document.querySelector('#what-if').scrollIntoView()");
            municipality.screenshot("matching-coverage-plan");

            new Select(municipality.find(By.id("method"))).selectByValue("STABLE_MATCHING");
            new Select(municipality.find(By.id("proposing"))).selectByValue("DOCTORS");
            municipality.clickAndWait(By.cssSelector("#run button[type=submit]"));
            String preview = municipality.text();
            assertThat(preview).contains("Forslag (ikke gemt)", "Fyrtårnet " + tag, doctorName);
            municipality.screenshot("matching-stable-preview");

            municipality.clickAndWait(By.cssSelector("#close-round button[type=submit]"));
            assertThat(municipality.text()).contains("Runden er lukket med", "Resultat: Stabil matchning", "Foreslået");
            String row = "//table[contains(@class, 'proposals')]//tr[td[contains(., 'Fyrtårnet " + tag + "')]]";
            assertThat(municipality.find(By.xpath(row)).getText()).contains(doctorName, "1,5 km");
            municipality.screenshot("matching-proposals");
            assertThat(municipality.driver().findElements(By.cssSelector("figure.plan-map svg line")))
                    .isNotEmpty();
            municipality.clickAndWait(By.xpath(row + "//form[contains(@action, 'accept')]//button"));
            assertThat(municipality.url()).matches(".*/agreements/\\d+$");
            assertThat(municipality.text())
                    .contains(
                            "Aftaleudkastet er oprettet",
                            "Kladde",
                            "Fyrtårnet " + tag,
                            doctorName,
                            "Stabil matchning",
                            LocalDate.now()
                                    .withDayOfMonth(1)
                                    .plusMonths(1)
                                    .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        }

        assertThat(Api.on(port)
                        .as("region-midt")
                        .put("/api/v1/doctors/" + doctor + "/wishes", java.util.List.of())
                        .json()
                        .path("code")
                        .asString())
                .isEqualTo("ROUND_CLOSED");
    }

    @Test
    void the_region_sees_a_coverage_plan_and_what_dispensations_would_add_without_opening_a_round() {
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/matching");
            region.clickAndWait(By.linkText("Dækningsplan uden runde"));
            new Select(region.find(By.id("municipalityCode"))).selectByVisibleText("Norddjurs");
            // the browser refuses 0 in the field itself; the server says why when it gets one anyway
            region.go("/matching/plan?municipalityCode=707&maxDistanceKm=0");
            assertThat(region.text()).contains("Angiv en største afstand over 0 og højst 1000 km.");

            region.type(By.id("maxDistanceKm"), "30");
            region.find(By.name("whatIf")).click();
            region.clickAndWait(By.cssSelector("#plan button[type=submit]"));
            assertThat(region.text())
                    .contains("Dækkede botilbud", "Beboere", "Samlet afstand", "Med op til 2 botilbud pr. læge");
            assertThat(region.driver().findElements(By.cssSelector("figure.plan-map svg circle")))
                    .isNotEmpty();
            assertThat(region.find(By.cssSelector("table.proposals")).getText()).contains(" km");
            region.screenshot("matching-plan");
        }
    }

    @Test
    void the_demo_round_of_the_region_has_wishes_and_priorities_to_preview() {
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/matching");
            region.clickAndWait(By.linkText("Region Midtjylland"));
            assertThat(region.text()).contains("Praksiskonsulent og KLU", "Praksiskonsulenterne samler ønsker ind");
            new Select(region.find(By.id("method"))).selectByValue("STABLE_MATCHING");
            new Select(region.find(By.id("proposing"))).selectByValue("FACILITIES");
            region.clickAndWait(By.cssSelector("#run button[type=submit]"));
            assertThat(region.text()).contains("Forslag (ikke gemt)", "Uden læge");
            assertThat(region.driver().findElements(By.cssSelector("table.proposals tbody tr")))
                    .isNotEmpty();
            ((org.openqa.selenium.JavascriptExecutor) region.driver())
                    .executeScript("document.querySelector('table.proposals').scrollIntoView()");
            region.screenshot("matching-demo-round");
        }
    }
}
