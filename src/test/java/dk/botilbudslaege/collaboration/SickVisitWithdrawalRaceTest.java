package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.SickVisitScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two simultaneous withdrawals of one request (review 13b-api 5): the loser gets the 404 of a request that
 * is gone, as one after the other, never 409 SICK_VISIT_DONE for a request that was never done.
 */
@IntegrationTest
class SickVisitWithdrawalRaceTest extends SickVisitTestBase {

    @Test
    void of_two_simultaneous_withdrawals_the_loser_gets_404() throws Exception {
        Api contact = Api.on(port).as(pageUser(Role.FACILITY, facility, null));
        LocalDateTime from = inDays(2);
        for (int round = 0; round < 4; round++) {
            Api.Response asked = contact.post(path, request(from.plusHours(round), 1, List.of("værelse " + round)));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            String visit = path + "/" + asked.json().path("id").asLong();
            List<Integer> statuses =
                    CollaborationFixtures.twoAtOnce(() -> contact.delete(visit).status());
            assertThat(statuses).containsExactlyInAnyOrder(204, 404);
        }
    }
}
