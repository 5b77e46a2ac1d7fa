package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.NoticePeriod;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agreement flow as its users meet it: the region grants a dispensation, the municipal contact
 * creates and files, the region approves, the doctor sees the agreement and gives notice with the
 * end date computed at once.
 */
@IntegrationTest
class AgreementBrowserTest {

    static final DateTimeFormatter DANISH = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort
    int port;

    long idOf(String user, String path, String q) {
        return Api.on(port)
                .as(user)
                .get(path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();
    }

    /** A Norddjurs demo doctor: names repeat in the synthetic data, so look up by provider number too. */
    long doctor(String name, String providerNumber) {
        for (var d : Api.on(port)
                .as("region-midt")
                .get("/api/v1/doctors?size=50&q=" + providerNumber)
                .json()
                .path("content")) {
            if (d.path("name").asString().equals(name)) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void municipality_files_region_approves_doctor_sees_it_and_gives_notice() {
        long anne = doctor("Anne Kjær", "070101");
        long jens = doctor("Jens Vestergaard", "070103");
        long kaervang = idOf("kommune-norddjurs", "/api/v1/facilities", "Kærvang");

        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/dispensations");
            region.pick("doctorId", "Anne Kj", "Anne Kjær");
            new Select(region.find(By.id("kind"))).selectByValue("MULTIPLE_FACILITIES");
            region.type(By.id("maxFacilities"), "20");
            region.type(By.id("validFrom"), "01-01-2025");
            region.type(By.id("reason"), "Kærvang mangler læge");
            region.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(region.text()).contains("Dispensationen er givet.", "Kærvang mangler læge", "højst 20 botilbud");
        }

        try (Browser municipality = Browser.open(port)) {
            municipality.login("kommune-norddjurs");
            municipality.go("/agreements");
            municipality.clickAndWait(By.linkText("Ny aftale"));
            municipality.pick("facilityIds", "kærv", "Kærvang");
            municipality.pick("doctorId", "Jens Vest", "Jens Vestergaard");
            assertThat(municipality.find(By.id("facilityIds-value")).getAttribute("value"))
                    .isEqualTo(String.valueOf(kaervang));
            assertThat(municipality.find(By.id("doctorId-value")).getAttribute("value"))
                    .isEqualTo(String.valueOf(jens));
            municipality.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(municipality.text()).contains("Lægen har allerede det antal faste lægeroller");
            municipality.screenshot("agreement-rule-refused");

            // re-shown after the error: the pickers name the choices made
            assertThat(municipality.find(By.id("facilityIds")).getAttribute("value"))
                    .startsWith("Kærvang");
            assertThat(municipality.find(By.id("doctorId")).getAttribute("value"))
                    .isEqualTo("Jens Vestergaard");
            municipality.pick("doctorId", "anne kj", "Anne Kjær");
            // from the first of this month: a notice is never dated before the start (issue 11)
            // (set directly: the browser's date field orders day and month by its own locale)
            ((JavascriptExecutor) municipality.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1];",
                            municipality.find(By.id("startDate")),
                            LocalDate.now().withDayOfMonth(1).toString());
            municipality.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            municipality.waitFor(d -> d.getCurrentUrl().matches(".*/agreements/\\d+$"));
            assertThat(municipality.text()).contains("Aftalen er oprettet som kladde.", "Kærvang", "Kladde");

            municipality.clickAndWait(By.linkText("Indsend oplysningsskema"));
            municipality.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(municipality.text())
                    .contains("Angiv botilbuddets kontaktperson.", "Der må ikke være indgået anden (konsulent)aftale");
            municipality.type(By.id("contactName"), "Birthe Kærgaard");
            municipality.type(By.id("contactRole"), "Afdelingsleder");
            municipality.find(By.id("noOtherContract1")).click();
            municipality.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            assertThat(municipality.text())
                    .contains("Oplysningsskemaet er indsendt til regionen.", "Indsendt", "Birthe Kærgaard");
        }

        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/agreements");
            region.clickAndWait(By.linkText("Til godkendelse"));
            region.type(By.id("q"), "Kærvang");
            region.waitFor(d -> d.findElement(By.id("results")).getText().contains("Anne Kjær"));
            region.clickAndWait(By.cssSelector("#results tbody a"));
            region.clickAndWait(By.id("approve"));
            // issue 11 item 5: a confirmation page states the consequences before anything happens
            assertThat(region.text())
                    .contains("Godkend aftalen", "Aftalen bliver aktiv fra", "Honorar:", "Der er ingen efterbetaling");
            region.clickAndWait(By.id("confirm"));
            assertThat(region.text()).contains("Aftalen er godkendt og aktiv fra startdatoen.", "Aktiv");
            region.screenshot("agreement-approved");
        }

        try (Browser doctor = Browser.open(port)) {
            doctor.login("laege-norddjurs");
            doctor.go("/agreements");
            assertThat(doctor.text()).contains("Kærvang", "Skovstjernen");
            doctor.clickAndWait(By.linkText("Kærvang"));
            LocalDate today = LocalDate.now();
            LocalDate endDate = NoticePeriod.endDate(today);
            String end = endDate.format(DANISH);
            String lastMonth = endDate.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("da")));
            assertThat(doctor.find(By.id("notice-end")).getText())
                    .isEqualTo("Aftalen slutter " + end + ". Sidste måned, der betales, er " + lastMonth
                            + " (til og med " + end + "); derefter udbetales intet honorar.");
            // the live preview (htmx, no script of our own) follows the date: SPEC's example 2026-01-01
            doctor.type(By.id("noticeDate"), "01-01-2026");
            doctor.waitFor(d -> d.findElement(By.id("notice-end")).getText().startsWith("Aftalen slutter 30-06-2026."));
            doctor.go(java.net.URI.create(doctor.url()).getPath());
            doctor.clickAndWait(By.id("give-notice"));
            assertThat(doctor.text())
                    .contains("Opsig aftalen", "og slutter " + end, "Sidste måned, der betales, er " + lastMonth);
            doctor.screenshot("agreement-notice-confirm");
            doctor.clickAndWait(By.id("confirm"));
            assertThat(doctor.text()).contains("Aftalen er opsagt.", "Opsagt", end, today.format(DANISH));
            doctor.screenshot("agreement-notice");
        }
    }
}
