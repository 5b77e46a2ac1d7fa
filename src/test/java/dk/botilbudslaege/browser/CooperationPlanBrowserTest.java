package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.collaboration.CooperationPlanScenarios;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cooperation plan as its parties meet it (issue 13): the doctor drafts the plan from the agreement's page,
 * the facility's contact accepts it after a confirmation that states the consequence, and the plan's PDF opens.
 */
@IntegrationTest
class CooperationPlanBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Test
    void the_doctor_drafts_the_facility_accepts_and_the_pdf_opens() throws IOException {
        var a = new CooperationPlanScenarios(Api.on(port), users).active(LocalDate.now());

        try (Browser doctor = Browser.open(port)) {
            doctor.login(a.doctorLogin());
            doctor.go("/agreements/" + a.id());
            doctor.clickAndWait(By.id("cooperation-plan-link"));
            assertThat(doctor.text()).contains("Samarbejdsplan", "Der er endnu ingen samarbejdsplan");
            ((JavascriptExecutor) doctor.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1];",
                            doctor.find(By.id("startDate")),
                            LocalDate.now().toString());
            doctor.type(By.id("scope"), "Rådgivning og undervisning af personalet, 2 timer om måneden.");
            doctor.type(By.id("schedule"), "Første tirsdag i måneden kl. 13-15.");
            doctor.type(By.id("meetings"), "Samarbejdsmøde hvert kvartal.");
            doctor.type(By.id("communication"), "Sikker mail til praksis.");
            doctor.type(By.id("contactName"), "Mette Sørensen");
            new Select(doctor.find(By.id("contactRole"))).selectByValue("HEALTH_PROFESSIONAL");
            doctor.type(By.id("contactEmail"), "mette@bostedet.dk");
            doctor.type(By.id("contactPhone"), "86 12 34 56");
            new Select(doctor.find(By.id("substituteDoctor"))).selectByValue(a.colleague());
            doctor.clickAndWait(By.id("save-plan"));
            assertThat(doctor.text()).contains("Udkastet er gemt", "Udkast · Version 1", "Venter på");
            assertThat(doctor.driver().findElements(By.id("accept-plan"))).isEmpty();
        }

        try (Browser facility = Browser.open(port)) {
            facility.login(a.facilityLogin());
            facility.go("/agreements/" + a.id() + "/cooperation-plan");
            facility.clickAndWait(By.id("accept-plan"));
            assertThat(facility.text()).contains("Acceptér samarbejdsplanen", "version 1", "accepteres igen");
            facility.clickAndWait(By.id("confirm"));
            assertThat(facility.text())
                    .contains("Samarbejdsplanen er accepteret.", "Accepteret · Version 1", a.colleague());
            facility.screenshot("cooperation-plan-accepted");
            assertThat(facility.find(By.id("plan-pdf")).getAttribute("href")).endsWith("/cooperation-plan.pdf");
        }

        try (Browser municipality = Browser.open(port)) {
            municipality.login("kommune-norddjurs");
            municipality.go("/agreements");
            municipality.clickAndWait(By.id("missing-plans-link"));
            // the demo data leaves one Norddjurs agreement without a plan past 30 days
            assertThat(municipality.text()).contains("Botilbud uden accepteret samarbejdsplan", "Ingen plan");
        }

        HttpResponse<byte[]> pdf = Api.on(port)
                .withPassword(a.facilityLogin(), Api.PASSWORD)
                .getBytes("/api/v1/agreements/" + a.id() + "/cooperation-plan.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.body()).isNotEmpty();
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Samarbejdsplan", a.facilityName(), "Mette Sørensen", a.colleague());
        }
    }
}
