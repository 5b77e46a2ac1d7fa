package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R4 is held per facility from the group's members when a group agreement is approved, so the
 * membership of a covered group is fixed while its agreement is in force; a section in an agreement
 * is never deleted.
 */
@IntegrationTest
class GroupMembershipWhileCoveredApiTest extends AgreementTestBase {

    @Test
    void no_facility_joins_or_leaves_a_group_whose_agreement_is_in_force() {
        List<Long> group = given.groupOf(10, 12);
        long groupId = group.get(2);
        given.active(AgreementScenarios.agreement(
                given.doctorInRoomyPractice(), group.subList(0, 2), LocalDate.of(2025, 9, 1)));

        long newcomer = given.facility(8);
        Map<String, Object> joining =
                AgreementScenarios.editable(api.as("region-midt").get("/api/v1/facilities/" + newcomer));
        joining.put("groupId", groupId);
        Api.Response join = api.as("region-midt").put("/api/v1/facilities/" + newcomer, joining);
        assertThat(join.status()).isEqualTo(400);
        assertThat(join.json().path("errors").get(0).path("field").asString()).isEqualTo("groupId");

        Map<String, Object> leaving =
                AgreementScenarios.editable(api.as("region-midt").get("/api/v1/facilities/" + group.get(0)));
        leaving.put("groupId", null);
        Api.Response leave = api.as("region-midt").put("/api/v1/facilities/" + group.get(0), leaving);
        assertThat(leave.status()).isEqualTo(400);
        assertThat(leave.json().path("detail").asString()).contains("(R4)");
    }

    @Test
    void a_section_in_an_agreement_cannot_be_deleted() {
        long facility = given.facility(64);
        long section = given.section(facility, 32);
        given.draft(AgreementScenarios.sectionAgreement(
                given.doctorInRoomyPractice(), facility, section, LocalDate.of(2026, 1, 1)));

        Api.Response delete = api.as("region-midt").delete("/api/v1/facilities/" + facility + "/sections/" + section);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.code()).isEqualTo("SECTION_HAS_AGREEMENT");
    }
}
