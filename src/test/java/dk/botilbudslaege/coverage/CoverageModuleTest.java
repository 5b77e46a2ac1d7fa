package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.AgreementApproved;
import dk.botilbudslaege.support.ModuleScenarioTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * Coverage reacts to the agreement module's events (issue 12 item 3): after an {@link AgreementApproved}
 * commits, the coverage cache's data version moves, so no answer computed before it is served again,
 * and its publication in the registry is completed (deleted).
 */
@ModuleScenarioTest
class CoverageModuleTest {

    private final JdbcClient jdbc;

    CoverageModuleTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void an_approved_agreement_moves_the_coverage_data_version(Scenario scenario) {
        long before = version();

        // the event alone, published as the agreement module does it: no table of coverage's triggers changes
        scenario.publish(new AgreementApproved(-1, LocalDate.of(2025, 9, 1), "system"))
                .andWaitForStateChange(() -> version() > before && coveragePublications() == 0)
                .andVerify(moved -> assertThat(moved).isTrue());
    }

    private long version() {
        return jdbc.sql("select last_value + case when is_called then 1 else 0 end from coverage_data_version")
                .query(Long.class)
                .single();
    }

    private long coveragePublications() {
        return jdbc.sql("select count(*) from event_publication where listener_id like '%CoverageCache%'")
                .query(Long.class)
                .single();
    }
}
