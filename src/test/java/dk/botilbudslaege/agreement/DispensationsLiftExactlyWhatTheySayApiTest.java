package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NATIONAL;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_NORD;
import static dk.botilbudslaege.agreement.AgreementScenarios.DEMO_DOCTOR;
import static dk.botilbudslaege.agreement.AgreementScenarios.R1_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R2_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static dk.botilbudslaege.agreement.AgreementScenarios.dispensation;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorFields;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dispensations (SPEC §3, seed 004 § 65 stk. 2) are granted by the region of the doctor's practice,
 * are dated, and lift exactly what they say: more facilities up to a maximum (R1), nursing-home and
 * facility doctor at once (R2), other monthly hours.
 */
@IntegrationTest
class DispensationsLiftExactlyWhatTheySayApiTest extends AgreementTestBase {

    private static final LocalDate SCHEME_START = LocalDate.of(2025, 1, 1);
    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    private static final LocalDate JANUARY_2026 = LocalDate.of(2026, 1, 1);

    // ---- MULTIPLE_FACILITIES (R1) --------------------------------------------------------------------

    @Test
    void a_dispensation_for_two_facilities_allows_a_second_facility_but_not_a_third() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        assertRefused(
                given.create(doctor, given.facility(14), JANUARY_2026), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);

        long granted = given.multipleFacilities(doctor, 2, SCHEME_START, null);
        long second = given.active(doctor, given.facility(14), JANUARY_2026);

        assertThat(given.status(second)).isEqualTo("ACTIVE");
        assertRefused(
                given.create(doctor, given.facility(16), JANUARY_2026), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/dispensations?doctorId=" + doctor)
                        .json()
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(granted);
    }

    @Test
    void a_dispensation_for_more_facilities_does_not_lift_the_nursing_home_conflict() {
        long doctor = given.nursingHomeDoctor(given.practice(10));
        given.multipleFacilities(doctor, 3, SCHEME_START, null);

        assertRefused(
                given.create(doctor, given.facility(12), MARCH_2025), "NURSING_HOME_CONFLICT", "doctorId", R2_MESSAGE);
    }

    @Test
    void a_dispensation_valid_only_in_the_past_does_not_help_an_agreement_starting_later() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        given.multipleFacilities(doctor, 2, SCHEME_START, LocalDate.of(2025, 6, 30));

        assertRefused(
                given.create(doctor, given.facility(14), JANUARY_2026), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
    }

    @Test
    void a_dispensation_starting_later_does_not_help_an_agreement_starting_before_it() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        given.multipleFacilities(doctor, 2, LocalDate.of(2026, 7, 1), null);

        assertRefused(
                given.create(doctor, given.facility(14), JANUARY_2026), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
        assertThat(given.create(doctor, given.facility(14), LocalDate.of(2026, 7, 1))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void an_ended_dispensation_no_longer_carries_a_draft_through_filing() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        long dispensation = given.multipleFacilities(doctor, 2, SCHEME_START, null);
        long draft = given.draft(doctor, given.facility(14), JANUARY_2026);

        Api.Response ended = api.as(REGION_MIDT)
                .post("/api/v1/dispensations/" + dispensation + "/end", Map.of("validTo", "2025-12-31"));

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().path("validTo").asString()).isEqualTo("2025-12-31");
        assertRefused(given.submit(NORDDJURS, draft), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
        assertThat(given.status(draft)).isEqualTo("DRAFT");
    }

    @Test
    void a_dispensation_ended_between_filing_and_approval_is_missed_at_approval() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        long dispensation = given.multipleFacilities(doctor, 2, SCHEME_START, null);
        long filed = given.submitted(doctor, given.facility(14), JANUARY_2026);

        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/dispensations/" + dispensation + "/end", Map.of("validTo", "2025-12-31"))
                        .status())
                .isEqualTo(200);

        assertRefused(given.approve(filed), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
    }

