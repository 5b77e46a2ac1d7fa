package dk.botilbudslaege.registry;

import static dk.botilbudslaege.support.ScenarioUsers.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.support.ModuleScenarioTest;
import dk.botilbudslaege.support.ScenarioUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's changes as events (issue 12 item 3): a facility created or changed through
 * {@link Facilities} is one event with the fields that changed; an update that changes nothing
 * publishes nothing, so nothing is audited.
 */
@ModuleScenarioTest
class RegistryModuleTest {

    private final Facilities facilities;
    private final ScenarioUsers users;
    private final JsonMapper json;

    RegistryModuleTest(Facilities facilities, ScenarioUsers users, JsonMapper json) {
        this.facilities = facilities;
        this.users = users;
        this.json = json;
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    @Test
    void a_facility_created_then_changed_is_one_event_each(Scenario scenario) {
        CurrentUser region = users.signIn(REGION_MIDT);
        long[] id = new long[1];

        scenario.stimulate(() -> id[0] = facilities.create(region, facility(14)).id())
                .andWaitForEventOfType(RegistryEvents.FacilityCreated.class)
                .toArriveAndVerify(created -> {
                    assertThat(created.facilityId()).isEqualTo(id[0]);
                    assertThat(created.actor()).isEqualTo(REGION_MIDT);
                    assertThat(created.changes()).containsKeys("name", "residents");
                });

        scenario.stimulate(() -> facilities.update(region, id[0], facility(20)))
                .andWaitForEventOfType(RegistryEvents.FacilityChanged.class)
                .matching(changed -> changed.facilityId() == id[0])
                .toArriveAndVerify(changed -> assertThat(changed.changes()).containsOnlyKeys("residents", "places"));
    }

    @Test
    void an_update_that_changes_nothing_publishes_nothing(AssertablePublishedEvents events) {
        CurrentUser region = users.signIn(REGION_MIDT);
        long id = facilities.create(region, facility(14)).id();
        assertThat(events).contains(RegistryEvents.FacilityCreated.class);

        Facility same = facilities.update(region, id, FacilityForm.of(facilities.get(region, id)));

        assertThat(same.residents()).isEqualTo(14);
        assertThat(events.ofType(AuditedChange.class)).hasSize(1); // the creation only
    }

    private FacilityForm facility(int residents) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "Botilbud Scenarie");
        fields.put("address", "Testvej 1, 8500 Grenaa");
        fields.put("municipalityCode", "707");
        fields.put("operator", "MUNICIPAL");
        fields.put("legalBasis", "SEL_108");
        fields.put("places", residents);
        fields.put("residents", residents);
        return json.convertValue(fields, FacilityForm.class);
    }
}
