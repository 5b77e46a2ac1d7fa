package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class FacilityApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    static Map<String, Object> facility(String name, String municipalityCode, String operator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Testvej 1, 8500 Grenaa");
        body.put("municipalityCode", municipalityCode);
        body.put("operator", operator);
        body.put("legalBasis", "SEL_108");
        body.put("places", 20);
        body.put("residents", 18);
        body.put("temporaryPlaces", 2);
        body.put("latitude", 56.41);
        body.put("longitude", 10.87);
        return body;
    }

    @Test
    void a_municipal_contact_creates_a_facility_in_its_municipality_and_reads_it_back() {
        Api.Response created = api.as("kommune-norddjurs")
                .post("/api/v1/facilities", facility("Bofællesskabet Havblik", "707", "MUNICIPAL"));

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Api.Response read = api.as("kommune-norddjurs").get("/api/v1/facilities/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("name").asString()).isEqualTo("Bofællesskabet Havblik");
        assertThat(read.json().path("municipalityCode").asString()).isEqualTo("707");
        assertThat(read.json().path("legalBasis").asString()).isEqualTo("SEL_108");
        assertThat(read.json().path("temporaryPlaces").asInt()).isEqualTo(2);
        assertThat(read.json().path("inScope").asBoolean()).isTrue();
    }

    @Test
    void a_municipal_contact_of_norddjurs_cannot_read_or_change_a_samsoe_facility() {
        long samsoe = api.as("region-midt")
                .post("/api/v1/facilities", facility("Samsø Bosted", "741", "MUNICIPAL"))
                .json()
                .path("id")
                .asLong();

        assertThat(api.as("kommune-norddjurs")
                        .get("/api/v1/facilities/" + samsoe)
                        .status())
                .isEqualTo(404);
        Api.Response change = api.as("kommune-norddjurs")
                .put("/api/v1/facilities/" + samsoe, facility("Overtaget", "741", "MUNICIPAL"));
        assertThat(change.status()).isEqualTo(404);
        assertThat(api.as("region-midt")
                        .get("/api/v1/facilities/" + samsoe)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Samsø Bosted");
    }

    @Test
    void the_national_viewer_changes_nothing() {
        Api.Response create = api.as("national").post("/api/v1/facilities", facility("X", "707", "MUNICIPAL"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("FORBIDDEN");
        assertThat(api.as("national").get("/api/v1/facilities").status()).isEqualTo(403);
    }

    @Test
    void bad_fields_are_named_in_danish_and_nothing_is_saved() {
        Map<String, Object> body = facility("", "707", "MUNICIPAL");
        body.put("residents", 25);
        Api.Response answer = api.as("kommune-norddjurs").post("/api/v1/facilities", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().path("errors").toString()).contains("\"field\":\"name\"", "Navn skal udfyldes.");
    }
}
