package dk.botilbudslaege.registry;

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

/** R7: facilities at the same address are proposed as a group; a group shows its total residents. */
@IntegrationTest
class FacilityGroupApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    long facility(String address, int residents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Bo " + UUID.randomUUID().toString().substring(0, 8));
        body.put("address", address);
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", residents);
        body.put("residents", residents);
        return api.as("kommune-norddjurs")
                .post("/api/v1/facilities", body)
                .json()
                .path("id")
                .asLong();
    }

    @Test
    void facilities_at_the_same_address_are_proposed_and_become_one_group_with_their_residents_summed() {
        String address = "Fælledvej " + UUID.randomUUID().toString().substring(0, 6) + ", 8500 Grenaa";
        long a = facility(address, 20);
        long b = facility("  " + address.toUpperCase() + " ", 14);

        var proposals = api.as("kommune-norddjurs")
                .get("/api/v1/facility-groups/proposals")
                .json();
        boolean proposed = false;
        for (var p : proposals) {
            if (p.path("facilityIds").toString().contains(String.valueOf(a))) {
                proposed = p.path("facilityIds").toString().contains(String.valueOf(b));
                assertThat(p.path("residents").asInt()).isEqualTo(34);
            }
        }
        assertThat(proposed).isTrue();

        Api.Response created = api.as("kommune-norddjurs")
                .post(
                        "/api/v1/facility-groups",
                        Map.of("name", "Fælledvej", "kind", "SAME_ADDRESS", "facilityIds", List.of(a, b)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("residents").asInt()).isEqualTo(34);
        long group = created.json().path("id").asLong();
        assertThat(api.as("kommune-norddjurs")
                        .get("/api/v1/facilities/" + a)
                        .json()
                        .path("groupId")
                        .asLong())
                .isEqualTo(group);
        assertThat(api.as("kommune-norddjurs")
                        .get("/api/v1/facility-groups/proposals")
                        .body())
                .doesNotContain("\"facilityIds\":[" + a);
    }

    @Test
    void a_group_needs_two_facilities_of_one_municipality_that_the_caller_may_change() {
        long a = facility("Enevej 1, 8500 Grenaa", 10);
        Api.Response single = api.as("kommune-norddjurs")
                .post(
                        "/api/v1/facility-groups",
                        Map.of("name", "Ene", "kind", "SAME_ADDRESS", "facilityIds", List.of(a)));
        assertThat(single.status()).isEqualTo(400);
        assertThat(single.json().path("errors").toString()).contains("facilityIds");

        long b = facility("Enevej 1, 8500 Grenaa", 10);
        Api.Response foreign = api.as("kommune-aarhus")
                .post(
                        "/api/v1/facility-groups",
                        Map.of("name", "Ene", "kind", "SAME_ADDRESS", "facilityIds", List.of(a, b)));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.as("national").get("/api/v1/facility-groups").status()).isEqualTo(403);
        assertThat(api.as("national")
                        .post(
                                "/api/v1/facility-groups",
                                Map.of("name", "Ene", "kind", "SAME_ADDRESS", "facilityIds", List.of(a, b)))
                        .status())
                .isEqualTo(403);
    }
}
