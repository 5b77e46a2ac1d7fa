package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, several instances: the login throttle's counts are in PostgreSQL, so every instance holds the same waits.
 * Runs every case of {@link LoginThrottleTest} on the stored counts (each test's keys carry a prefix of its own, the
 * database being shared), and what only the stored counts do.
 */
@IntegrationTest
class StoredLoginThrottleTest extends LoginThrottleTest {

    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8) + "/";

    @Override
    LoginThrottle.Counters counters() {
        return prefixed(new StoredLoginCounters(jdbc, clock));
    }

    /** The stored counts with this test's prefix on every key. */
    LoginThrottle.Counters prefixed(LoginThrottle.Counters stored) {
        return new LoginThrottle.Counters() {
            public Instant blockedUntil(LoginThrottle.Kind kind, String key) {
                return stored.blockedUntil(kind, run + key);
            }

            public int countFailure(LoginThrottle.Kind kind, String key, Instant now) {
                return stored.countFailure(kind, run + key, now);
            }

            public void blockUntil(LoginThrottle.Kind kind, String key, Instant until) {
                stored.blockUntil(kind, run + key, until);
            }

            public void reset(LoginThrottle.Kind kind, String key) {
                stored.reset(kind, run + key);
            }

            public boolean signedInFromSince(String username, String address, Instant since) {
                return stored.signedInFromSince(run + username, address, since);
            }

            public void signedInFrom(String username, String address, Instant now) {
                stored.signedInFrom(run + username, address, now);
            }
        };
    }

    @Test
    void two_instances_hold_the_same_waits() {
        LoginThrottle a = throttle;
        LoginThrottle b = new LoginThrottle(clock, Set.of("127.0.0.1"), counters());
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? a : b).failed("guess" + i, "203.0.113.77");
        }
        assertThat(b.secondsToWait("anyone", "203.0.113.77")).isEqualTo(2);
        assertThat(a.secondsToWait("anyone", "203.0.113.77")).isEqualTo(2);
        b.failed("guess", "203.0.113.77");
        assertThat(a.secondsToWait("anyone", "203.0.113.77"))
                .as("the sixth failure, made on the other instance")
                .isEqualTo(4);

        // a sign-in on one lifts the account's count on the other
        for (int i = 0; i < 12; i++) {
            a.failed("victim", "192.0.2." + i);
        }
        assertThat(b.secondsToWait("victim", "198.51.100.1")).isPositive();
        b.succeeded("victim", "198.51.100.1");
        assertThat(a.secondsToWait("victim", "198.51.100.2")).isZero();
    }

    @Test
    void a_username_of_any_length_or_with_a_nul_is_counted_not_refused() {
        String huge = "x".repeat(10_000);
        String nul = "adm\u0000in";
        for (int i = 0; i < 11; i++) {
            throttle.failed(huge, "192.0.2." + i);
            throttle.failed(nul, "192.0.2." + i);
        }
        assertThat(throttle.secondsToWait(huge, "198.51.100.1")).isPositive();
        assertThat(throttle.secondsToWait(nul, "198.51.100.1")).isPositive();
    }

    @Test
    void the_clean_up_deletes_what_can_no_longer_matter_and_nothing_else() {
        // long ago, so that the clean-up at this clock leaves the shared database's real rows alone
        clock.advance(Duration.ofDays(-9_000));
        throttle.failed("old", "203.0.113.88");
        throttle.succeeded("old", "198.51.100.88");
        clock.advance(
                LoginThrottle.WINDOW.plus(LoginThrottle.PER_ADDRESS.maxDelay()).plusSeconds(1));
        throttle.failed("new", "203.0.113.89");

        new StoredLoginCounters(jdbc, clock).cleanUp();

        assertThat(rows("login_failure", "key", run + "old")).isZero();
        assertThat(rows("login_failure", "key", "203.0.113.88"))
                .as("old address")
                .isZero();
        assertThat(rows("login_failure", "key", run + "new")).isEqualTo(1);
        assertThat(rows("login_failure", "key", run + "203.0.113.89")).isEqualTo(1);
        assertThat(rows("login_known_address", "username", run + "old"))
                .as("a sign-in is known for 30 days")
                .isEqualTo(1);

        clock.advance(LoginThrottle.KNOWN_ADDRESS.plus(Duration.ofMinutes(1)));
        new StoredLoginCounters(jdbc, clock).cleanUp();
        assertThat(rows("login_known_address", "username", run + "old")).isZero();
    }

    private int rows(String table, String column, String key) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :key")
                .param("key", key)
                .query(Integer.class)
                .single();
    }
}
