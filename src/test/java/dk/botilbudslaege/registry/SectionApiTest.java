package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS;
import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.createdId;
import static dk.botilbudslaege.registry.RegistryFixtures.demoFacilityId;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.errorFields;
import static dk.botilbudslaege.registry.RegistryFixtures.errorMessage;
import static dk.botilbudslaege.registry.RegistryFixtures.facility;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Sections (afsnit, SPEC R4): only a facility with more than 30 residents may be split, each section
 * has at least 30 residents, and the sections together never hold more residents than the facility.
 */
@IntegrationTest
class SectionApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    private long facilityWith(int residents) {
        return createFacility(
                api,
                NORDDJURS,
                facility(unique("Afsnitshuset"), NORDDJURS_CODE, "MUNICIPAL", residents + 2, residents));
    }

    private Api.Response addSection(long facilityId, String name, Object residents) {
        return api.as(NORDDJURS)
                .post(
                        "/api/v1/facilities/" + facilityId + "/sections",
                        residents == null ? Map.of("name", name) : Map.of("name", name, "residents", residents));
    }

    private JsonNode sections(long facilityId) {
        return api.as(NORDDJURS).get("/api/v1/facilities/" + facilityId).json().path("sections");
    }

    @Test
    void a_facility_of_64_residents_splits_into_two_sections_of_32() {
        long id = facilityWith(64);

        Api.Response first = addSection(id, "Afsnit Nord", 32);
        Api.Response second = addSection(id, "Afsnit Syd", 32);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("name").asString()).isEqualTo("Afsnit Nord");
        assertThat(first.json().path("residents").asInt()).isEqualTo(32);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        JsonNode stored = sections(id);
        assertThat(stored).hasSize(2);
        assertThat(stored.findValues("name").stream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("Afsnit Nord", "Afsnit Syd");
    }

    @Test
    void a_facility_of_30_residents_or_fewer_cannot_get_a_section() {
        long id = facilityWith(30);

        Api.Response answer = addSection(id, "Afsnit A", 30);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "residents"))
                .isEqualTo("Kun botilbud med mere end 30 beboere kan opdeles i afsnit.");
        assertThat(sections(id)).isEmpty();
    }

    @Test
    void aaparken_cannot_get_more_residents_in_sections_than_it_has() {
        long aaparken = demoFacilityId(api, "Åparken", NORDDJURS_CODE);
        int residents = api.as(NORDDJURS)
                .get("/api/v1/facilities/" + aaparken)
                .json()
                .path("residents")
                .asInt();
        int inSections = sections(aaparken).findValues("residents").stream()
                .mapToInt(JsonNode::asInt)
                .sum();

        Api.Response tooMany = addSection(aaparken, unique("Afsnit"), residents - inSections + 1);

        assertProblem(tooMany, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(tooMany, "residents"))
                .isEqualTo("Afsnittene kan tilsammen ikke have flere beboere end botilbuddet (" + residents + ").");
    }

    @Test
    void a_section_of_fewer_than_30_residents_is_refused() {
        long id = facilityWith(64);

        Api.Response answer = addSection(id, "Lille afsnit", 29);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "residents")).isEqualTo("Et afsnit skal have mindst 30 beboere.");
        assertThat(sections(id)).isEmpty();
    }

    @Test
    void a_section_without_residents_is_refused() {
        long id = facilityWith(64);

        Api.Response answer = addSection(id, "Tomt afsnit", null);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("residents");
    }

    @Test
    void sections_summing_over_the_facilitys_residents_are_refused() {
        long id = facilityWith(64);
        assertThat(addSection(id, "Afsnit 1", 32).status()).isEqualTo(201);

        Api.Response answer = addSection(id, "Afsnit 2", 33);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "residents"))
                .isEqualTo("Afsnittene kan tilsammen ikke have flere beboere end botilbuddet (64).");
        assertThat(sections(id)).hasSize(1);
    }

    @Test
    void a_single_section_larger_than_the_facility_is_refused() {
        long id = facilityWith(40);

        assertProblem(addSection(id, "Kæmpeafsnit", 41), 400, "VALIDATION_FAILED");
        assertThat(sections(id)).isEmpty();
    }

    @Test
    void a_section_needs_a_name_unique_within_its_facility() {
        long id = facilityWith(64);
        assertThat(addSection(id, "Afsnit A", 32).status()).isEqualTo(201);

        Api.Response blank = addSection(id, "  ", 32);
        Api.Response taken = addSection(id, "afsnit a", 32);

        assertProblem(blank, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(blank, "name")).isEqualTo("Afsnittets navn skal udfyldes.");
        assertProblem(taken, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(taken, "name")).isEqualTo("Botilbuddet har allerede et afsnit med det navn.");
        assertThat(sections(id)).hasSize(1);
    }

    @Test
    void lowering_the_residents_below_the_sections_sum_is_refused() {
        long id = facilityWith(64);
        addSection(id, "Afsnit Nord", 32);
        addSection(id, "Afsnit Syd", 32);
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("residents", 63);

        Api.Response answer = api.as(NORDDJURS).put("/api/v1/facilities/" + id, body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "residents"))
                .isEqualTo("Antal beboere kan ikke være mindre end beboerne i afsnittene (64).");
        assertThat(api.as(NORDDJURS)
                        .get("/api/v1/facilities/" + id)
                        .json()
                        .path("residents")
                        .asInt())
                .isEqualTo(64);
    }

    @Test
    void raising_the_residents_above_the_sections_sum_is_allowed() {
        long id = facilityWith(64);
        addSection(id, "Afsnit Nord", 32);
        addSection(id, "Afsnit Syd", 32);
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("residents", 66);

        Api.Response answer = api.as(NORDDJURS).put("/api/v1/facilities/" + id, body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("sections")).hasSize(2);
    }

    @Test
    void removing_a_section_makes_room_for_another() {
        long id = facilityWith(64);
        long north = createdId(addSection(id, "Afsnit Nord", 32));
        addSection(id, "Afsnit Syd", 32);
        assertProblem(addSection(id, "Afsnit Øst", 30), 400, "VALIDATION_FAILED");

        Api.Response removed = api.as(NORDDJURS).delete("/api/v1/facilities/" + id + "/sections/" + north);
        Api.Response added = addSection(id, "Afsnit Øst", 30);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isEmpty();
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(sections(id).findValues("name").stream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder("Afsnit Syd", "Afsnit Øst");
    }

    @Test
    void removing_an_unknown_section_answers_404() {
        long id = facilityWith(64);

        assertProblem(
                api.as(NORDDJURS).delete("/api/v1/facilities/" + id + "/sections/" + (Long.MAX_VALUE - 1)),
                404,
                "NOT_FOUND");
    }

    @Test
    void a_section_cannot_be_removed_through_another_facility() {
        long owner = facilityWith(64);
        long other = facilityWith(64);
        long section = createdId(addSection(owner, "Afsnit A", 32));

        assertProblem(
                api.as(NORDDJURS).delete("/api/v1/facilities/" + other + "/sections/" + section), 404, "NOT_FOUND");
        assertThat(sections(owner)).hasSize(1);
    }

    @Test
    void a_section_of_a_facility_out_of_scope_can_neither_be_added_nor_removed() {
        long aarhus = createFacility(api, AARHUS, facility(unique("Aarhus afsnit"), AARHUS_CODE, "MUNICIPAL", 70, 64));
        long section = createdId(api.as(AARHUS)
                .post("/api/v1/facilities/" + aarhus + "/sections", Map.of("name", "A", "residents", 32)));

        assertProblem(addSection(aarhus, "B", 32), 404, "NOT_FOUND");
        assertProblem(
                api.as(NORDDJURS).delete("/api/v1/facilities/" + aarhus + "/sections/" + section), 404, "NOT_FOUND");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + aarhus)
                        .json()
                        .path("sections"))
                .hasSize(1);
    }

    @Test
    void sections_of_an_unknown_facility_answer_404() {
        assertProblem(addSection(Long.MAX_VALUE - 1, "A", 32), 404, "NOT_FOUND");
    }
}
