package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.agreement.AgreementScenarios.sectionAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17: a facility's agreements (its own list, and any list filtered on a facility) are found by the
 * agreement's own facility or group first ({@link AgreementAccess#ofFacility}), so the statement is planned
 * once; the rows are still exactly those whose facility_ids hold the facility: a facility's, a section's and a
 * group's agreement, each asked more than five times (the prepared statement's generic plan answers too).
 */
@IntegrationTest
class AgreementFacilityScopeTest extends AgreementTestBase {

    @Autowired
    Agreements agreements;

    @Test
    void a_facility_sees_exactly_the_agreements_whose_unit_holds_it() {
        LocalDate april = LocalDate.of(2025, 4, 1);
        List<Long> group = given.groupOf(10, 12, 14);
        long groupAgreement = given.active(agreement(given.doctorInRoomyPractice(), group.subList(0, 3), april));
        long alone = given.facility(70);
        long section = given.section(alone, 30);
        long whole = given.active(given.doctorInRoomyPractice(), alone, april);
        long sectioned = given.facility(70);
        long sectionsOwn = given.section(sectioned, 30);
        given.active(sectionAgreement(given.doctorInRoomyPractice(), sectioned, sectionsOwn, april));

        for (long facility : List.of(group.get(0), group.get(1), group.get(2), alone, sectioned)) {
            List<Long> expected =
                    jdbc.sql("""
                            select a.id from agreement_overview a where :f = any(a.facility_ids)
                             order by a.start_date desc nulls last, a.id desc
                            """).param("f", facility).query(Long.class).list();
            assertThat(expected).as("facility %d", facility).isNotEmpty();
            CurrentUser own = new CurrentUser(
                    "botilbud-" + facility, "Botilbud", Role.FACILITY, null, null, facility, null, null);
            CurrentUser region =
                    new CurrentUser("region-midt", "Region Midtjylland", Role.REGION, "1082", null, null, null, null);
            for (int i = 0; i < 7; i++) {
                assertIds(agreements.search(own, filter(null), new PageRequest(0, 200)), expected, facility);
                assertIds(agreements.search(region, filter(facility), new PageRequest(0, 200)), expected, facility);
                assertIds(agreements.search(own, filter(facility), new PageRequest(0, 200)), expected, facility);
            }
        }
        assertThat(ids(agreements.search(
                        new CurrentUser("botilbud-x", "Botilbud", Role.FACILITY, null, null, group.get(1), null, null),
                        filter(null),
                        new PageRequest(0, 200))))
                .contains(groupAgreement)
                .doesNotContain(whole);
        assertThat(section).isPositive();
    }

    private static Agreements.AgreementFilter filter(Long facility) {
        return new Agreements.AgreementFilter(null, null, null, facility, null);
    }

    private static void assertIds(PageResult<Agreement> page, List<Long> expected, long facility) {
        assertThat(ids(page)).as("facility %d", facility).isEqualTo(expected);
        assertThat(page.totalElements()).as("facility %d", facility).isEqualTo(expected.size());
    }

    private static List<Long> ids(PageResult<Agreement> page) {
        return page.content().stream().map(Agreement::id).toList();
    }
}
