package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.DOCTOR;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.doctorIds;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.practiceId;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10 item 2: a doctor changes only the contact details of their practice (name, address,
 * location, open for new patients) and the names of its doctors. The provider number (paid by the
 * payment file), the VAT status (F3), the capacities (R3), the clinic type and the nursing-home flag
 * (R2) are the region's: a doctor's attempt is 403 on the API and a message by the field on the page,
 * and nothing is saved. The region still changes them all.
 */
@IntegrationTest
class RegionOwnedFieldsTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"vatRegistered,true", "providerNumber,999001", "doctorCapacity,9", "clinicType,TENDER"})
    void a_doctor_cannot_change_a_region_owned_field_of_the_own_practice_and_nothing_is_saved(
            String field, String value) {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        JsonNode before = api.as(REGION_MIDT).get("/api/v1/practices/" + own).json();
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/practices/" + own));
        body.put("openForNewPatients", !before.path("openForNewPatients").asBoolean());
        body.put(
                field,
                switch (field) {
                    case "vatRegistered" -> !before.path("vatRegistered").asBoolean();
                    case "doctorCapacity" -> Integer.parseInt(value);
                    default -> value;
                });

        JsonNode problem = assertProblem(api.as(DOCTOR).put("/api/v1/practices/" + own, body), 403, "FORBIDDEN");

        assertThat(problem.path("detail").asString()).contains("ændres af regionen", "anmodning om ændring");
        JsonNode after = api.as(REGION_MIDT).get("/api/v1/practices/" + own).json();
        assertThat(after.path("version").asInt())
                .as("nothing saved")
                .isEqualTo(before.path("version").asInt());
        assertThat(after.path(field).asString()).isEqualTo(before.path(field).asString());
        assertThat(after.path("openForNewPatients").asBoolean())
                .isEqualTo(before.path("openForNewPatients").asBoolean());
    }

    @Test
    void a_doctor_changes_the_contact_details_of_the_own_practice() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/practices/" + own));
        String address = (String) body.get("address");
        body.put("address", "Torvet 3, 8500 Grenaa");
        body.put("latitude", 56.4150);
        body.put("longitude", 10.8790);

        Api.Response changed = api.as(DOCTOR).put("/api/v1/practices/" + own, body);
        body.put("address", address);
        body.remove("version");
        Api.Response restored = api.as(DOCTOR).put("/api/v1/practices/" + own, body);

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("address").asString()).isEqualTo("Torvet 3, 8500 Grenaa");
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
    }

    @Test
    void a_doctor_cannot_change_the_nursing_home_flag_of_a_doctor_of_the_own_practice() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        long colleague = createDoctor(api, REGION_MIDT, doctor(own, unique("Kollega")));
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/doctors/" + colleague));
        body.put("nursingHomeDoctor", true);
        body.put("name", unique("Omdøbt"));

        assertThat(assertProblem(api.as(DOCTOR).put("/api/v1/doctors/" + colleague, body), 403, "FORBIDDEN")
                        .path("detail")
                        .asString())
                .contains("plejehjemslæge", "ændres af regionen");
        JsonNode after = api.as(REGION_MIDT).get("/api/v1/doctors/" + colleague).json();
        assertThat(after.path("nursingHomeDoctor").asBoolean()).isFalse();
        assertThat(after.path("version").asInt()).as("nothing saved").isZero();
    }

    @Test
    void a_doctor_changing_the_own_capacities_is_told_the_region_changes_capacities() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        long colleague = createDoctor(api, REGION_MIDT, doctor(own, unique("Kollega")));
        Map<String, Object> body = editable(api.as(DOCTOR).get("/api/v1/doctors/" + colleague));
        body.put("capacities", 2);

        String detail = assertProblem(api.as(DOCTOR).put("/api/v1/doctors/" + colleague, body), 403, "FORBIDDEN")
                .path("detail")
                .asString();

        assertThat(detail)
                .isEqualTo("Hvor mange af praksissens lægekapaciteter en læge har, ændres af regionen. "
                        + "Send en anmodning om ændring.");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + colleague)
                        .json()
                        .path("capacities")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void a_doctor_adds_no_doctor() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        int before = doctorIds(api, own).size();

        assertProblem(api.as(DOCTOR).post("/api/v1/doctors", doctor(own, unique("Ny læge"))), 403, "FORBIDDEN");

        assertThat(doctorIds(api, own)).hasSize(before);
    }

    @Test
    void the_region_changes_every_field_and_a_vat_change_holds_from_today() {
        long id = createPractice(
                api, REGION_MIDT, practice(providerNumber(), unique("Regionens klinik"), NORDDJURS_CODE));
        long doctorId = createDoctor(api, REGION_MIDT, doctor(id, unique("Regionens læge")));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + id));
        String number = providerNumber();
        body.put("providerNumber", number);
        body.put("vatRegistered", true);
        body.put("doctorCapacity", 4);
        body.put("clinicType", "REGIONAL");
        Map<String, Object> doctorBody = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctorId));
        doctorBody.put("nursingHomeDoctor", true);

        Api.Response changed = api.as(REGION_MIDT).put("/api/v1/practices/" + id, body);
        Api.Response doctorChanged = api.as(REGION_MIDT).put("/api/v1/doctors/" + doctorId, doctorBody);

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        JsonNode read = api.as(REGION_MIDT).get("/api/v1/practices/" + id).json();
        assertThat(read.path("providerNumber").asString()).isEqualTo(number);
        assertThat(read.path("vatRegistered").asBoolean()).isTrue();
        assertThat(read.path("doctorCapacity").asInt()).isEqualTo(4);
        assertThat(read.path("clinicType").asString()).isEqualTo("REGIONAL");
        assertThat(doctorChanged.status()).as("%s", doctorChanged).isEqualTo(200);
        assertThat(doctorChanged.json().path("nursingHomeDoctor").asBoolean()).isTrue();
    }

    // ---- Pages ------------------------------------------------------------------------------------

    @Test
    void on_the_page_a_doctor_sees_the_region_owned_fields_read_only_and_a_tampered_one_is_refused_by_its_field() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        JsonNode before = api.as(REGION_MIDT).get("/api/v1/practices/" + own).json();
        WebSession doctor = WebSession.signIn(port, DOCTOR);

        String form = doctor.get("/practices/" + own + "/edit").body();
        assertThat(form)
                .contains("type=\"hidden\" id=\"providerNumber\"", "Ydernummer, momsstatus, lægekapaciteter")
                .doesNotContain("<select id=\"vatRegistered\"");

        Map<String, String> fields = new HashMap<>(pageFields(before));
        fields.put("doctorCapacity", "12");
        fields.put("name", before.path("name").asString() + " (ny)");
        HttpResponse<String> answer = doctor.post("/practices/" + own, "/practices/" + own + "/edit", fields);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Ændres af regionen. Send en anmodning om ændring.");
        JsonNode after = api.as(REGION_MIDT).get("/api/v1/practices/" + own).json();
        assertThat(after.path("version").asInt())
                .as("nothing saved")
                .isEqualTo(before.path("version").asInt());
        assertThat(after.path("name").asString()).isEqualTo(before.path("name").asString());
    }

    @Test
    void on_the_page_a_doctor_has_no_add_doctor_form_and_a_posted_one_saves_nothing() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        WebSession doctor = WebSession.signIn(port, DOCTOR);
        String name = unique("Sneget ind");
        int before = doctorIds(api, own).size();

        assertThat(doctor.get("/practices/" + own).body())
                .doesNotContain("Tilføj læge")
                .contains("Anmod om ændring");
        HttpResponse<String> answer = doctor.post(
                "/practices/" + own + "/doctors",
                "/practices/" + own,
                Map.of("name", name, "practiceId", String.valueOf(own)));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("Kun regionen kan tilføje læger til en praksis.");
        assertThat(doctorIds(api, own)).hasSize(before);
    }

    private static Map<String, String> pageFields(JsonNode practice) {
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of(
                "providerNumber",
                "name",
                "address",
                "municipalityCode",
                "clinicType",
                "doctorCapacity",
                "openForNewPatients",
                "vatRegistered",
                "latitude",
                "longitude",
                "version")) {
            fields.put(field, practice.path(field).asString());
        }
        return fields;
    }
}
