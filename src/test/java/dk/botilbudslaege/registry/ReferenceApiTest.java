package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.DOCTOR;
import static dk.botilbudslaege.registry.RegistryFixtures.NATIONAL;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Regions and municipalities with their official codes (SPEC §2, API.md): plain JSON arrays that
 * every signed-in role reads, the national viewer included.
 */
@IntegrationTest
class ReferenceApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    private JsonNode municipalityByCode(JsonNode municipalities, String code) {
        for (JsonNode m : municipalities) {
            if (m.path("code").asString().equals(code)) {
                return m;
            }
        }
        throw new AssertionError("no municipality " + code);
    }

    @Test
    void the_five_regions_have_their_official_codes() {
        Api.Response answer = api.as(NATIONAL).get("/api/v1/regions");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode regions = answer.json();
        assertThat(regions.isArray()).isTrue();
        List<String> codes = new ArrayList<>();
        for (JsonNode region : regions) {
            assertThat(region.propertyNames()).containsExactlyInAnyOrder("code", "name");
            assertThat(region.path("code").isString()).as("codes are strings").isTrue();
            assertThat(region.path("name").asString()).isNotBlank();
            codes.add(region.path("code").asString());
        }
        assertThat(codes).containsExactly("1081", "1082", "1083", "1084", "1085");
    }

    @Test
    void the_98_municipalities_have_three_digit_codes_and_a_region() {
        JsonNode municipalities =
                api.as(NORDDJURS).get("/api/v1/municipalities").json();
        Set<String> regions = new HashSet<>();
        api.as(NORDDJURS)
                .get("/api/v1/regions")
                .json()
                .forEach(r -> regions.add(r.path("code").asString()));

        assertThat(municipalities.isArray()).isTrue();
        assertThat(municipalities).hasSize(98);
        Set<String> codes = new HashSet<>();
        for (JsonNode m : municipalities) {
            assertThat(m.propertyNames()).containsExactlyInAnyOrder("code", "name", "regionCode");
            assertThat(m.path("code").isString()).as("codes are strings").isTrue();
            assertThat(m.path("code").asString()).matches("[0-9]{3}");
            assertThat(m.path("name").asString()).isNotBlank();
            assertThat(regions).contains(m.path("regionCode").asString());
            codes.add(m.path("code").asString());
        }
        assertThat(codes).as("no code twice").hasSize(98);
    }

    @Test
    void known_municipalities_belong_to_their_regions() {
        JsonNode municipalities = api.as(DOCTOR).get("/api/v1/municipalities").json();

        assertThat(municipalityByCode(municipalities, "707").path("name").asString())
                .isEqualTo("Norddjurs");
        assertThat(municipalityByCode(municipalities, "707").path("regionCode").asString())
                .isEqualTo("1082");
        assertThat(municipalityByCode(municipalities, "751").path("name").asString())
                .isEqualTo("Aarhus");
        assertThat(municipalityByCode(municipalities, "741").path("name").asString())
                .isEqualTo("Samsø");
        assertThat(municipalityByCode(municipalities, "851").path("regionCode").asString())
                .isEqualTo("1081");
        assertThat(municipalityByCode(municipalities, "101").path("name").asString())
                .isEqualTo("København");
    }

    @Test
    void region_midtjylland_has_19_municipalities() {
        JsonNode municipalities = api.as(NATIONAL).get("/api/v1/municipalities").json();
        int inMidtjylland = 0;
        for (JsonNode m : municipalities) {
            if (m.path("regionCode").asString().equals("1082")) {
                inMidtjylland++;
            }
        }

        assertThat(inMidtjylland).isEqualTo(19);
    }
}
