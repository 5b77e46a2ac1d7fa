package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.MIDTJYLLAND;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.createdId;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every signed-in role against every registry and reference call (SPEC §1, API.md): what a role may
 * do answers 200/201/204; what a role can never do answers 403; a single row outside the caller's
 * scope answers 404, so that its existence does not leak.
 * <p>
 * The target rows are in Norddjurs (Region Midtjylland): a municipal facility, the demo doctor's
 * own practice "Lægerne ved Torvet" and a doctor in it. Region Nordjylland's user is out of scope
 * for all of them; Aarhus' contact is in the region but not in the municipality; the facility user
 * (Skovstjernen) is in Norddjurs but the facility is not its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAccessApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;

    long facilityId;
    long practiceId;
    long doctorId;

    @BeforeAll
    void createTargets() {
        api = Api.through(context); // no socket needed: rules and authorisation, not transport
        facilityId =
                createFacility(api, REGION_MIDT, facility(unique("Matrixhuset"), NORDDJURS_CODE, "MUNICIPAL", 70, 64));
        practiceId = practiceId(api, OWN_PRACTICE_PROVIDER);
        doctorId = createDoctor(api, REGION_MIDT, doctor(practiceId, unique("Læge Matrix")));
    }

    /** Allowed answers carry the row; refusals are problems with their code. */
    private static void expect(Api.Response answer, int status) {
        switch (status) {
            case 403 -> assertProblem(answer, 403, "FORBIDDEN");
            case 404 -> assertProblem(answer, 404, "NOT_FOUND");
            default -> assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        }
    }

    // ---- Reference data --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "region-midt",
        "region-nord",
        "kommune-norddjurs",
        "kommune-aarhus",
        "botilbud-skovstjernen",
        "laege-norddjurs",
        "national"
    })
    void every_signed_in_role_reads_the_regions_and_municipalities(String user) {
        Api.Response regions = api.as(user).get("/api/v1/regions");
        Api.Response municipalities = api.as(user).get("/api/v1/municipalities");

        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.json().isArray()).isTrue();
        assertThat(municipalities.status()).isEqualTo(200);
        assertThat(municipalities.json().isArray()).isTrue();
    }

    // ---- Facilities ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,200",
        "kommune-norddjurs,200",
        "kommune-aarhus,200",
        "botilbud-skovstjernen,200",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_list_facilities(String user, int status) {
        Api.Response answer = api.as(user).get("/api/v1/facilities");

        expect(answer, status);
        if (status == 200) {
            assertThat(answer.json().path("content").isArray()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,201",
        "region-nord,403",
        "kommune-norddjurs,201",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_create_a_municipal_facility_in_norddjurs(String user, int status) {
        String name = unique("Nyoprettet");
        Api.Response answer = api.as(user).post("/api/v1/facilities", facility(name, NORDDJURS_CODE, "MUNICIPAL"));

        expect(answer, status);
        if (status == 201) {
            assertThat(answer.json().path("name").asString()).isEqualTo(name);
        } else {
            assertThat(api.as(REGION_MIDT)
                            .get("/api/v1/facilities?q=" + RegistryFixtures.encode(name))
                            .json()
                            .path("totalElements")
                            .asLong())
                    .as("nothing saved")
                    .isZero();
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,200",
        "kommune-aarhus,404",
        "botilbud-skovstjernen,404",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_read_a_municipal_facility_in_norddjurs(String user, int status) {
        Api.Response answer = api.as(user).get("/api/v1/facilities/" + facilityId);

        expect(answer, status);
        if (status == 200) {
            assertThat(answer.json().path("id").asLong()).isEqualTo(facilityId);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,200",
        "kommune-aarhus,404",
        "botilbud-skovstjernen,404",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_change_a_municipal_facility_in_norddjurs(String user, int status) {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + facilityId));
        body.remove("version");
        body.put("temporaryPlaces", 3);

        expect(api.as(user).put("/api/v1/facilities/" + facilityId, body), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,201",
        "region-nord,404",
        "kommune-norddjurs,201",
        "kommune-aarhus,404",
        "botilbud-skovstjernen,404",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_split_a_norddjurs_facility_into_sections(String user, int status) {
        long large =
                createFacility(api, REGION_MIDT, facility(unique("Storehuset"), NORDDJURS_CODE, "MUNICIPAL", 70, 64));

        expect(
                api.as(user)
                        .post("/api/v1/facilities/" + large + "/sections", Map.of("name", "Afsnit A", "residents", 32)),
                status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,204",
        "region-nord,404",
        "kommune-norddjurs,204",
        "kommune-aarhus,404",
        "botilbud-skovstjernen,404",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_remove_a_section_of_a_norddjurs_facility(String user, int status) {
        long large =
                createFacility(api, REGION_MIDT, facility(unique("Storehuset"), NORDDJURS_CODE, "MUNICIPAL", 70, 64));
        long section = createdId(api.as(REGION_MIDT)
                .post("/api/v1/facilities/" + large + "/sections", Map.of("name", "Afsnit A", "residents", 32)));

        expect(api.as(user).delete("/api/v1/facilities/" + large + "/sections/" + section), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,403",
        "kommune-aarhus,404",
        "botilbud-skovstjernen,404",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_read_the_history_of_a_norddjurs_facility(String user, int status) {
        Api.Response answer = api.as(user).get("/api/v1/facilities/" + facilityId + "/history");

        expect(answer, status);
        if (status == 200) {
            assertThat(answer.json().isArray()).isTrue();
        }
    }

    // ---- Practices -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,200",
        "kommune-norddjurs,200",
        "kommune-aarhus,200",
        "botilbud-skovstjernen,200",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_list_practices(String user, int status) {
        expect(api.as(user).get("/api/v1/practices"), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,201",
        "region-nord,403",
        "kommune-norddjurs,403",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_create_a_practice_in_norddjurs(String user, int status) {
        expect(
                api.as(user).post("/api/v1/practices", practice(providerNumber(), unique("Lægehuset"), NORDDJURS_CODE)),
                status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,200",
        "kommune-aarhus,200",
        "botilbud-skovstjernen,200",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_read_the_demo_doctors_practice(String user, int status) {
        Api.Response answer = api.as(user).get("/api/v1/practices/" + practiceId);

        expect(answer, status);
        if (status == 200) {
            assertThat(answer.json().path("providerNumber").asString()).isEqualTo(OWN_PRACTICE_PROVIDER);
            assertThat(answer.json().path("regionCode").asString()).isEqualTo(MIDTJYLLAND);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,403",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_change_the_demo_doctors_practice(String user, int status) {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + practiceId));
        body.remove("version");

        expect(api.as(user).put("/api/v1/practices/" + practiceId, body), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,403",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_read_the_history_of_a_practice(String user, int status) {
        expect(api.as(user).get("/api/v1/practices/" + practiceId + "/history"), status);
    }

    // ---- Doctors ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,200",
        "kommune-norddjurs,200",
        "kommune-aarhus,200",
        "botilbud-skovstjernen,200",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_list_doctors(String user, int status) {
        expect(api.as(user).get("/api/v1/doctors"), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,201",
        "kommune-norddjurs,403",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_add_a_doctor_to_the_demo_doctors_practice(String user, int status) {
        expect(api.as(user).post("/api/v1/doctors", doctor(practiceId, unique("Ny læge"))), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,200",
        "kommune-aarhus,200",
        "botilbud-skovstjernen,200",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_read_a_doctor_of_the_demo_doctors_practice(String user, int status) {
        Api.Response answer = api.as(user).get("/api/v1/doctors/" + doctorId);

        expect(answer, status);
        if (status == 200) {
            assertThat(answer.json().path("practiceId").asLong()).isEqualTo(practiceId);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,403",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,200",
        "national,403"
    })
    void who_may_change_a_doctor_of_the_demo_doctors_practice(String user, int status) {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctorId));
        body.remove("version");

        expect(api.as(user).put("/api/v1/doctors/" + doctorId, body), status);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "region-midt,200",
        "region-nord,404",
        "kommune-norddjurs,403",
        "kommune-aarhus,403",
        "botilbud-skovstjernen,403",
        "laege-norddjurs,403",
        "national,403"
    })
    void who_may_read_the_history_of_a_doctor(String user, int status) {
        expect(api.as(user).get("/api/v1/doctors/" + doctorId + "/history"), status);
    }
}