    @Test
    void only_the_region_of_the_doctors_practice_ends_a_dispensation_and_only_on_a_valid_date() {
        long doctor = given.doctorInRoomyPractice();
        long dispensation = given.multipleFacilities(doctor, 2, LocalDate.of(2025, 6, 1), null);
        String end = "/api/v1/dispensations/" + dispensation + "/end";

        assertProblem(api.as(REGION_NORD).post(end, Map.of("validTo", "2025-12-31")), 404, "NOT_FOUND");
        assertProblem(api.as(NORDDJURS).post(end, Map.of("validTo", "2025-12-31")), 404, "NOT_FOUND");
        Api.Response missing = api.as(REGION_MIDT).post(end, Map.of());
        assertProblem(missing, 400, "VALIDATION_FAILED");
        assertThat(errorFields(missing)).containsExactly("validTo");
        Api.Response beforeStart = api.as(REGION_MIDT).post(end, Map.of("validTo", "2025-05-31"));
        assertProblem(beforeStart, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(beforeStart, "validTo")).isEqualTo("Slutdatoen kan ikke ligge før startdatoen.");
        assertProblem(
                api.as(REGION_MIDT).post("/api/v1/dispensations/987654321/end", Map.of("validTo", "2025-12-31")),
                404,
                "NOT_FOUND");
    }

    // ---- NURSING_HOME_AND_FACILITY (R2) ----------------------------------------------------------------

