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
import static dk.botilbudslaege.registry.RegistryFixtures.OTHER_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_NORD;
import static dk.botilbudslaege.registry.RegistryFixtures.SKOVSTJERNEN;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.doctorIds;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.errorFields;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.practiceId;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Practices and doctors by scope (SPEC §1-2, RegistryAccess): only a region creates practices, in
 * its own region; a doctor edits its own practice and that practice's doctors and nothing else;
 * municipalities and facilities read the region's practices and doctors to find a doctor, but
 * change none; another region sees none of them.
 */
@IntegrationTest
class PracticeAndDoctorApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    private static List<String> values(JsonNode rows, String field) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.path(field).asString()));
        return values;
    }

    // ---- Creating practices ----------------------------------------------------------------------

    @Test
    void a_region_creates_a_practice_in_its_region_and_reads_it_back() {
        String number = providerNumber();
        Api.Response created = api.as(REGION_MIDT)
                .post("/api/v1/practices", practice(number, unique("Lægehuset Kattegat"), NORDDJURS_CODE));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        long id = created.json().path("id").asLong();
        JsonNode read = api.as(REGION_MIDT).get("/api/v1/practices/" + id).json();
        assertThat(read.path("providerNumber").asString()).isEqualTo(number);
        assertThat(read.path("municipalityCode").asString()).isEqualTo(NORDDJURS_CODE);
        assertThat(read.path("clinicType").asString()).isEqualTo("ORDINARY");
        assertThat(read.path("doctorCapacity").asInt()).isEqualTo(2);
        assertThat(read.path("openForNewPatients").asBoolean()).isTrue();
        assertThat(read.path("vatRegistered").asBoolean()).isFalse();
        assertThat(read.path("regionCode").asString()).isEqualTo(MIDTJYLLAND);
    }

    @Test
    void only_the_region_creates_practices() {
        for (String user : List.of(NORDDJURS, AARHUS, SKOVSTJERNEN, DOCTOR)) {
            String number = providerNumber();
            Api.Response answer =
                    api.as(user).post("/api/v1/practices", practice(number, unique("Uautoriseret"), NORDDJURS_CODE));

            assertThat(assertProblem(answer, 403, "FORBIDDEN").path("detail").asString())
                    .as(user)
                    .isEqualTo("Kun regionen kan oprette praksisser, og kun i sin egen region.");
            assertThat(api.as(REGION_MIDT)
                            .get("/api/v1/practices?q=" + number)
                            .json()
                            .path("totalElements")
                            .asLong())
                    .as("nothing saved for %s", user)
                    .isZero();
        }
    }

    @Test
    void a_region_cannot_create_a_practice_in_another_region() {
        String number = providerNumber();

        assertProblem(
                api.as(REGION_NORD).post("/api/v1/practices", practice(number, unique("Grenaa Nord"), NORDDJURS_CODE)),
                403,
                "FORBIDDEN");
        assertProblem(
                api.as(REGION_MIDT)
                        .post("/api/v1/practices", practice(providerNumber(), unique("Aalborg Midt"), AALBORG_CODE)),
                403,
                "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices?q=" + number)
                        .json()
                        .path("totalElements")
                        .asLong())
                .isZero();
    }

    // ---- Reading ---------------------------------------------------------------------------------

    @Test
    void municipalities_facilities_and_doctors_read_the_practices_and_doctors_of_their_region() {
        long aarhusPractice =
                createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Lægerne i Aarhus"), AARHUS_CODE));
        long aarhusDoctor = createDoctor(api, REGION_MIDT, doctor(aarhusPractice, unique("Læge i Aarhus")));

        for (String user : List.of(NORDDJURS, AARHUS, SKOVSTJERNEN, DOCTOR)) {
            JsonNode practices =
                    api.as(user).get("/api/v1/practices?size=2000").json().path("content");
            assertThat(values(practices, "regionCode")).as(user).containsOnly(MIDTJYLLAND);
            assertThat(values(practices, "providerNumber")).as(user).contains(OWN_PRACTICE_PROVIDER);
            assertThat(api.as(user).get("/api/v1/practices/" + aarhusPractice).status())
                    .as(user)
                    .isEqualTo(200);
            assertThat(api.as(user).get("/api/v1/doctors/" + aarhusDoctor).status())
                    .as(user)
                    .isEqualTo(200);
        }
    }

    @Test
    void region_nordjylland_cannot_read_midtjylland_practices_or_doctors() {
        long midt = practiceId(api, OWN_PRACTICE_PROVIDER);
        long midtDoctor = doctorIds(api, midt).get(0);
        long nord =
                createPractice(api, REGION_NORD, practice(providerNumber(), unique("Lægerne i Aalborg"), AALBORG_CODE));
        long nordDoctor = createDoctor(api, REGION_NORD, doctor(nord, unique("Læge i Aalborg")));

        JsonNode practices =
                api.as(REGION_NORD).get("/api/v1/practices?size=2000").json().path("content");
        JsonNode doctors =
                api.as(REGION_NORD).get("/api/v1/doctors?size=2000").json().path("content");

        assertThat(values(practices, "regionCode")).containsOnly(NORDJYLLAND);
        assertThat(values(practices, "providerNumber")).doesNotContain(OWN_PRACTICE_PROVIDER);
        assertThat(practices.findValues("id").stream().map(JsonNode::asLong).toList())
                .contains(nord);
        assertThat(values(doctors, "regionCode")).containsOnly(NORDJYLLAND);
        assertThat(doctors.findValues("id").stream().map(JsonNode::asLong).toList())
                .contains(nordDoctor);
        assertProblem(api.as(REGION_NORD).get("/api/v1/practices/" + midt), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_NORD).get("/api/v1/doctors/" + midtDoctor), 404, "NOT_FOUND");
        assertThat(api.as(REGION_NORD)
                        .get("/api/v1/practices?q=" + OWN_PRACTICE_PROVIDER)
                        .json()
                        .path("totalElements")
                        .asLong())
                .isZero();
    }

    @Test
    void region_nordjylland_cannot_change_a_midtjylland_practice_or_doctor() {
        long midt = practiceId(api, OWN_PRACTICE_PROVIDER);
        long midtDoctor = doctorIds(api, midt).get(0);
        Map<String, Object> practice = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + midt));
        Map<String, Object> doctor = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + midtDoctor));

        assertProblem(api.as(REGION_NORD).put("/api/v1/practices/" + midt, practice), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_NORD).put("/api/v1/doctors/" + midtDoctor, doctor), 404, "NOT_FOUND");
        Api.Response addDoctor = api.as(REGION_NORD).post("/api/v1/doctors", doctor(midt, unique("Nordjysk læge")));
        assertProblem(addDoctor, 400, "VALIDATION_FAILED");
        assertThat(errorFields(addDoctor)).containsExactly("practiceId");
    }

    // ---- The doctor's own practice ---------------------------------------------------------------

    @Test
    void a_doctor_may_edit_its_own_practice() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/practices/" + own));
        boolean open = (Boolean) body.get("openForNewPatients");
        body.remove("version");
        body.put("openForNewPatients", !open);

        Api.Response changed = api.as(DOCTOR).put("/api/v1/practices/" + own, body);
        body.put("openForNewPatients", open);
        Api.Response restored = api.as(DOCTOR).put("/api/v1/practices/" + own, body);

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("openForNewPatients").asBoolean()).isEqualTo(!open);
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.json().path("openForNewPatients").asBoolean()).isEqualTo(open);
    }

    @Test
    void a_doctor_cannot_edit_another_practice() {
        long other = practiceId(api, OTHER_PRACTICE_PROVIDER);
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/practices/" + other));
        String name = (String) body.get("name");
        body.put("name", "Overtaget af Anne Kjær");

        assertThat(assertProblem(api.as(DOCTOR).put("/api/v1/practices/" + other, body), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo("Du kan kun ændre din egen praksis og dens læger (regionen: praksisser i regionen).");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices/" + other)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void a_doctor_cannot_move_its_own_practice_out_of_the_region() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/practices/" + own));
        body.put("municipalityCode", AALBORG_CODE);

        assertProblem(api.as(DOCTOR).put("/api/v1/practices/" + own, body), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices/" + own)
                        .json()
                        .path("municipalityCode")
                        .asString())
                .isEqualTo(NORDDJURS_CODE);
    }

    @Test
    void a_doctor_edits_the_name_of_a_doctor_of_its_own_practice_but_adds_none() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        String name = unique("Ny kollega");

        assertThat(assertProblem(api.as(DOCTOR).post("/api/v1/doctors", doctor(own, name)), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .isEqualTo("Kun regionen kan tilføje læger til en praksis.");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors?q=" + RegistryFixtures.encode(name))
                        .json()
                        .path("totalElements")
                        .asLong())
                .as("nothing saved")
                .isZero();

        long id = createDoctor(api, REGION_MIDT, doctor(own, name));
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/doctors/" + id));
        body.put("name", name + " Holm");
        Api.Response changed = api.as(DOCTOR).put("/api/v1/doctors/" + id, body);

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("name").asString()).isEqualTo(name + " Holm");
        assertThat(changed.json().path("practiceId").asLong()).isEqualTo(own);
    }

    @Test
    void a_doctor_cannot_add_or_edit_doctors_of_another_practice() {
        long other = practiceId(api, OTHER_PRACTICE_PROVIDER);
        long colleague = createDoctor(api, REGION_MIDT, doctor(other, unique("Fremmed læge")));
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/doctors/" + colleague));
        String name = (String) body.get("name");
        body.put("name", "Omdøbt af Anne Kjær");

        assertProblem(api.as(DOCTOR).post("/api/v1/doctors", doctor(other, unique("Indsmuglet"))), 403, "FORBIDDEN");
        assertProblem(api.as(DOCTOR).put("/api/v1/doctors/" + colleague, body), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + colleague)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo(name);
    }

    @Test
    void a_doctor_cannot_move_a_doctor_of_its_practice_to_another_practice_or_take_one_over() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        long other = practiceId(api, OTHER_PRACTICE_PROVIDER);
        long mine = createDoctor(api, REGION_MIDT, doctor(own, unique("Min kollega")));
        long theirs = createDoctor(api, REGION_MIDT, doctor(other, unique("Deres kollega")));

        Map<String, Object> away = editable(api.as(DOCTOR).get("/api/v1/doctors/" + mine));
        away.put("practiceId", other);
        Map<String, Object> over = editable(api.as(DOCTOR).get("/api/v1/doctors/" + theirs));
        over.put("practiceId", own);

        assertProblem(api.as(DOCTOR).put("/api/v1/doctors/" + mine, away), 403, "FORBIDDEN");
        assertProblem(api.as(DOCTOR).put("/api/v1/doctors/" + theirs, over), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + mine)
                        .json()
                        .path("practiceId")
                        .asLong())
                .isEqualTo(own);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + theirs)
                        .json()
                        .path("practiceId")
                        .asLong())
                .isEqualTo(other);
    }

    @Test
    void a_region_moves_a_doctor_between_practices_of_its_region() {
        long from =
                createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Fra-klinikken"), NORDDJURS_CODE));
        long to = createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Til-klinikken"), AARHUS_CODE));
        long id = createDoctor(api, REGION_MIDT, doctor(from, unique("Flyttende læge")));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + id));
        body.put("practiceId", to);

        Api.Response moved = api.as(REGION_MIDT).put("/api/v1/doctors/" + id, body);

        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("practiceId").asLong()).isEqualTo(to);
    }

    // ---- Municipality and facility ---------------------------------------------------------------

    @Test
    void a_municipality_or_facility_reads_practices_and_doctors_but_changes_none() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        long doctor = doctorIds(api, own).get(0);
        Map<String, Object> practice = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + own));
        Map<String, Object> doctorBody = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctor));

        for (String user : List.of(NORDDJURS, SKOVSTJERNEN)) {
            assertProblem(api.as(user).put("/api/v1/practices/" + own, practice), 403, "FORBIDDEN");
            assertProblem(api.as(user).put("/api/v1/doctors/" + doctor, doctorBody), 403, "FORBIDDEN");
            assertProblem(
                    api.as(user).post("/api/v1/doctors", doctor(own, unique("Kommunens læge"))), 403, "FORBIDDEN");
        }
    }

    // ---- National viewer -------------------------------------------------------------------------

    @Test
    void the_national_viewer_reads_no_practice_or_doctor_and_changes_none() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        long doctor = doctorIds(api, own).get(0);

        assertProblem(api.as(NATIONAL).get("/api/v1/practices"), 403, "FORBIDDEN");
        assertProblem(api.as(NATIONAL).get("/api/v1/doctors"), 403, "FORBIDDEN");
        assertProblem(api.as(NATIONAL).get("/api/v1/practices/" + own), 403, "FORBIDDEN");
        assertProblem(api.as(NATIONAL).get("/api/v1/doctors/" + doctor), 403, "FORBIDDEN");
        assertProblem(
                api.as(NATIONAL)
                        .post("/api/v1/practices", practice(providerNumber(), unique("National"), NORDDJURS_CODE)),
                403,
                "FORBIDDEN");
        assertProblem(api.as(NATIONAL).post("/api/v1/doctors", doctor(own, unique("National"))), 403, "FORBIDDEN");
        assertProblem(
                api.as(NATIONAL)
                        .put(
                                "/api/v1/practices/" + own,
                                editable(api.as(REGION_MIDT).get("/api/v1/practices/" + own))),
                403,
                "FORBIDDEN");
        assertProblem(
                api.as(NATIONAL)
                        .put(
                                "/api/v1/doctors/" + doctor,
                                editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctor))),
                403,
                "FORBIDDEN");
    }
}
