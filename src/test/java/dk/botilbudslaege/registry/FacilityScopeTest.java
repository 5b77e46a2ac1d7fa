package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.AALBORG_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS;
import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.DOCTOR;
import static dk.botilbudslaege.registry.RegistryFixtures.MIDTJYLLAND;
import static dk.botilbudslaege.registry.RegistryFixtures.NATIONAL;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDJYLLAND;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_NORD;
import static dk.botilbudslaege.registry.RegistryFixtures.SAMSOE_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.SKOVSTJERNEN;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.demoFacilityId;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.encode;
import static dk.botilbudslaege.registry.RegistryFixtures.facility;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Facilities by scope (SPEC §1, RegistryAccess): a municipality sees and changes only what lies in
 * it (and never regional facilities), a region only its own region, a facility only itself, a
 * doctor reads the region's facilities and changes none, the national viewer no rows at all.
 */
@IntegrationTest
class FacilityScopeTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    private JsonNode everyFacilityOf(String user, String query) {
        Api.Response answer = api.as(user).get("/api/v1/facilities?size=2000" + query);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("totalElements").asLong())
                .as("the whole list fits in one page")
                .isLessThanOrEqualTo(2000);
        return answer.json().path("content");
    }

    private static List<String> values(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.path(field).asString()));
        return values;
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.path("id").asLong()));
        return ids;
    }

    private long totalNamed(String name) {
        return api.as(REGION_MIDT)
                .get("/api/v1/facilities?q=" + encode(name))
                .json()
                .path("totalElements")
                .asLong();
    }

    // ---- Municipality ----------------------------------------------------------------------------

    @Test
    void the_norddjurs_contact_sees_exactly_the_norddjurs_facilities() {
        long own = createFacility(api, NORDDJURS, facility(unique("Egebo"), NORDDJURS_CODE, "MUNICIPAL"));
        long aarhus = createFacility(api, AARHUS, facility(unique("Egebo"), AARHUS_CODE, "MUNICIPAL"));
        long samsoe = createFacility(api, REGION_MIDT, facility(unique("Egebo"), SAMSOE_CODE, "MUNICIPAL"));

        JsonNode rows = everyFacilityOf(NORDDJURS, "");

        assertThat(rows).isNotEmpty();
        assertThat(values(rows, "municipalityCode")).containsOnly(NORDDJURS_CODE);
        assertThat(values(rows, "name")).contains("Skovstjernen", "Åparken", "Dolmerhave");
        assertThat(ids(rows)).contains(own).doesNotContain(aarhus, samsoe);
    }

    @Test
    void the_norddjurs_contact_finds_nothing_when_filtering_on_another_municipality() {
        createFacility(api, AARHUS, facility(unique("Aarhus Bo"), AARHUS_CODE, "MUNICIPAL"));

        Api.Response answer = api.as(NORDDJURS).get("/api/v1/facilities?municipalityCode=" + AARHUS_CODE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("content")).isEmpty();
        assertThat(answer.json().path("totalElements").asLong()).isZero();
    }

    @Test
    void the_aarhus_contact_sees_only_aarhus_facilities() {
        JsonNode rows = everyFacilityOf(AARHUS, "");

        assertThat(values(rows, "municipalityCode")).containsOnly(AARHUS_CODE);
    }

    @Test
    void a_municipal_contact_of_norddjurs_cannot_read_or_change_a_samsoe_facility() {
        String name = unique("Samsø Bosted");
        long samsoe = createFacility(api, REGION_MIDT, facility(name, SAMSOE_CODE, "MUNICIPAL"));

        assertProblem(api.as(NORDDJURS).get("/api/v1/facilities/" + samsoe), 404, "NOT_FOUND");
        assertProblem(
                api.as(NORDDJURS).put("/api/v1/facilities/" + samsoe, facility("Overtaget", SAMSOE_CODE, "MUNICIPAL")),
                404,
                "NOT_FOUND");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + samsoe)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void a_municipal_contact_of_norddjurs_cannot_read_or_change_an_aarhus_facility() {
        String name = unique("Aarhus Bosted");
        long aarhus = createFacility(api, AARHUS, facility(name, AARHUS_CODE, "MUNICIPAL"));

        assertProblem(api.as(NORDDJURS).get("/api/v1/facilities/" + aarhus), 404, "NOT_FOUND");
        assertProblem(
                api.as(NORDDJURS)
                        .put("/api/v1/facilities/" + aarhus, facility("Overtaget", NORDDJURS_CODE, "MUNICIPAL")),
                404,
                "NOT_FOUND");
        assertProblem(api.as(NORDDJURS).get("/api/v1/facilities/" + aarhus + "/history"), 404, "NOT_FOUND");
        assertThat(api.as(AARHUS)
                        .get("/api/v1/facilities/" + aarhus)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void an_out_of_scope_facility_answers_exactly_like_one_that_does_not_exist() {
        long aarhus = createFacility(api, AARHUS, facility(unique("Skjult"), AARHUS_CODE, "MUNICIPAL"));

        Api.Response hidden = api.as(NORDDJURS).get("/api/v1/facilities/" + aarhus);
        Api.Response missing = api.as(NORDDJURS).get("/api/v1/facilities/" + (Long.MAX_VALUE - 1));

        assertProblem(hidden, 404, "NOT_FOUND");
        assertProblem(missing, 404, "NOT_FOUND");
        assertThat(hidden.json().path("detail")).isEqualTo(missing.json().path("detail"));
        assertThat(hidden.json().path("title")).isEqualTo(missing.json().path("title"));
    }

    @Test
    void a_municipal_contact_cannot_create_a_regional_facility() {
        String name = unique("Regionshuset");

        Api.Response answer = api.as(NORDDJURS).post("/api/v1/facilities", facility(name, NORDDJURS_CODE, "REGIONAL"));

        assertThat(assertProblem(answer, 403, "FORBIDDEN").path("detail").asString())
                .isEqualTo("Du kan kun oprette og ændre kommunale og private botilbud i din egen kommune.");
        assertThat(totalNamed(name)).as("nothing saved").isZero();
    }

    @Test
    void a_municipal_contact_creates_a_private_facility_in_its_municipality() {
        Map<String, Object> body = facility(unique("Privathuset"), NORDDJURS_CODE, "PRIVATE");
        body.put("privateOwnership", "COMMERCIAL");

        Api.Response answer = api.as(NORDDJURS).post("/api/v1/facilities", body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().path("operator").asString()).isEqualTo("PRIVATE");
        assertThat(answer.json().path("privateOwnership").asString()).isEqualTo("COMMERCIAL");
    }

    @Test
    void a_municipal_contact_cannot_create_a_facility_in_another_municipality() {
        String name = unique("Udenbys");

        assertProblem(
                api.as(NORDDJURS).post("/api/v1/facilities", facility(name, AARHUS_CODE, "MUNICIPAL")),
                403,
                "FORBIDDEN");
        assertThat(totalNamed(name)).as("nothing saved").isZero();
    }

    @Test
    void a_municipal_contact_reads_a_regional_facility_in_its_municipality_but_cannot_change_it() {
        String name = unique("Regionalt bosted");
        long regional = createFacility(api, REGION_MIDT, facility(name, NORDDJURS_CODE, "REGIONAL"));

        assertThat(api.as(NORDDJURS).get("/api/v1/facilities/" + regional).status())
                .isEqualTo(200);
        Map<String, Object> body = facility("Omdøbt", NORDDJURS_CODE, "REGIONAL");
        assertProblem(api.as(NORDDJURS).put("/api/v1/facilities/" + regional, body), 403, "FORBIDDEN");
        assertProblem(
                api.as(NORDDJURS)
                        .post("/api/v1/facilities/" + regional + "/sections", Map.of("name", "A", "residents", 30)),
                403,
                "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + regional)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void a_municipal_contact_cannot_turn_its_facility_into_a_regional_one() {
        long id = createFacility(api, NORDDJURS, facility(unique("Kommunalt"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("operator", "REGIONAL");

        assertProblem(api.as(NORDDJURS).put("/api/v1/facilities/" + id, body), 403, "FORBIDDEN");
        assertThat(api.as(NORDDJURS)
                        .get("/api/v1/facilities/" + id)
                        .json()
                        .path("operator")
                        .asString())
                .isEqualTo("MUNICIPAL");
    }

    @Test
    void a_municipal_contact_cannot_move_its_facility_to_another_municipality() {
        long id = createFacility(api, NORDDJURS, facility(unique("Flyttehuset"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("municipalityCode", AARHUS_CODE);

        assertProblem(api.as(NORDDJURS).put("/api/v1/facilities/" + id, body), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + id)
                        .json()
                        .path("municipalityCode")
                        .asString())
                .isEqualTo(NORDDJURS_CODE);
    }

    // ---- Region ----------------------------------------------------------------------------------

    @Test
    void region_nordjylland_sees_none_of_the_midtjylland_facilities() {
        long midt = createFacility(api, REGION_MIDT, facility(unique("Midtbo"), NORDDJURS_CODE, "MUNICIPAL"));
        long nord = createFacility(api, REGION_NORD, facility(unique("Nordbo"), AALBORG_CODE, "MUNICIPAL"));

        JsonNode rows = everyFacilityOf(REGION_NORD, "");

        assertThat(values(rows, "regionCode")).containsOnly(NORDJYLLAND);
        assertThat(ids(rows)).contains(nord).doesNotContain(midt);
        assertThat(everyFacilityOf(REGION_NORD, "&municipalityCode=" + NORDDJURS_CODE))
                .isEmpty();
    }

    @Test
    void region_nordjylland_cannot_read_or_change_a_midtjylland_facility() {
        String name = unique("Midtjysk");
        long midt = createFacility(api, REGION_MIDT, facility(name, NORDDJURS_CODE, "MUNICIPAL"));

        assertProblem(api.as(REGION_NORD).get("/api/v1/facilities/" + midt), 404, "NOT_FOUND");
        assertProblem(
                api.as(REGION_NORD).put("/api/v1/facilities/" + midt, facility("Overtaget", AALBORG_CODE, "REGIONAL")),
                404,
                "NOT_FOUND");
        assertProblem(api.as(REGION_NORD).get("/api/v1/facilities/" + midt + "/history"), 404, "NOT_FOUND");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + midt)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void a_region_creates_facilities_of_every_operator_in_its_own_region_only() {
        for (String operator : List.of("MUNICIPAL", "REGIONAL", "PRIVATE")) {
            Api.Response created = api.as(REGION_MIDT)
                    .post("/api/v1/facilities", facility(unique("Regionens"), NORDDJURS_CODE, operator));
            assertThat(created.status()).as("%s %s", operator, created).isEqualTo(201);
            assertThat(created.json().path("regionCode").asString()).isEqualTo(MIDTJYLLAND);
        }
        String name = unique("Aalborgensisk");
        assertThat(assertProblem(
                                api.as(REGION_MIDT)
                                        .post("/api/v1/facilities", facility(name, AALBORG_CODE, "REGIONAL")),
                                403,
                                "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo("Du kan kun oprette og ændre botilbud i din egen region.");
        assertThat(api.as(REGION_NORD)
                        .get("/api/v1/facilities?q=" + encode(name))
                        .json()
                        .path("totalElements")
                        .asLong())
                .as("nothing saved")
                .isZero();
    }

    @Test
    void a_region_cannot_move_its_facility_into_another_region() {
        long id = createFacility(api, REGION_MIDT, facility(unique("Grænsehuset"), NORDDJURS_CODE, "REGIONAL"));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + id));
        body.put("municipalityCode", AALBORG_CODE);

        assertProblem(api.as(REGION_MIDT).put("/api/v1/facilities/" + id, body), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + id)
                        .json()
                        .path("municipalityCode")
                        .asString())
                .isEqualTo(NORDDJURS_CODE);
    }

    @Test
    void a_region_reads_and_changes_a_municipal_facility_in_its_region() {
        long id = createFacility(api, AARHUS, facility(unique("Aarhusiansk"), AARHUS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + id));
        body.put("residents", 19);

        Api.Response answer = api.as(REGION_MIDT).put("/api/v1/facilities/" + id, body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("residents").asInt()).isEqualTo(19);
    }

    // ---- Facility --------------------------------------------------------------------------------

    @Test
    void a_facility_user_sees_only_its_own_facility() {
        long skovstjernen = demoFacilityId(api, "Skovstjernen", NORDDJURS_CODE);

        Api.Response list = api.as(SKOVSTJERNEN).get("/api/v1/facilities");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("totalElements").asLong()).isEqualTo(1);
        assertThat(ids(list.json().path("content"))).containsExactly(skovstjernen);
        assertThat(api.as(SKOVSTJERNEN)
                        .get("/api/v1/facilities/" + skovstjernen)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Skovstjernen");
    }

    @Test
    void a_facility_user_cannot_read_another_facility_of_its_municipality() {
        long dolmerhave = demoFacilityId(api, "Dolmerhave", NORDDJURS_CODE);

        assertProblem(api.as(SKOVSTJERNEN).get("/api/v1/facilities/" + dolmerhave), 404, "NOT_FOUND");
        assertThat(api.as(SKOVSTJERNEN)
                        .get("/api/v1/facilities?q=Dolmerhave")
                        .json()
                        .path("content"))
                .isEmpty();
    }

    @Test
    void a_facility_user_changes_neither_its_own_facility_nor_creates_one() {
        long skovstjernen = demoFacilityId(api, "Skovstjernen", NORDDJURS_CODE);
        Map<String, Object> body = editable(api.as(SKOVSTJERNEN).get("/api/v1/facilities/" + skovstjernen));
        body.put("name", "Skovstjernen omdøbt");

        assertThat(assertProblem(api.as(SKOVSTJERNEN).put("/api/v1/facilities/" + skovstjernen, body), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo("Din rolle kan ikke oprette eller ændre botilbud.");
        assertProblem(
                api.as(SKOVSTJERNEN).post("/api/v1/facilities", facility(unique("Nyt"), NORDDJURS_CODE, "MUNICIPAL")),
                403,
                "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + skovstjernen)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("Skovstjernen");
    }

    // ---- Doctor ----------------------------------------------------------------------------------

    @Test
    void a_doctor_sees_the_facilities_of_the_whole_region() {
        long aarhus = createFacility(api, AARHUS, facility(unique("Lægens udsigt"), AARHUS_CODE, "MUNICIPAL"));
        long nord = createFacility(api, REGION_NORD, facility(unique("Lægens udsyn"), AALBORG_CODE, "MUNICIPAL"));

        JsonNode rows = everyFacilityOf(DOCTOR, "");

        assertThat(values(rows, "regionCode")).containsOnly(MIDTJYLLAND);
        assertThat(values(rows, "municipalityCode")).contains(NORDDJURS_CODE, AARHUS_CODE);
        assertThat(ids(rows)).contains(aarhus).doesNotContain(nord);
        assertThat(api.as(DOCTOR).get("/api/v1/facilities/" + aarhus).status()).isEqualTo(200);
        assertProblem(api.as(DOCTOR).get("/api/v1/facilities/" + nord), 404, "NOT_FOUND");
    }

    @Test
    void a_doctor_changes_no_facility() {
        String name = unique("Lægefri");
        long id = createFacility(api, NORDDJURS, facility(name, NORDDJURS_CODE, "MUNICIPAL", 70, 64));
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/facilities/" + id));
        body.put("name", "Ændret af lægen");

        assertProblem(api.as(DOCTOR).put("/api/v1/facilities/" + id, body), 403, "FORBIDDEN");
        assertProblem(
                api.as(DOCTOR).post("/api/v1/facilities", facility(unique("Lægens"), NORDDJURS_CODE, "MUNICIPAL")),
                403,
                "FORBIDDEN");
        assertProblem(
                api.as(DOCTOR).post("/api/v1/facilities/" + id + "/sections", Map.of("name", "A", "residents", 32)),
                403,
                "FORBIDDEN");
        JsonNode stored = api.as(REGION_MIDT).get("/api/v1/facilities/" + id).json();
        assertThat(stored.path("name").asString()).isEqualTo(name);
        assertThat(stored.path("sections")).isEmpty();
    }

    // ---- National viewer -------------------------------------------------------------------------

    @Test
    void the_national_viewer_reads_reference_data_but_no_facility() {
        long id = createFacility(api, REGION_MIDT, facility(unique("Nationalt"), NORDDJURS_CODE, "MUNICIPAL"));

        assertThat(api.as(NATIONAL).get("/api/v1/regions").status()).isEqualTo(200);
        assertThat(api.as(NATIONAL).get("/api/v1/municipalities").status()).isEqualTo(200);
        String message =
                "Med en national rolle (national læser eller administrator) ser du kun samlede tal, ikke enkelte botilbud, praksisser eller læger.";
        assertThat(assertProblem(api.as(NATIONAL).get("/api/v1/facilities"), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo(message);
        assertThat(assertProblem(api.as(NATIONAL).get("/api/v1/facilities/" + id), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo(message);
        assertProblem(api.as(NATIONAL).get("/api/v1/facilities/" + (Long.MAX_VALUE - 1)), 403, "FORBIDDEN");
        assertProblem(
                api.as(NATIONAL)
                        .put("/api/v1/facilities/" + id, facility("Nationalt ændret", NORDDJURS_CODE, "MUNICIPAL")),
                403,
                "FORBIDDEN");
    }
}