    @Test
    void a_nursing_home_doctor_with_a_dispensation_takes_one_facility_and_no_more() {
        long doctor = given.nursingHomeDoctor(given.practice(10));
        assertRefused(
                given.create(doctor, given.facility(12), MARCH_2025), "NURSING_HOME_CONFLICT", "doctorId", R2_MESSAGE);

        given.nursingHomeAndFacility(doctor, SCHEME_START, null);
        long first = given.active(doctor, given.facility(12), MARCH_2025);

        assertThat(given.status(first)).isEqualTo("ACTIVE");
        assertRefused(
                given.create(doctor, given.facility(14), JANUARY_2026), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
    }

    @Test
    void a_nursing_home_dispensation_valid_only_in_the_past_does_not_help() {
        long doctor = given.nursingHomeDoctor(given.practice(10));
        given.nursingHomeAndFacility(doctor, SCHEME_START, LocalDate.of(2025, 8, 31));

        assertRefused(
                given.create(doctor, given.facility(12), JANUARY_2026),
                "NURSING_HOME_CONFLICT",
                "doctorId",
                R2_MESSAGE);
    }

    @Test
    void the_extra_role_a_nursing_home_dispensation_allows_does_not_use_another_capacity_of_the_practice() {
        long doctor = given.nursingHomeDoctor(given.practice(1));
        given.nursingHomeAndFacility(doctor, SCHEME_START, null);

        assertThat(given.create(doctor, given.facility(12), MARCH_2025).status())
                .isEqualTo(201);
    }

    // ---- HOURS -------------------------------------------------------------------------------------------

    @Test
    void an_hours_dispensation_sets_the_monthly_hours_of_the_doctors_agreements_while_valid() {
        long doctor = given.doctorInRoomyPractice();
        long agreement = given.active(doctor, given.facility(12), MARCH_2025);
        long colleagues = given.active(given.doctorInRoomyPractice(), given.facility(12), MARCH_2025);
        assertThat(given.read(agreement).path("monthlyHours").decimalValue()).isEqualByComparingTo("2");

        given.hours(doctor, "4", SCHEME_START, null);

        assertThat(given.read(agreement).path("monthlyHours").decimalValue()).isEqualByComparingTo("4");
        assertThat(given.read(colleagues).path("monthlyHours").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void an_hours_dispensation_shows_on_a_new_agreement_and_on_its_information_form() {
        long doctor = given.doctorInRoomyPractice();
        given.hours(doctor, "2.5", SCHEME_START, null);

        long filed = given.submitted(doctor, given.facility(40), MARCH_2025);

        assertThat(given.read(filed).path("monthlyHours").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/agreements/" + filed + "/information-form")
                        .json()
                        .path("monthlyHours")
                        .decimalValue())
                .isEqualByComparingTo("2.5");
    }

    @Test
    void whole_monthly_hours_are_plain_json_numbers() {
        long doctor = given.doctorInRoomyPractice();
        given.hours(doctor, "10", SCHEME_START, null);

        Api.Response created = given.create(doctor, given.facility(12), MARCH_2025);

        assertThat(created.json().path("monthlyHours").decimalValue()).isEqualByComparingTo("10");
        assertThat(created.body()).contains("\"monthlyHours\":10");
    }

    @Test
    void an_hours_dispensation_that_has_ended_no_longer_sets_the_hours() {
        long doctor = given.doctorInRoomyPractice();
        long agreement = given.active(doctor, given.facility(12), MARCH_2025);
        long dispensation = given.hours(doctor, "4", SCHEME_START, null);
        assertThat(given.read(agreement).path("monthlyHours").decimalValue()).isEqualByComparingTo("4");

        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/dispensations/" + dispensation + "/end", Map.of("validTo", "2025-06-30"))
                        .status())
                .isEqualTo(200);

        assertThat(given.read(agreement).path("monthlyHours").decimalValue()).isEqualByComparingTo("2");
    }

    // ---- who grants ------------------------------------------------------------------------------------------

    @Test
    void only_the_region_of_the_doctors_practice_grants_a_dispensation() {
        long doctor = given.doctorInRoomyPractice();
        Map<String, Object> body = dispensation(doctor, "NURSING_HOME_AND_FACILITY", SCHEME_START, null);

        assertProblem(given.grant(REGION_NORD, body), 403, "FORBIDDEN");
        assertProblem(given.grant(NORDDJURS, body), 403, "FORBIDDEN");
        assertProblem(given.grant(DEMO_DOCTOR, body), 403, "FORBIDDEN");
        assertProblem(given.grant(NATIONAL, body), 403, "FORBIDDEN");
        assertProblem(given.doctorUser(doctor).post("/api/v1/dispensations", body), 403, "FORBIDDEN");
        assertProblem(
                given.grant(NORDDJURS, dispensation(987_654_321L, "HOURS", SCHEME_START, null)), 403, "FORBIDDEN");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/dispensations?doctorId=" + doctor)
                        .json()
                        .size())
                .isZero();

        Api.Response granted = given.grant(REGION_MIDT, body);

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().path("kind").asString()).isEqualTo("NURSING_HOME_AND_FACILITY");
        assertThat(granted.json().path("doctorId").asLong()).isEqualTo(doctor);
        assertThat(granted.json().path("validFrom").asString()).isEqualTo("2025-01-01");
        assertThat(granted.json().path("validTo").isNull()).isTrue();
        assertThat(granted.json().path("grantedBy").asString()).isEqualTo(REGION_MIDT);
    }

