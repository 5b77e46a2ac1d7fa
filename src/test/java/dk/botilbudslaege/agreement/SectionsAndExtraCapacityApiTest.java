package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementScenarios.R1_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R3_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static dk.botilbudslaege.agreement.AgreementScenarios.createdId;
import static dk.botilbudslaege.agreement.AgreementScenarios.editable;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static dk.botilbudslaege.agreement.AgreementScenarios.sectionAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 item 11 (SPEC §3; seed 004 § 65: "Flere læger i et kompagniskab eller en læge med ekstra
 * kapacitet kan være fast tilknyttede læger på større botilbud som opdeles i ét eller flere
 * afsnit/afdelinger á minimum 30 beboere"): each doctor holds some of the practice's capacities, the
 * practice's total bounds the sum, and a doctor with n capacities may be fixed doctor for n sections of one
 * facility without a dispensation; each section still counts under R3.
 */
@IntegrationTest
class SectionsAndExtraCapacityApiTest extends AgreementTestBase {

    @Autowired
    AgreementRoom room;

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);

    // ---- the doctor's capacities in the registry --------------------------------------------------------

    @Test
    void a_new_doctor_holds_one_capacity_and_the_region_may_give_it_more() {
        long practice = given.practice(2);
        long doctor = given.doctor(practice);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + doctor)
                        .json()
                        .path("capacities")
                        .asInt())
                .isEqualTo(1);

        Api.Response raised = setCapacities(doctor, 2);

        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.json().path("capacities").asInt()).isEqualTo(2);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("practiceId", given.practice(3));
        created.put("name", "Læge med to kapaciteter");
        created.put("capacities", 2);
        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/doctors", created);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("capacities").asInt()).isEqualTo(2);
    }

    @Test
    void the_practice_capacity_bounds_the_sum_over_its_doctors() {
        long practice = given.practice(2);
        long first = given.doctor(practice);
        assertThat(setCapacities(first, 2).status()).isEqualTo(200);

        Api.Response second =
                api.as(REGION_MIDT).post("/api/v1/doctors", Map.of("practiceId", practice, "name", "Anden læge"));

        assertProblem(second, 422, "PRACTICE_CAPACITIES_EXCEEDED");
        assertThat(errorMessage(second, "capacities"))
                .isEqualTo(
                        "Lægekapaciteter: praksis har 2 lægekapaciteter, og dens øvrige læger har allerede 2. Lægen kan højst have 0.");
        assertThat(jdbc.sql("select count(*) from doctor where practice_id = :p")
                        .param("p", practice)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        Api.Response three = setCapacities(first, 3);
        assertProblem(three, 422, "PRACTICE_CAPACITIES_EXCEEDED");
        assertThat(errorMessage(three, "capacities")).contains("praksis har 2 lægekapaciteter");
        Api.Response zero = setCapacities(first, 0);
        assertProblem(zero, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(zero, "capacities")).isEqualTo("Skal være mindst 1.");
    }

    @Test
    void a_practice_cannot_lower_its_capacity_below_what_its_doctors_hold() {
        long practice = given.practice(3);
        assertThat(setCapacities(given.doctor(practice), 2).status()).isEqualTo(200);
        given.doctor(practice);

        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + practice));
        body.put("doctorCapacity", 2);
        Api.Response lowered = api.as(REGION_MIDT).put("/api/v1/practices/" + practice, body);

        assertProblem(lowered, 422, "PRACTICE_CAPACITIES_EXCEEDED");
        assertThat(errorMessage(lowered, "doctorCapacity"))
                .isEqualTo(
                        "Lægekapaciteter: praksissens læger har tilsammen 3 lægekapaciteter; praksis kan ikke have færre.");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices/" + practice)
                        .json()
                        .path("doctorCapacity")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void a_doctor_cannot_change_its_own_capacities_but_can_ask_the_region() {
        long practice = given.practice(2);
        long doctor = given.doctor(practice);
        Api self = given.doctorUser(doctor);
        Map<String, Object> body = editable(self.get("/api/v1/doctors/" + doctor));
        body.put("capacities", 2);

        assertProblem(self.put("/api/v1/doctors/" + doctor, body), 403, "FORBIDDEN");

        Api.Response filed = self.post(
                "/api/v1/change-requests",
                Map.of(
                        "doctorId",
                        doctor,
                        "field",
                        "capacities",
                        "newValue",
                        2,
                        "validFrom",
                        LocalDate.now().toString(),
                        "reason",
                        "Jeg overtager en kollegas kapacitet"));
        long request = createdId(filed);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/change-requests/" + request + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + doctor)
                        .json()
                        .path("capacities")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void the_region_cannot_approve_a_capacities_request_the_practice_has_no_room_for() {
        long practice = given.practice(2);
        long doctor = given.doctor(practice);
        given.doctor(practice);
        long request = createdId(given.doctorUser(doctor)
                .post(
                        "/api/v1/change-requests",
                        Map.of(
                                "doctorId",
                                doctor,
                                "field",
                                "capacities",
                                "newValue",
                                "2",
                                "validFrom",
                                LocalDate.now().toString(),
                                "reason",
                                "Mere tid")));

        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/change-requests/" + request + "/approve", "");

        assertProblem(approved, 422, "PRACTICE_CAPACITIES_EXCEEDED");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + doctor)
                        .json()
                        .path("capacities")
                        .asInt())
                .isEqualTo(1);
    }

    // ---- R1 and R3 with sections ------------------------------------------------------------------------

    @Test
    void a_doctor_with_two_capacities_takes_two_sections_of_one_facility_without_dispensation_but_not_a_third() {
        long doctor = doctorWithCapacities(2, 2);
        long facility = given.facility(100);
        long first = given.section(facility, 33);
        long second = given.section(facility, 33);
        long third = given.section(facility, 34);

        long a = given.active(sectionAgreement(doctor, facility, first, MARCH_2025));
        long b = given.active(sectionAgreement(doctor, facility, second, MARCH_2025));

        assertThat(given.status(a)).isEqualTo("ACTIVE");
        assertThat(given.status(b)).isEqualTo("ACTIVE");
        assertRefused(
                given.create(NORDDJURS, sectionAgreement(doctor, facility, third, MARCH_2025)),
                "DOCTOR_ROLE_LIMIT",
                "doctorId",
                R1_MESSAGE);
    }

    /**
     * Issue 12: matching asks agreement for a doctor's room (AgreementRoom) instead of counting R1-R3 again in
     * its own SQL; it now sees what validation sees, sections of one facility on extra capacities included.
     */
    @Test
    void the_room_matching_is_told_counts_two_sections_of_one_facility_as_one_role_as_validation_does() {
        long doctor = doctorWithCapacities(2, 2);
        long facility = given.facility(100);
        given.active(sectionAgreement(doctor, facility, given.section(facility, 33), MARCH_2025));
        given.active(sectionAgreement(doctor, facility, given.section(facility, 33), MARCH_2025));
        long practice = jdbc.sql("select practice_id from doctor where id = ?")
                .param(doctor)
                .query(Long.class)
                .single();

        AgreementRoom.DoctorRoom seen =
                room.of(List.of(practice), MARCH_2025).doctors().get(doctor);
        assertThat(seen.facilityRoles()).isEqualTo(2);
        assertThat(seen.countedFacilityRoles())
                .as("two sections on extra capacity count as one role (R1)")
                .isEqualTo(1);
        assertThat(seen.room())
                .as("R1 without dispensation: no further facility")
                .isZero();
        assertThat(seen.capacitiesInUse()).isEqualTo(2);

        given.multipleFacilities(doctor, 2, MARCH_2025, null);
        AgreementRoom.DoctorRoom dispensed =
                room.of(List.of(practice), MARCH_2025).doctors().get(doctor);
        assertThat(dispensed.room())
                .as("a dispensation for two facilities leaves room for one more")
                .isEqualTo(1);
        long other = given.facility(20);
        assertThat(given.create(doctor, other, MARCH_2025).status())
                .as("and validation agrees: the agreement for one more facility is accepted")
                .isEqualTo(201);
    }

    @Test
    void capacities_held_by_two_sections_of_one_facility_cannot_be_lowered_directly_or_by_a_change_request() {
        long doctor = doctorWithCapacities(2, 2);
        long facility = given.facility(100);
        given.active(sectionAgreement(doctor, facility, given.section(facility, 33), MARCH_2025));
        given.active(sectionAgreement(doctor, facility, given.section(facility, 33), MARCH_2025));

        Api.Response lowered = setCapacities(doctor, 1);

        assertRefused(
                lowered,
                "CAPACITIES_IN_USE",
                "capacities",
                "Lægekapaciteter: lægen er fast læge for afsnit af "
                        + "samme botilbud, der kræver 2 kapaciteter. Afslut en aftale, før kapaciteterne sænkes.");
        long request = createdId(given.doctorUser(doctor)
                .post(
                        "/api/v1/change-requests",
                        Map.of(
                                "doctorId",
                                doctor,
                                "field",
                                "capacities",
                                "newValue",
                                "1",
                                "validFrom",
                                LocalDate.now().toString(),
                                "reason",
                                "Jeg går ned i tid")));
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/change-requests/" + request + "/approve", "");
        assertProblem(approved, 422, "CAPACITIES_IN_USE");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + doctor)
                        .json()
                        .path("capacities")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void capacities_not_taken_by_sections_may_be_lowered() {
        long doctor = doctorWithCapacities(3, 3);
        long facility = given.facility(100);
        given.active(sectionAgreement(doctor, facility, given.section(facility, 33), MARCH_2025));
        given.active(sectionAgreement(doctor, facility, given.section(facility, 33), MARCH_2025));

        Api.Response lowered = setCapacities(doctor, 2);

        assertThat(lowered.status()).as(lowered.body()).isEqualTo(200);
        assertThat(lowered.json().path("capacities").asInt()).isEqualTo(2);
    }

    @Test
    void a_doctor_of_one_capacity_gets_one_section_only() {
        long doctor = given.doctorInRoomyPractice();
        long facility = given.facility(70);
        long first = given.section(facility, 35);
        long second = given.section(facility, 35);
        given.active(sectionAgreement(doctor, facility, first, MARCH_2025));

        assertRefused(
                given.create(NORDDJURS, sectionAgreement(doctor, facility, second, MARCH_2025)),
                "DOCTOR_ROLE_LIMIT",
                "doctorId",
                R1_MESSAGE);
    }

    @Test
    void sections_of_two_different_facilities_are_refused_by_r1_without_dispensation() {
        long doctor = doctorWithCapacities(2, 2);
        long skovly = given.facility(70);
        long birkely = given.facility(70);
        given.active(sectionAgreement(doctor, skovly, given.section(skovly, 35), MARCH_2025));

        assertRefused(
                given.create(NORDDJURS, sectionAgreement(doctor, birkely, given.section(birkely, 35), MARCH_2025)),
                "DOCTOR_ROLE_LIMIT",
                "doctorId",
                R1_MESSAGE);
    }

    @Test
    void r3_counts_each_section() {
        // a practice recorded with more capacities held than it has (as before capacities were per doctor,
        // or as an import may leave it): a nursing-home doctor and a doctor of two capacities in a practice
        // of two. The first section fills the practice; the second, allowed by R1, breaks R3.
        long practice = given.practice(3);
        given.nursingHomeDoctor(practice);
        long doctor = given.doctor(practice);
        assertThat(setCapacities(doctor, 2).status()).isEqualTo(200);
        jdbc.sql("update practice set doctor_capacity = 2 where id = :p")
                .param("p", practice)
                .update();
        long facility = given.facility(70);
        long first = given.section(facility, 35);
        long second = given.section(facility, 35);
        given.active(sectionAgreement(doctor, facility, first, MARCH_2025));

        assertRefused(
                given.create(NORDDJURS, sectionAgreement(doctor, facility, second, MARCH_2025)),
                "PRACTICE_CAPACITY",
                "doctorId",
                R3_MESSAGE);
    }

    private long doctorWithCapacities(int practiceCapacity, int capacities) {
        long doctor = given.doctor(given.practice(practiceCapacity));
        Api.Response answer = setCapacities(doctor, capacities);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return doctor;
    }

    private Api.Response setCapacities(long doctor, int capacities) {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctor));
        body.put("capacities", capacities);
        return api.as(REGION_MIDT).put("/api/v1/doctors/" + doctor, body);
    }
}
