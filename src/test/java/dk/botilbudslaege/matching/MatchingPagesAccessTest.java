package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may open which Matchning page, and who may act on it (scope on the server, not only in the menu). */
@IntegrationTest
class MatchingPagesAccessTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "region-midt           | /matching                               | 200",
                "kommune-norddjurs     | /matching                               | 200",
                "national              | /matching                               | 403",
                "laege-norddjurs       | /matching                               | 302",
                "botilbud-skovstjernen | /matching                               | 302",
                "region-midt           | /matching/plan                          | 200",
                "kommune-aarhus        | /matching/plan?maxDistanceKm=20         | 200",
                "laege-norddjurs       | /matching/plan                          | 403",
                "botilbud-skovstjernen | /matching/plan                          | 403",
                "national              | /matching/plan                          | 403",
                "kommune-norddjurs     | /matching/plan?municipalityCode=751&maxDistanceKm=20 | 403",
                "laege-norddjurs       | /matching/wishes                        | 200",
                "kommune-norddjurs     | /matching/wishes                        | 403",
                "botilbud-skovstjernen | /matching/wishes                        | 403",
                "national              | /matching/wishes                        | 403",
                "botilbud-skovstjernen | /matching/priorities                    | 200",
                "kommune-norddjurs     | /matching/priorities                    | 200",
                "laege-norddjurs       | /matching/priorities                    | 403",
                "national              | /matching/priorities                    | 403",
            })
    void each_role_sees_the_matching_pages_of_its_scope(String user, String path, int status) {
        assertThat(WebSession.signIn(port, user).get(path).statusCode()).isEqualTo(status);
    }

    @Test
    void a_doctor_or_the_national_viewer_cannot_open_a_round_and_nobody_edits_another_doctors_wish_list() {
        Map<String, String> open = Map.of("localMethod", "PRIORITY_LIST");
        assertThat(WebSession.signIn(port, "laege-norddjurs")
                        .post("/matching/rounds", "/matching/wishes", open)
                        .statusCode())
                .isEqualTo(403);
        assertThat(WebSession.signIn(port, "national")
                        .post("/matching/rounds", "/matching", open)
                        .statusCode())
                .isEqualTo(403);

        long otherDoctor = nordDoctor();
        assertThat(WebSession.signIn(port, "region-midt")
                        .get("/matching/wishes?doctorId=" + otherDoctor)
                        .statusCode())
                .isEqualTo(403);
        assertThat(WebSession.signIn(port, "region-nord")
                        .get("/matching/wishes?doctorId=" + otherDoctor)
                        .statusCode())
                .isEqualTo(200);
        assertThat(WebSession.signIn(port, "laege-norddjurs")
                        .post(
                                "/matching/wishes",
                                "/matching/wishes",
                                Map.of("doctorId", String.valueOf(otherDoctor), "facilityId", "1", "move", "ADD"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_round_of_another_area_is_not_found_and_its_proposals_cannot_be_decided_from_outside() {
        assertThat(WebSession.signIn(port, "kommune-aarhus")
                        .get("/matching/rounds/987654321")
                        .statusCode())
                .isEqualTo(404);
        assertThat(WebSession.signIn(port, "laege-norddjurs")
                        .post(
                                "/matching/proposals/987654321/accept",
                                "/matching/wishes",
                                Map.of("roundId", "987654321", "startDate", "2027-01-01"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_bad_move_or_an_unknown_facility_is_a_clear_message_not_a_500() {
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        var unknown = doctor.post(
                "/matching/wishes",
                "/matching/wishes",
                Map.of("doctorId", String.valueOf(anne()), "facilityId", "987654321", "move", "ADD"));
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(doctor.get("/matching/wishes").body()).contains("Listen indeholder noget, der ikke findes.");
        assertThat(doctor.post(
                                "/matching/wishes",
                                "/matching/wishes",
                                Map.of("doctorId", String.valueOf(anne()), "facilityId", "1", "move", "SIDEWAYS"))
                        .statusCode())
                .isEqualTo(400);
    }

    long anne() {
        for (var d : Api.on(port)
                .as("region-midt")
                .get("/api/v1/doctors?size=50&q=070101")
                .json()
                .path("content")) {
            if (d.path("name").asString().equals("Anne Kjær")) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("Anne Kjær not found");
    }

    long nordDoctor() {
        MatchingFixtures fixtures = new MatchingFixtures(Api.on(port));
        return fixtures.doctor("region-nord", fixtures.practice("region-nord", "851", 1, null), false);
    }
}
