package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementScenarios.R1_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R2_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R3_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessages;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The doctor's and the practice's rules (SPEC §3 R1-R3) through the API: each refusal has its own
 * code and Danish message on the field doctorId, when the agreement is created and again when the
 * region approves it after the facts changed in between.
 */
@IntegrationTest
class DoctorAndPracticeRulesApiTest extends AgreementTestBase {

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    private static final LocalDate SEPTEMBER_2025 = LocalDate.of(2025, 9, 1);

    // ---- R1: one fixed-doctor role at a time ---------------------------------------------------------

    @Test
    void a_doctor_already_fixed_doctor_at_another_facility_cannot_get_a_second_agreement() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);

        Api.Response second = given.create(doctor, given.facility(14), SEPTEMBER_2025);

        assertRefused(second, "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
    }

    @Test
    void an_earlier_start_date_does_not_escape_the_role_limit_of_an_agreement_that_starts_later() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), SEPTEMBER_2025);

        assertRefused(
                given.create(doctor, given.facility(14), MARCH_2025), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
    }

    @Test
    void the_second_of_two_filed_agreements_of_one_doctor_is_refused_when_the_first_has_been_approved() {
        long doctor = given.doctorInRoomyPractice();
        long first = given.submitted(doctor, given.facility(12), MARCH_2025);
        long second = given.submitted(doctor, given.facility(14), SEPTEMBER_2025);

        assertThat(given.approve(first).status()).isEqualTo(200);
        Api.Response approving = given.approve(second);

        assertRefused(approving, "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
        assertThat(given.status(second)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_doctor_whose_agreement_has_ended_may_take_a_new_facility_after_the_end_date() {
        long doctor = given.doctorInRoomyPractice();
        long first = given.active(doctor, given.facility(12), MARCH_2025);
        // a notice is dated at most 30 days back (issue 11): today's, ending at a quarter's end
        LocalDate end = NoticePeriod.endDate(LocalDate.now());
        Api.Response notice =
                given.notice(AgreementFixtures.NORDDJURS, first, LocalDate.now().toString());
        assertThat(notice.json().path("endDate").asString()).isEqualTo(end.toString());

        assertRefused(given.create(doctor, given.facility(14), end), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
        assertThat(given.create(doctor, given.facility(14), end.plusDays(1)).status())
                .isEqualTo(201);
    }

    // ---- R2: nursing-home doctor and facility doctor at once -------------------------------------------

    @Test
    void a_nursing_home_doctor_cannot_become_facility_doctor() {
        long doctor = given.nursingHomeDoctor(given.practice(10));

        Api.Response answer = given.create(doctor, given.facility(12), MARCH_2025);

        assertRefused(answer, "NURSING_HOME_CONFLICT", "doctorId", R2_MESSAGE);
    }

    @Test
    void a_doctor_who_became_nursing_home_doctor_after_filing_is_refused_at_approval() {
        long doctor = given.doctorInRoomyPractice();
        long filed = given.submitted(doctor, given.facility(12), MARCH_2025);
        given.nursingHomeDoctor(doctor, true);

        assertRefused(given.approve(filed), "NURSING_HOME_CONFLICT", "doctorId", R2_MESSAGE);
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");
    }

    @Test
    void the_nursing_home_conflict_is_the_answer_when_the_role_limit_is_broken_as_well() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        given.nursingHomeDoctor(doctor, true);

        Api.Response answer = given.create(doctor, given.facility(14), SEPTEMBER_2025);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.code()).isEqualTo("NURSING_HOME_CONFLICT");
        assertThat(answer.json().path("detail").asString()).isEqualTo(R2_MESSAGE);
        assertThat(errorMessages(answer, "doctorId")).containsExactly(R2_MESSAGE, R1_MESSAGE);
    }

    // ---- R3: the practice's doctor capacities -------------------------------------------------------------

    @Test
    void a_practice_with_one_capacity_cannot_give_its_second_doctor_a_facility() {
        long practice = given.practice(1);
        long first = given.doctor(practice);
        long second = given.doctor(practice);
        given.active(first, given.facility(12), MARCH_2025);

        Api.Response answer = given.create(second, given.facility(14), SEPTEMBER_2025);

        assertRefused(answer, "PRACTICE_CAPACITY", "doctorId", R3_MESSAGE);
    }

    @Test
    void a_nursing_home_role_uses_a_capacity_of_the_practice() {
        long practice = given.practice(1);
        given.nursingHomeDoctor(practice);
        long doctor = given.doctor(practice);

        assertRefused(
                given.create(doctor, given.facility(12), MARCH_2025), "PRACTICE_CAPACITY", "doctorId", R3_MESSAGE);
    }

    @Test
    void a_practice_with_two_capacities_gives_each_of_its_two_doctors_a_facility() {
        long practice = given.practice(2);
        given.active(given.doctor(practice), given.facility(12), MARCH_2025);

        assertThat(given.create(given.doctor(practice), given.facility(14), SEPTEMBER_2025)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void the_second_filed_agreement_of_a_full_practice_is_refused_at_approval() {
        long practice = given.practice(1);
        long first = given.submitted(given.doctor(practice), given.facility(12), MARCH_2025);
        long second = given.submitted(given.doctor(practice), given.facility(14), SEPTEMBER_2025);

        assertThat(given.approve(first).status()).isEqualTo(200);

        assertRefused(given.approve(second), "PRACTICE_CAPACITY", "doctorId", R3_MESSAGE);
        assertThat(given.status(second)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_colleague_who_became_nursing_home_doctor_after_filing_fills_the_practice_at_approval() {
        long practice = given.practice(1);
        long colleague = given.doctor(practice);
        long filed = given.submitted(given.doctor(practice), given.facility(12), MARCH_2025);
        given.nursingHomeDoctor(colleague, true);

        Api.Response answer = given.approve(filed);

        assertRefused(answer, "PRACTICE_CAPACITY", "doctorId", R3_MESSAGE);
        assertThat(errorMessage(answer, "doctorId")).isEqualTo(R3_MESSAGE);
    }
}
