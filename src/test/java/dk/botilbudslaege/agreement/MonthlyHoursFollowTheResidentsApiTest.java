package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.agreement.AgreementScenarios.createdId;
import static dk.botilbudslaege.agreement.AgreementScenarios.sectionAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monthly hours of advice (seed 004 § 65, MonthlyHours): 2 for a unit with up to 30 residents,
 * 3 above; a group's residents are summed, a section counts its own residents.
 */
@IntegrationTest
class MonthlyHoursFollowTheResidentsApiTest extends AgreementTestBase {

    private static final LocalDate START = LocalDate.of(2025, 5, 1);

    private JsonNode created(List<Long> facilityIds) {
        Api.Response answer = given.create(NORDDJURS, agreement(given.doctorInRoomyPractice(), facilityIds, START));
        createdId(answer);
        return answer.json();
    }

    @Test
    void a_facility_with_thirty_residents_gets_two_hours_a_month() {
        JsonNode agreement = created(List.of(given.facility(30)));

        assertThat(agreement.path("residents").asInt()).isEqualTo(30);
        assertThat(agreement.path("monthlyHours").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void a_facility_with_thirty_one_residents_gets_three_hours_a_month() {
        JsonNode agreement = created(List.of(given.facility(31)));

        assertThat(agreement.path("residents").asInt()).isEqualTo(31);
        assertThat(agreement.path("monthlyHours").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void a_group_counts_the_residents_of_all_its_facilities() {
        List<Long> group = given.groupOf(20, 15);

        JsonNode agreement = created(group.subList(0, 2));

        assertThat(agreement.path("unitKind").asString()).isEqualTo("GROUP");
        assertThat(agreement.path("groupId").asLong()).isEqualTo(group.get(2));
        assertThat(agreement.path("facilityIds").size()).isEqualTo(2);
        assertThat(agreement.path("residents").asInt()).isEqualTo(35);
        assertThat(agreement.path("monthlyHours").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void a_small_group_stays_at_two_hours() {
        List<Long> group = given.groupOf(10, 12, 8);

        JsonNode agreement = created(group.subList(0, 3));

        assertThat(agreement.path("residents").asInt()).isEqualTo(30);
        assertThat(agreement.path("monthlyHours").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void a_section_counts_its_own_residents_not_the_facilitys() {
        long facility = given.facility(75);
        long small = given.section(facility, 30);
        long large = given.section(facility, 45);

        Api.Response smallAgreement =
                given.create(NORDDJURS, sectionAgreement(given.doctorInRoomyPractice(), facility, small, START));
        Api.Response largeAgreement =
                given.create(NORDDJURS, sectionAgreement(given.doctorInRoomyPractice(), facility, large, START));

        assertThat(smallAgreement.status()).as(smallAgreement.body()).isEqualTo(201);
        assertThat(smallAgreement.json().path("unitKind").asString()).isEqualTo("SECTION");
        assertThat(smallAgreement.json().path("residents").asInt()).isEqualTo(30);
        assertThat(smallAgreement.json().path("monthlyHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(largeAgreement.json().path("residents").asInt()).isEqualTo(45);
        assertThat(largeAgreement.json().path("monthlyHours").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void the_information_form_records_the_hours_and_residents_as_filed() {
        long filed = given.submitted(given.doctorInRoomyPractice(), given.facility(31), START);

        JsonNode form = Api.through(context)
                .as(NORDDJURS)
                .get("/api/v1/agreements/" + filed + "/information-form")
                .json();

        assertThat(form.path("residents").asInt()).isEqualTo(31);
        assertThat(form.path("monthlyHours").decimalValue()).isEqualByComparingTo("3");
    }
}