    @Test
    void a_doctor_sees_their_own_dispensations_and_the_municipality_none() {
        long doctor = given.doctorInRoomyPractice();
        long granted = given.hours(doctor, "4", SCHEME_START, null);
        given.hours(given.doctorInRoomyPractice(), "5", SCHEME_START, null);

        Api.Response own = given.doctorUser(doctor).get("/api/v1/dispensations");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().size()).isEqualTo(1);
        assertThat(own.json().get(0).path("id").asLong()).isEqualTo(granted);
        assertProblem(api.as(NORDDJURS).get("/api/v1/dispensations"), 403, "FORBIDDEN");
    }

    // ---- bad input ----------------------------------------------------------------------------------------

    @Test
    void a_dispensation_without_a_kind_is_refused_naming_the_field() {
        long doctor = given.doctorInRoomyPractice();
        Map<String, Object> body = dispensation(doctor, "HOURS", SCHEME_START, null);
        body.remove("kind");

        Api.Response answer = given.grant(REGION_MIDT, body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("kind");
        assertThat(errorMessage(answer, "kind")).isEqualTo("Vælg hvilken dispensation.");
    }

    @Test
    void more_facilities_without_a_maximum_is_refused_naming_the_field() {
        Api.Response answer = given.grant(
                REGION_MIDT, dispensation(given.doctorInRoomyPractice(), "MULTIPLE_FACILITIES", SCHEME_START, null));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("maxFacilities");
        assertThat(errorMessage(answer, "maxFacilities")).isEqualTo("Angiv det højeste antal botilbud.");
    }

    @Test
    void a_maximum_of_one_facility_is_no_dispensation() {
        Map<String, Object> body =
                dispensation(given.doctorInRoomyPractice(), "MULTIPLE_FACILITIES", SCHEME_START, null);
        body.put("maxFacilities", 1);

        Api.Response answer = given.grant(REGION_MIDT, body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("maxFacilities");
    }

    @Test
    void hours_without_the_number_of_hours_is_refused_naming_the_field() {
        Api.Response answer =
                given.grant(REGION_MIDT, dispensation(given.doctorInRoomyPractice(), "HOURS", SCHEME_START, null));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("monthlyHours");
        assertThat(errorMessage(answer, "monthlyHours")).isEqualTo("Angiv antal timer pr. måned.");
    }

    @Test
    void hours_outside_half_an_hour_to_twenty_are_refused() {
        Map<String, Object> body = dispensation(given.doctorInRoomyPractice(), "HOURS", SCHEME_START, null);
        body.put("monthlyHours", new BigDecimal("25"));

        Api.Response answer = given.grant(REGION_MIDT, body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "monthlyHours")).isEqualTo("Timer pr. måned skal være mellem 0,5 og 20.");
    }

    @Test
    void a_dispensation_ending_before_it_begins_is_refused_naming_the_field() {
        Api.Response answer = given.grant(
                REGION_MIDT,
                dispensation(
                        given.doctorInRoomyPractice(),
                        "NURSING_HOME_AND_FACILITY",
                        LocalDate.of(2025, 6, 1),
                        LocalDate.of(2025, 5, 31)));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("validTo");
        assertThat(errorMessage(answer, "validTo")).isEqualTo("Slutdatoen kan ikke ligge før startdatoen.");
    }

    @Test
    void a_dispensation_without_a_start_or_for_an_unknown_doctor_is_refused_naming_the_field() {
        Map<String, Object> body =
                dispensation(given.doctorInRoomyPractice(), "NURSING_HOME_AND_FACILITY", SCHEME_START, null);
        body.remove("validFrom");
        Api.Response noStart = given.grant(REGION_MIDT, body);
        assertProblem(noStart, 400, "VALIDATION_FAILED");
        assertThat(errorFields(noStart)).containsExactly("validFrom");

        body.put("validFrom", 20250101);
        Api.Response numericStart = given.grant(REGION_MIDT, body);
        assertProblem(numericStart, 400, "VALIDATION_FAILED");
        assertThat(errorFields(numericStart)).containsExactly("validFrom");
        body.put("validFrom", "+999999999-01-01");
        Api.Response farStart = given.grant(REGION_MIDT, body);
        assertProblem(farStart, 400, "VALIDATION_FAILED");
        assertThat(errorFields(farStart)).containsExactly("validFrom");

        Api.Response unknownDoctor =
                given.grant(REGION_MIDT, dispensation(987_654_321L, "NURSING_HOME_AND_FACILITY", SCHEME_START, null));
        assertProblem(unknownDoctor, 400, "VALIDATION_FAILED");
        assertThat(errorFields(unknownDoctor)).containsExactly("doctorId");
        assertThat(errorMessage(unknownDoctor, "doctorId")).isEqualTo("Lægen 987654321 findes ikke.");
    }
}
