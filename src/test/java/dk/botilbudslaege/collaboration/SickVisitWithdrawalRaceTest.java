package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.SickVisitScenarios.request;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two simultaneous withdrawals of one request (review 13b-api 5): the loser gets the 404 of a request that
 * is gone, as one after the other, never 409 SICK_VISIT_DONE for a request that was never done.
 */
@IntegrationTest
class SickVisitWithdrawalRaceTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Users users;

    @LocalServerPort
    int port;

    @Test
    void of_two_simultaneous_withdrawals_the_loser_gets_404() throws Exception {
        SickVisitScenarios given = new SickVisitScenarios(Api.through(context), users);
        long facility = given.facility(12);
        long doctor = given.doctor();
        given.agreement(doctor, facility, LocalDate.of(2025, 1, 1));
        String username = "race-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                new Users.NewUser(username, Api.PASSWORD, "Testbruger", Role.FACILITY, null, null, facility, null));
        Api contact = Api.on(port).as(username);
        String path = "/api/v1/facilities/" + facility + "/sick-visits";
        LocalDateTime from =
                LocalDateTime.now(ZoneId.of("Europe/Copenhagen")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        for (int round = 0; round < 4; round++) {
            Api.Response asked = contact.post(path, request(from.plusHours(round), 1, List.of("værelse " + round)));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            String visit = path + "/" + asked.json().path("id").asLong();
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return contact.delete(visit).status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> f : both) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(204, 404);
        }
    }
}
