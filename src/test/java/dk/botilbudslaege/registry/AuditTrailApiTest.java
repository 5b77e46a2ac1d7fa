package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS;
import static dk.botilbudslaege.registry.RegistryFixtures.DOCTOR;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.SKOVSTJERNEN;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.demoFacilityId;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.facility;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.practiceId;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
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
 * Every change to the registry is audited: who, when, what (SPEC §9). The history lists the newest
 * event first, with the actor, the action and the changed fields as {@code {from, to}}; an update
 * records only the fields that changed. Only region users read it.
 */
@IntegrationTest
class AuditTrailApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    private JsonNode history(String path) {
        Api.Response answer = api.as(REGION_MIDT).get(path + "/history");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        return answer.json();
    }

    @Test
    void a_facility_create_and_update_appear_in_its_history_with_actor_action_and_changed_fields() {
        String name = unique("Historiehuset");
        long id = createFacility(api, NORDDJURS, facility(name, NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + id));
        body.put("residents", 19);
        body.put("legalBasis", "ABL_105");
        assertThat(api.as(REGION_MIDT).put("/api/v1/facilities/" + id, body).status())
                .isEqualTo(200);

        JsonNode events = history("/api/v1/facilities/" + id);

        assertThat(events).hasSize(2);
        JsonNode updated = events.get(0);
        assertThat(updated.path("action").asString()).isEqualTo("UPDATED");
        assertThat(updated.path("actor").asString()).isEqualTo(REGION_MIDT);
        assertThat(updated.path("entityType").asString()).isEqualTo("FACILITY");
        assertThat(updated.path("entityId").asString()).isEqualTo(String.valueOf(id));
        assertThat(updated.path("occurredAt").asString()).isNotBlank();
        assertThat(updated.path("changes").propertyNames()).containsExactlyInAnyOrder("residents", "legalBasis");
        assertThat(updated.path("changes").path("residents").path("from").asInt())
                .isEqualTo(18);
        assertThat(updated.path("changes").path("residents").path("to").asInt()).isEqualTo(19);
        assertThat(updated.path("changes").path("legalBasis").path("from").asString())
                .isEqualTo("SEL_108");
        assertThat(updated.path("changes").path("legalBasis").path("to").asString())
                .isEqualTo("ABL_105");

        JsonNode created = events.get(1);
        assertThat(created.path("action").asString()).isEqualTo("CREATED");
        assertThat(created.path("actor").asString()).isEqualTo(NORDDJURS);
        assertThat(created.path("changes").path("name").path("from").isNull()).isTrue();
        assertThat(created.path("changes").path("name").path("to").asString()).isEqualTo(name);
        assertThat(created.path("changes").path("municipalityCode").path("to").asString())
                .isEqualTo(NORDDJURS_CODE);
        assertThat(created.path("changes").path("places").path("to").asInt()).isEqualTo(20);
    }

    @Test
    void an_update_that_changes_nothing_leaves_no_event() {
        long id = createFacility(api, NORDDJURS, facility(unique("Uændret"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));

        assertThat(api.as(NORDDJURS).put("/api/v1/facilities/" + id, body).status())
                .isEqualTo(200);

        assertThat(history("/api/v1/facilities/" + id)).hasSize(1);
    }

    @Test
    void a_refused_change_leaves_no_event() {
        long id = createFacility(api, NORDDJURS, facility(unique("Afvist"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("residents", 500);

        assertProblem(api.as(NORDDJURS).put("/api/v1/facilities/" + id, body), 400, "VALIDATION_FAILED");
        body.put("residents", 10);
        body.put("version", ((Number) body.get("version")).intValue() + 1);
        assertProblem(api.as(NORDDJURS).put("/api/v1/facilities/" + id, body), 409, "CONCURRENT_CHANGE");

        assertThat(history("/api/v1/facilities/" + id)).hasSize(1);
    }

    @Test
    void adding_and_removing_a_section_appear_in_the_facilitys_history() {
        long id = createFacility(
                api, NORDDJURS, facility(unique("Afsnitshistorie"), NORDDJURS_CODE, "MUNICIPAL", 70, 64));
        long section = api.as(NORDDJURS)
                .post("/api/v1/facilities/" + id + "/sections", Map.of("name", "Afsnit Nord", "residents", 32))
                .json()
                .path("id")
                .asLong();
        assertThat(api.as(NORDDJURS)
                        .delete("/api/v1/facilities/" + id + "/sections/" + section)
                        .status())
                .isEqualTo(204);

        JsonNode events = history("/api/v1/facilities/" + id);

        assertThat(events).hasSize(3);
        assertThat(events.get(0).path("action").asString()).isEqualTo("SECTION_REMOVED");
        assertThat(events.get(0).path("changes").path("section").path("from").asString())
                .isEqualTo("Afsnit Nord (32)");
        assertThat(events.get(1).path("action").asString()).isEqualTo("SECTION_ADDED");
        assertThat(events.get(1).path("actor").asString()).isEqualTo(NORDDJURS);
        assertThat(events.get(1).path("changes").path("section").path("to").asString())
                .isEqualTo("Afsnit Nord (32)");
    }

    @Test
    void a_practice_create_and_update_appear_in_its_history() {
        String number = providerNumber();
        String name = unique("Historieklinikken");
        long id = createPractice(api, REGION_MIDT, practice(number, name, NORDDJURS_CODE));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + id));
        body.put("doctorCapacity", 3);
        assertThat(api.as(REGION_MIDT).put("/api/v1/practices/" + id, body).status())
                .isEqualTo(200);

        JsonNode events = history("/api/v1/practices/" + id);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("action").asString()).isEqualTo("UPDATED");
        assertThat(events.get(0).path("actor").asString()).isEqualTo(REGION_MIDT);
        assertThat(events.get(0).path("changes").propertyNames()).containsExactly("doctorCapacity");
        assertThat(events.get(0)
                        .path("changes")
                        .path("doctorCapacity")
                        .path("from")
                        .asInt())
                .isEqualTo(2);
        assertThat(events.get(0)
                        .path("changes")
                        .path("doctorCapacity")
                        .path("to")
                        .asInt())
                .isEqualTo(3);
        assertThat(events.get(1).path("action").asString()).isEqualTo("CREATED");
        assertThat(events.get(1)
                        .path("changes")
                        .path("providerNumber")
                        .path("to")
                        .asString())
                .isEqualTo(number);
        assertThat(events.get(1).path("changes").path("name").path("to").asString())
                .isEqualTo(name);
    }

    @Test
    void a_doctor_created_by_the_region_and_renamed_by_the_doctor_user_appear_in_the_doctors_history() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        String name = unique("Historielægen");
        long id = createDoctor(api, REGION_MIDT, doctor(own, name));
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/doctors/" + id));
        body.put("name", name + " Jensen");
        assertThat(api.as(DOCTOR).put("/api/v1/doctors/" + id, body).status()).isEqualTo(200);

        JsonNode events = history("/api/v1/doctors/" + id);

        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("action").asString()).isEqualTo("UPDATED");
        assertThat(events.get(0).path("actor").asString()).isEqualTo(DOCTOR);
        assertThat(events.get(0).path("changes").path("name").path("from").asString())
                .isEqualTo(name);
        assertThat(events.get(0).path("changes").path("name").path("to").asString())
                .isEqualTo(name + " Jensen");
        assertThat(events.get(1).path("action").asString()).isEqualTo("CREATED");
        assertThat(events.get(1).path("actor").asString()).isEqualTo(REGION_MIDT);
        assertThat(events.get(1).path("changes").path("practiceId").path("to").asLong())
                .isEqualTo(own);
    }

    @Test
    void only_region_users_read_the_history() {
        long id = createFacility(api, NORDDJURS, facility(unique("Hemmelig historie"), NORDDJURS_CODE, "MUNICIPAL"));
        long skovstjernen = demoFacilityId(api, "Skovstjernen", NORDDJURS_CODE);
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);

        assertThat(assertProblem(api.as(NORDDJURS).get("/api/v1/facilities/" + id + "/history"), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo("Kun regionen kan se historikken.");
        assertProblem(api.as(DOCTOR).get("/api/v1/facilities/" + id + "/history"), 403, "FORBIDDEN");
        assertProblem(api.as(SKOVSTJERNEN).get("/api/v1/facilities/" + skovstjernen + "/history"), 403, "FORBIDDEN");
        assertProblem(api.as(DOCTOR).get("/api/v1/practices/" + own + "/history"), 403, "FORBIDDEN");
        assertProblem(api.as(AARHUS).get("/api/v1/practices/" + own + "/history"), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + id + "/history")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_history_of_an_unknown_row_answers_404() {
        long unknown = Long.MAX_VALUE - 1;

        assertProblem(api.as(REGION_MIDT).get("/api/v1/facilities/" + unknown + "/history"), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_MIDT).get("/api/v1/practices/" + unknown + "/history"), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_MIDT).get("/api/v1/doctors/" + unknown + "/history"), 404, "NOT_FOUND");
    }
}
