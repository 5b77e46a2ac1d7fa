package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/** Wish lists, priority lists and a stable matching round through the API (API.md, SPEC §6 M2-M3). */
@IntegrationTest
class MatchingApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    long facility() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Match " + UUID.randomUUID().toString().substring(0, 8));
        body.put("address", "Matchvej 1, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", 10);
        body.put("residents", 10);
        return api.as("region-midt")
                .post("/api/v1/facilities", body)
                .json()
                .path("id")
                .asLong();
    }

    long practice(int capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(830_000 + (int) (Math.random() * 9_999)));
        body.put("name", "Matchpraksis");
        body.put("address", "Torvet 9, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", capacity);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        return api.as("region-midt")
                .post("/api/v1/practices", body)
                .json()
                .path("id")
                .asLong();
    }

    long doctor(long practice) {
        return api.as("region-midt")
                .post(
                        "/api/v1/doctors",
                        Map.of(
                                "practiceId",
                                practice,
                                "name",
                                "Matchlæge " + UUID.randomUUID().toString().substring(0, 6),
                                "nursingHomeDoctor",
                                false))
                .json()
                .path("id")
                .asLong();
    }

    static JsonNode pairOf(JsonNode matching, long facility) {
        for (JsonNode pair : matching.path("pairs")) {
            if (pair.path("facilityId").asLong() == facility) {
                return pair;
            }
        }
        throw new AssertionError("no pair for " + facility);
    }

    static long doctorOf(JsonNode matching, long facility) {
        for (JsonNode pair : matching.path("pairs")) {
            if (pair.path("facilityId").asLong() == facility) {
                return pair.path("doctorId").asLong();
            }
        }
        return -1;
    }

    @Test
    void a_round_pairs_the_doctors_and_facilities_that_ranked_each_other_with_no_blocking_pair() {
        long f1 = facility();
        long f2 = facility();
        long lonely = facility();
        long practice = practice(2);
        long d1 = doctor(practice);
        long d2 = doctor(practice);
        assertThat(api.as("region-midt")
                        .put("/api/v1/doctors/" + d1 + "/wishes", List.of(f1, f2))
                        .status())
                .isEqualTo(200);
        api.as("region-midt").put("/api/v1/doctors/" + d2 + "/wishes", List.of(f1, f2));
        assertThat(api.as("kommune-norddjurs")
                        .put("/api/v1/facilities/" + f1 + "/priorities", List.of(d2, d1))
                        .status())
                .isEqualTo(200);
        api.as("kommune-norddjurs").put("/api/v1/facilities/" + f2 + "/priorities", List.of(d1, d2));
        assertThat(api.as("region-midt")
                        .get("/api/v1/doctors/" + d1 + "/wishes")
                        .json()
                        .toString())
                .isEqualTo("[" + f1 + "," + f2 + "]");

        for (String proposing : new String[] {"DOCTORS", "FACILITIES"}) {
            Api.Response round = api.as("kommune-norddjurs")
                    .post("/api/v1/matching/stable", Map.of("municipalityCode", "707", "proposing", proposing));
            assertThat(round.status()).as(round.body()).isEqualTo(200);
            assertThat(doctorOf(round.json(), f1)).isEqualTo(d2);
            assertThat(doctorOf(round.json(), f2)).isEqualTo(d1);
            assertThat(round.json().path("unmatchedFacilityIds").toString()).contains(String.valueOf(lonely));
            JsonNode f1Pair = pairOf(round.json(), f1);
            assertThat(f1Pair.path("doctorRank").asInt()).isEqualTo(1);
            assertThat(f1Pair.path("facilityRank").asInt()).isEqualTo(1);
            assertThat(f1Pair.path("distanceKm").isNull())
                    .as("no coordinates, no distance")
                    .isTrue();
        }
    }

    @Test
    void a_practice_without_room_gets_no_more_facilities() {
        long f = facility();
        long full = practice(1);
        long busy = doctor(full);
        long d = doctor(full);
        // the practice's one capacity is taken by an active agreement of its other doctor
        long other = facility();
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("doctorId", busy);
        agreement.put("facilityIds", List.of(other));
        agreement.put("startDate", "2025-06-01");
        agreement.put("matchMethod", "OTHER");
        long id = api.as("kommune-norddjurs")
                .post("/api/v1/agreements", agreement)
                .json()
                .path("id")
                .asLong();
        api.as("kommune-norddjurs").post("/api/v1/agreements/" + id + "/submit", "");
        api.as("region-midt").post("/api/v1/agreements/" + id + "/approve", "");

        api.as("region-midt").put("/api/v1/doctors/" + d + "/wishes", List.of(f));
        api.as("kommune-norddjurs").put("/api/v1/facilities/" + f + "/priorities", List.of(d));
        JsonNode round = api.as("region-midt")
                .post("/api/v1/matching/stable", Map.of("proposing", "DOCTORS"))
                .json();
        assertThat(doctorOf(round, f)).isEqualTo(-1);
    }

    @Test
    void only_the_owner_of_a_list_changes_it_and_only_municipality_or_region_run_a_round() {
        long f = facility();
        long d = doctor(practice(1));
        assertThat(api.as("laege-norddjurs")
                        .put("/api/v1/doctors/" + d + "/wishes", List.of(f))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("kommune-aarhus")
                        .put("/api/v1/facilities/" + f + "/priorities", List.of(d))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("national")
                        .post("/api/v1/matching/stable", Map.of("proposing", "DOCTORS"))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("kommune-aarhus")
                        .post("/api/v1/matching/stable", Map.of("municipalityCode", "707", "proposing", "DOCTORS"))
                        .status())
                .isEqualTo(403);
        assertThat(api.anonymous()
                        .post("/api/v1/matching/stable", Map.of("proposing", "DOCTORS"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void bad_lists_and_rounds_are_clear_400s() {
        long f = facility();
        long d = doctor(practice(1));
        assertThat(api.as("region-midt")
                        .put("/api/v1/doctors/" + d + "/wishes", List.of(f, f))
                        .status())
                .isEqualTo(400);
        assertThat(api.as("region-midt")
                        .put("/api/v1/doctors/" + d + "/wishes", List.of(999_999_999L))
                        .status())
                .isEqualTo(400);
        assertThat(api.as("region-midt")
                        .post("/api/v1/matching/stable", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(api.as("region-midt")
                        .post("/api/v1/matching/stable", Map.of("proposing", "BOTH"))
                        .status())
                .isEqualTo(400);
        assertThat(api.as("region-midt")
                        .post("/api/v1/matching/stable", Map.of("municipalityCode", "999", "proposing", "DOCTORS"))
                        .status())
                .isEqualTo(400);
        assertThat(api.as("region-midt").get("/api/v1/doctors/999999999/wishes").status())
                .isEqualTo(404);
    }

    @Test
    void a_priority_list_out_of_sight_is_not_found_and_one_in_the_region_is_refused() {
        long skovstjernen = facilityNamed("Skovstjernen");
        long other = api.as("region-midt")
                .get("/api/v1/facilities?municipalityCode=751&size=1")
                .json()
                .path("content")
                .get(0)
                .path("id")
                .asLong();

        assertThat(api.as("botilbud-skovstjernen")
                        .get("/api/v1/facilities/" + skovstjernen + "/priorities")
                        .status())
                .isEqualTo(200);
        // another facility's contact cannot tell which ids exist
        assertThat(api.as("botilbud-skovstjernen")
                        .get("/api/v1/facilities/" + other + "/priorities")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("region-nord")
                        .get("/api/v1/facilities/" + other + "/priorities")
                        .status())
                .isEqualTo(404);
        // a municipality of the same region reads the registry, but not another municipality's list
        Api.Response refused = api.as("kommune-norddjurs").get("/api/v1/facilities/" + other + "/priorities");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("kan se og ændre botilbuddets prioriteringsliste");
    }

    private long facilityNamed(String name) {
        for (JsonNode f : api.as("region-midt")
                .get("/api/v1/facilities?municipalityCode=707&size=200&q=" + name)
                .json()
                .path("content")) {
            if (f.path("name").asString().equals(name)) {
                return f.path("id").asLong();
            }
        }
        throw new AssertionError(name);
    }
}
