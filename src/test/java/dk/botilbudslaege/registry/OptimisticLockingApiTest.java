package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.facility;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two people editing the same row never both win silently (SPEC §3, API.md): a PUT carrying the
 * {@code version} it read is refused with 409 {@code CONCURRENT_CHANGE} once someone else saved
 * first, and nothing is overwritten. An API client may leave the version out and simply overwrite.
 */
@IntegrationTest
class OptimisticLockingApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    /** Two clients read the same row; the first saves, the second's save with the old version is refused. */
    private void assertStaleVersionRefused(String user, String path, String field, Object first, Object second) {
        Map<String, Object> alice = editable(api.as(user).get(path));
        Map<String, Object> bob = editable(api.as(user).get(path));
        int version = ((Number) alice.get("version")).intValue();

        alice.put(field, first);
        Api.Response saved = api.as(user).put(path, alice);
        bob.put(field, second);
        Api.Response stale = api.as(user).put(path, bob);

        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(saved.json().path("version").asInt()).isEqualTo(version + 1);
        assertThat(assertProblem(stale, 409, "CONCURRENT_CHANGE").path("detail").asString())
                .isEqualTo("En anden har ændret dette, efter du hentede det. Hent det igen og gentag ændringen.");
        Api.Response now = api.as(user).get(path);
        assertThat(now.json().path(field).toString())
                .isEqualTo(saved.json().path(field).toString());
        assertThat(now.json().path("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void a_stale_facility_update_is_refused_and_does_not_overwrite() {
        long id = createFacility(api, NORDDJURS, facility(unique("Låsehuset"), NORDDJURS_CODE, "MUNICIPAL"));

        assertStaleVersionRefused(
                NORDDJURS, "/api/v1/facilities/" + id, "name", unique("Alices navn"), unique("Bobs navn"));
    }

    @Test
    void a_stale_practice_update_is_refused_and_does_not_overwrite() {
        long id = createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Låseklinikken"), NORDDJURS_CODE));

        assertStaleVersionRefused(REGION_MIDT, "/api/v1/practices/" + id, "doctorCapacity", 3, 4);
    }

    @Test
    void a_stale_doctor_update_is_refused_and_does_not_overwrite() {
        long practice =
                createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Låseklinikken"), NORDDJURS_CODE));
        long id = createDoctor(api, REGION_MIDT, doctor(practice, unique("Låselægen")));

        assertStaleVersionRefused(
                REGION_MIDT, "/api/v1/doctors/" + id, "name", unique("Alices læge"), unique("Bobs læge"));
    }

    @Test
    void a_version_from_the_future_is_refused_too() {
        long id = createFacility(api, NORDDJURS, facility(unique("Fremtidshuset"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("version", ((Number) body.get("version")).intValue() + 5);

        assertProblem(api.as(NORDDJURS).put("/api/v1/facilities/" + id, body), 409, "CONCURRENT_CHANGE");
    }

    @Test
    void an_update_without_a_version_overwrites_the_latest_facility() {
        long id = createFacility(api, NORDDJURS, facility(unique("Versionsløs"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> first = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        first.put("residents", 15);
        assertThat(api.as(NORDDJURS).put("/api/v1/facilities/" + id, first).status())
                .isEqualTo(200);

        Map<String, Object> body = facility("Versionsløs og omdøbt", NORDDJURS_CODE, "MUNICIPAL");
        Api.Response answer = api.as(NORDDJURS).put("/api/v1/facilities/" + id, body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("name").asString()).isEqualTo("Versionsløs og omdøbt");
        assertThat(answer.json().path("residents").asInt()).isEqualTo(18);
        assertThat(answer.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void an_update_without_a_version_works_for_practices_and_doctors() {
        String number = providerNumber();
        long practice =
                createPractice(api, REGION_MIDT, practice(number, unique("Versionsløs klinik"), NORDDJURS_CODE));
        long doctor = createDoctor(api, REGION_MIDT, doctor(practice, unique("Versionsløs læge")));

        Map<String, Object> practiceBody = practice(number, "Versionsløs klinik omdøbt", NORDDJURS_CODE);
        Api.Response practiceAnswer = api.as(REGION_MIDT).put("/api/v1/practices/" + practice, practiceBody);
        Api.Response doctorAnswer =
                api.as(REGION_MIDT).put("/api/v1/doctors/" + doctor, doctor(practice, "Versionsløs læge omdøbt"));

        assertThat(practiceAnswer.status()).as("%s", practiceAnswer).isEqualTo(200);
        assertThat(practiceAnswer.json().path("name").asString()).isEqualTo("Versionsløs klinik omdøbt");
        assertThat(doctorAnswer.status()).as("%s", doctorAnswer).isEqualTo(200);
        assertThat(doctorAnswer.json().path("name").asString()).isEqualTo("Versionsløs læge omdøbt");
    }

    @Test
    void the_conflict_keeps_its_code_in_english() {
        long id = createFacility(api, NORDDJURS, facility(unique("Conflict house"), NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> body = editable(api.as(NORDDJURS).get("/api/v1/facilities/" + id));
        body.put("version", ((Number) body.get("version")).intValue() + 1);

        Api.Response answer = api.header("Accept-Language", "en").as(NORDDJURS).put("/api/v1/facilities/" + id, body);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("CONCURRENT_CHANGE");
    }
}
