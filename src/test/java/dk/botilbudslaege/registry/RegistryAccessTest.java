package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import org.junit.jupiter.api.Test;

/** Who may read and change what in the registry (SPEC §1), rule by rule. */
class RegistryAccessTest {

    static final CurrentUser REGION_MIDT = new CurrentUser("r", "R", Role.REGION, "1082", null, null, null, null);
    static final CurrentUser NORDDJURS = new CurrentUser("k", "K", Role.MUNICIPALITY, "1082", "707", null, null, null);
    static final CurrentUser SKOVSTJERNEN = new CurrentUser("f", "F", Role.FACILITY, "1082", "707", 11L, null, null);
    static final CurrentUser DOCTOR = new CurrentUser("d", "D", Role.DOCTOR, "1082", null, null, 5L, 3L);
    static final CurrentUser NATIONAL = new CurrentUser("n", "N", Role.NATIONAL, null, null, null, null, null);

    @Test
    void a_region_reads_and_changes_every_facility_in_its_region_and_none_outside() {
        assertThat(RegistryAccess.canReadFacility(REGION_MIDT, "741", "1082", 1))
                .isTrue();
        assertThat(RegistryAccess.canWriteFacility(REGION_MIDT, "741", "1082", Operator.MUNICIPAL))
                .isTrue();
        assertThat(RegistryAccess.canReadFacility(REGION_MIDT, "851", "1081", 1))
                .isFalse();
        assertThat(RegistryAccess.canWriteFacility(REGION_MIDT, "851", "1081", Operator.REGIONAL))
                .isFalse();
    }

    @Test
    void a_municipality_reads_its_own_facilities_and_changes_the_municipal_and_private_ones() {
        assertThat(RegistryAccess.canReadFacility(NORDDJURS, "707", "1082", 1)).isTrue();
        assertThat(RegistryAccess.canWriteFacility(NORDDJURS, "707", "1082", Operator.MUNICIPAL))
                .isTrue();
        assertThat(RegistryAccess.canWriteFacility(NORDDJURS, "707", "1082", Operator.PRIVATE))
                .isTrue();
        assertThat(RegistryAccess.canWriteFacility(NORDDJURS, "707", "1082", Operator.REGIONAL))
                .isFalse();
    }

    @Test
    void a_municipal_contact_of_norddjurs_cannot_read_or_change_a_samsoe_facility() {
        assertThat(RegistryAccess.canReadFacility(NORDDJURS, "741", "1082", 1)).isFalse();
        assertThat(RegistryAccess.canWriteFacility(NORDDJURS, "741", "1082", Operator.MUNICIPAL))
                .isFalse();
    }

    @Test
    void a_facility_contact_reads_only_its_own_facility_and_changes_nothing() {
        assertThat(RegistryAccess.canReadFacility(SKOVSTJERNEN, "707", "1082", 11))
                .isTrue();
        assertThat(RegistryAccess.canReadFacility(SKOVSTJERNEN, "707", "1082", 12))
                .isFalse();
        assertThat(RegistryAccess.canWriteFacility(SKOVSTJERNEN, "707", "1082", Operator.MUNICIPAL))
                .isFalse();
    }

    @Test
    void a_doctor_reads_the_region_and_changes_only_their_own_practice() {
        assertThat(RegistryAccess.canReadFacility(DOCTOR, "751", "1082", 1)).isTrue();
        assertThat(RegistryAccess.canWriteFacility(DOCTOR, "707", "1082", Operator.MUNICIPAL))
                .isFalse();
        assertThat(RegistryAccess.canWritePractice(DOCTOR, "1082", 3L)).isTrue();
        assertThat(RegistryAccess.canWritePractice(DOCTOR, "1082", 4L)).isFalse();
        assertThat(RegistryAccess.canCreatePractice(DOCTOR, "1082")).isFalse();
    }

    @Test
    void only_the_region_creates_practices_and_only_in_its_own_region() {
        assertThat(RegistryAccess.canCreatePractice(REGION_MIDT, "1082")).isTrue();
        assertThat(RegistryAccess.canCreatePractice(REGION_MIDT, "1081")).isFalse();
        assertThat(RegistryAccess.canCreatePractice(NORDDJURS, "1082")).isFalse();
    }

    @Test
    void the_national_viewer_reads_no_registry_rows_and_changes_nothing() {
        assertThat(RegistryAccess.canReadFacility(NATIONAL, "707", "1082", 1)).isFalse();
        assertThat(RegistryAccess.canReadPractice(NATIONAL, "1082")).isFalse();
        assertThat(RegistryAccess.canWriteFacility(NATIONAL, "707", "1082", Operator.MUNICIPAL))
                .isFalse();
        assertThatThrownBy(() -> RegistryAccess.facilityFilter(NATIONAL)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> RegistryAccess.practiceFilter(NATIONAL)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everybody_but_the_national_viewer_reads_the_practices_of_their_region() {
        for (CurrentUser user : new CurrentUser[] {REGION_MIDT, NORDDJURS, SKOVSTJERNEN, DOCTOR}) {
            assertThat(RegistryAccess.canReadPractice(user, "1082"))
                    .as(user.role().name())
                    .isTrue();
            assertThat(RegistryAccess.canReadPractice(user, "1081"))
                    .as(user.role().name())
                    .isFalse();
        }
    }
}
