package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.DOCTOR;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.practiceId;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The change request pages: the doctor files "Anmod om ændring" on the practice page; the region's
 * queue lists it, and approving asks for a confirmation that states the consequence.
 */
@IntegrationTest
class ChangeRequestPagesTest {

    @LocalServerPort
    int port;

    @Test
    void a_doctor_files_on_the_practice_page_and_the_region_confirms_the_consequence_before_approving() {
        long own = practiceId(Api.on(port), OWN_PRACTICE_PROVIDER);
        LocalDate from = LocalDate.now().plusMonths(22).withDayOfMonth(1);
        String reason = "Moms fra " + from + " " + System.nanoTime();
        WebSession doctor = WebSession.signIn(port, DOCTOR);

        HttpResponse<String> bad = doctor.post(
                "/practices/" + own + "/change-requests",
                "/practices/" + own,
                Map.of("field", "vatRegistered", "newValue", "måske", "validFrom", from.toString(), "reason", ""));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body())
                .contains(
                        "Momsstatus skal være true (momsregistreret) eller false.",
                        "Skriv en begrundelse for ændringen.");

        HttpResponse<String> filed = doctor.post(
                "/practices/" + own + "/change-requests",
                "/practices/" + own,
                Map.of("field", "vatRegistered", "newValue", "true", "validFrom", from.toString(), "reason", reason));
        assertThat(filed.statusCode()).isEqualTo(302);
        assertThat(doctor.get("/practices/" + own).body()).contains("Anmod om ændring", "Afventer");

        WebSession region = WebSession.signIn(port, REGION_MIDT);
        String day = from.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(region.get("/change-requests").body())
                .contains(reason, "Fra " + day + " udbetales honorar med moms.");
        long id = requestId(reason);
        String confirm = region.get("/change-requests/" + id + "/approve").body();
        assertThat(confirm).contains("Godkend anmodningen? Fra " + day + " udbetales honorar med moms.");

        HttpResponse<String> approved =
                region.post("/change-requests/" + id + "/approve", "/change-requests/" + id + "/approve", Map.of());
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(Api.on(port)
                        .as(REGION_MIDT)
                        .get("/api/v1/change-requests/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("APPROVED");

        HttpResponse<String> again =
                region.post("/change-requests/" + id + "/reject", "/change-requests", Map.of("reason", "For sent"));
        assertThat(again.body()).contains("Anmodningen er allerede afgjort.");

        // put today's demo data back as it was from that date on
        revert(own, from);
    }

    @Test
    void a_municipality_has_no_change_request_queue() {
        assertThat(WebSession.signIn(port, NORDDJURS).get("/change-requests").statusCode())
                .isEqualTo(403);
    }

    private long requestId(String reason) {
        for (JsonNode r :
                Api.on(port).as(REGION_MIDT).get("/api/v1/change-requests").json()) {
            if (r.path("reason").asString().equals(reason)) {
                return r.path("id").asLong();
            }
        }
        throw new AssertionError("no request " + reason);
    }

    private void revert(long practice, LocalDate from) {
        Api.Response back = Api.on(port)
                .as(DOCTOR)
                .post(
                        "/api/v1/change-requests",
                        Map.of(
                                "practiceId",
                                practice,
                                "field",
                                "vatRegistered",
                                "newValue",
                                false,
                                "validFrom",
                                from.toString(),
                                "reason",
                                "Tilbage"));
        assertThat(back.status()).as("%s", back).isEqualTo(201);
        assertThat(Api.on(port)
                        .as(REGION_MIDT)
                        .post(
                                "/api/v1/change-requests/"
                                        + back.json().path("id").asLong() + "/approve",
                                Map.of())
                        .status())
                .isEqualTo(200);
    }
}
