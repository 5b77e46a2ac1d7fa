package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of dispensation applications (issue 11 item 12): the municipality's form and list, the region's
 * queue, a grant that first states what the dispensation allows (a second form step, no JavaScript) and a
 * refusal with a reason.
 */
@IntegrationTest
class DispensationApplicationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    AgreementScenarios given;

    @BeforeEach
    void setUp() {
        given = new AgreementScenarios(Api.on(port), jdbc, users);
    }

    @Test
    void a_municipality_applies_and_the_region_grants_after_reading_what_the_dispensation_allows() {
        long doctor = given.nursingHomeDoctor(given.practice(10));
        long facility = given.facility(12);
        WebSession municipality = WebSession.signIn(port, NORDDJURS);
        assertThat(municipality.get("/dispensation-applications/new").body()).contains("Ansøg om dispensation");

        HttpResponse<String> applied = municipality.post(
                "/dispensation-applications",
                "/dispensation-applications/new",
                Map.of(
                        "kind",
                        "NURSING_HOME_AND_FACILITY",
                        "doctorId",
                        String.valueOf(doctor),
                        "facilityIds",
                        String.valueOf(facility),
                        "reason",
                        "Lægen kender beboerne.\r\nIngen anden læge."));

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);
        long id = jdbc.sql("select id from dispensation_application where doctor_id = :d")
                .param("d", doctor)
                .query(Long.class)
                .single();
        assertThat(municipality.get("/dispensation-applications").body()).contains("Afventer regionen");

        WebSession region = WebSession.signIn(port, REGION_MIDT);
        String detail = "/dispensation-applications/" + id;
        assertThat(region.get("/dispensation-applications").body()).contains(detail);
        HttpResponse<String> confirm = region.post(detail + "/grant", detail, Map.of("validFrom", "2025-06-01"));

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body())
                .contains(
                        "må være plejehjemslæge og fast læge på botilbud på samme tid (undtagelse fra R2) fra 01-06-2025, uden slutdato");
        assertThat(status(id)).isEqualTo("PENDING");

        HttpResponse<String> granted =
                region.post(detail + "/grant", detail, Map.of("validFrom", "2025-06-01", "confirmed", "true"));

        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("GRANTED");
        assertThat(municipality.get(detail).body()).contains("Bevilget");
    }

    @Test
    void the_application_shows_when_it_was_applied_for_in_danish_time() {
        long doctor = given.nursingHomeDoctor(given.practice(10));
        long facility = given.facility(12);
        WebSession municipality = WebSession.signIn(port, NORDDJURS);
        municipality.post(
                "/dispensation-applications",
                "/dispensation-applications/new",
                Map.of(
                        "kind",
                        "NURSING_HOME_AND_FACILITY",
                        "doctorId",
                        String.valueOf(doctor),
                        "facilityIds",
                        String.valueOf(facility),
                        "reason",
                        "Lægen kender beboerne."));
        long id = jdbc.sql("select id from dispensation_application where doctor_id = :d")
                .param("d", doctor)
                .query(Long.class)
                .single();
        // 23:43 UTC on 29 November is 00:43 on 30 November in Denmark (UTC+1 in winter)
        jdbc.sql("update dispensation_application set applied_at = timestamptz '2026-11-29 23:43:00+00' where id = :id")
                .param("id", id)
                .update();

        assertThat(municipality.get("/dispensation-applications/" + id).body())
                .contains("30-11-2026 00:43")
                .doesNotContain("29-11-2026 23:43");
        assertThat(municipality.get("/dispensation-applications").body()).contains("30-11-2026");
    }

    @Test
    void the_form_names_every_bad_field_and_a_refusal_needs_a_reason() {
        WebSession municipality = WebSession.signIn(port, NORDDJURS);
        HttpResponse<String> empty = municipality.post(
                "/dispensation-applications", "/dispensation-applications/new", Map.of("kind", "HOURS", "reason", " "));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body())
                .contains(
                        "Vælg lægen.",
                        "Vælg mindst ét botilbud.",
                        "Angiv hvor mange timer om måneden der søges om.",
                        "Begrundelsen skal udfyldes.");

        long doctor = given.doctorInRoomyPractice();
        municipality.post(
                "/dispensation-applications",
                "/dispensation-applications/new",
                Map.of(
                        "kind",
                        "MULTIPLE_FACILITIES",
                        "doctorId",
                        String.valueOf(doctor),
                        "facilityIds",
                        String.valueOf(given.facility(12)),
                        "reason",
                        "To botilbud"));
        long id = jdbc.sql("select id from dispensation_application where doctor_id = :d")
                .param("d", doctor)
                .query(Long.class)
                .single();
        WebSession region = WebSession.signIn(port, REGION_MIDT);
        String detail = "/dispensation-applications/" + id;

        HttpResponse<String> noReason = region.post(detail + "/refuse", detail, Map.of("reason", ""));
        assertThat(noReason.body()).contains("Skriv en begrundelse for afslaget; ansøgeren ser den.");
        assertThat(status(id)).isEqualTo("PENDING");

        assertThat(region.post(detail + "/refuse", detail, Map.of("reason", "Der er en anden læge."))
                        .statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("REFUSED");
        assertThat(municipality.get("/dispensation-applications").body()).contains("Der er en anden læge.");
    }

    private String status(long id) {
        return jdbc.sql("select status from dispensation_application where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
