package dk.botilbudslaege.settlement;

import static dk.botilbudslaege.support.ScenarioUsers.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.support.ModuleScenarioTest;
import dk.botilbudslaege.support.ScenarioUsers;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

/** Settlement's main flow as events (issue 12 item 3): a month run, then approved, is one event each. */
@ModuleScenarioTest
class SettlementModuleTest {

    private final Settlements settlements;
    private final ScenarioUsers users;

    SettlementModuleTest(Settlements settlements, ScenarioUsers users) {
        this.settlements = settlements;
        this.users = users;
    }

    @AfterEach
    void signOut() {
        users.signOut();
    }

    @Test
    void a_month_run_then_approved_publishes_month_approved(Scenario scenario, AssertablePublishedEvents events) {
        CurrentUser region = users.signIn(REGION_MIDT);
        YearMonth month = YearMonth.of(2025, 2);

        settlements.run(region, month, null);
        assertThat(events)
                .contains(SettlementEvents.MonthRun.class)
                .matching(SettlementEvents.MonthRun::regionMonth, "1082/2025-02");

        scenario.stimulate(() -> settlements.approve(region, month, null))
                .andWaitForEventOfType(SettlementEvents.MonthApproved.class)
                .toArriveAndVerify(approved -> {
                    assertThat(approved.regionMonth()).isEqualTo("1082/2025-02");
                    assertThat(approved.actor()).isEqualTo(REGION_MIDT);
                    assertThat(approved.changes()).containsOnlyKeys("status");
                });
    }
}
