package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Growing waits after failed logins, per address and per account, never a long hold on a real user: the rule, with its
 * counts in memory; {@link StoredLoginThrottleTest} runs the same cases with the counts in PostgreSQL.
 */
class LoginThrottleTest {

    final CachingAuthenticationProviderTest.MutableClock clock = new CachingAuthenticationProviderTest.MutableClock();
    LoginThrottle throttle;

    @BeforeEach
    void newThrottle() {
        throttle = new LoginThrottle(clock, Set.of("127.0.0.1"), counters());
    }

    LoginThrottle.Counters counters() {
        return new MemoryLoginCounters();
    }

    @Test
    void after_five_failures_from_one_address_each_attempt_waits_twice_as_long_up_to_five_minutes() {
        for (int i = 1; i <= 4; i++) {
            throttle.failed("user" + i, "203.0.113.1");
            assertThat(throttle.secondsToWait("anyone", "203.0.113.1"))
                    .as("after %d failures", i)
                    .isZero();
        }
        long[] expected = {2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long seconds : expected) {
            throttle.failed("another", "203.0.113.1");
            assertThat(throttle.secondsToWait("anyone", "203.0.113.1")).isEqualTo(seconds);
        }
        assertThat(throttle.secondsToWait("anyone", "198.51.100.7"))
                .as("another address")
                .isZero();
    }

    @Test
    void an_account_is_held_after_ten_failures_for_at_most_a_minute() {
        for (int i = 1; i <= 9; i++) {
            throttle.failed("victim", "203.0.113." + i);
        }
        assertThat(throttle.secondsToWait("victim", "198.51.100.1")).isZero();
        throttle.failed("victim", "203.0.113.10");
        assertThat(throttle.secondsToWait("victim", "198.51.100.1")).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            throttle.failed("victim", "192.0.2." + i);
        }
        assertThat(throttle.secondsToWait("victim", "198.51.100.1")).isEqualTo(60);
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.secondsToWait("victim", "198.51.100.1")).isZero();
    }

    @Test
    void the_account_wait_does_not_hold_the_user_at_an_address_they_signed_in_from() {
        throttle.succeeded("victim", "198.51.100.1");
        for (int i = 0; i < 30; i++) {
            throttle.failed("victim", "192.0.2." + i);
        }
        assertThat(throttle.secondsToWait("victim", "198.51.100.1")).isZero();
        assertThat(throttle.secondsToWait("victim", "198.51.100.2")).isPositive();
    }

    @Test
    void a_successful_login_resets_the_account_count() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("user", "192.0.2." + i);
        }
        throttle.succeeded("user", "198.51.100.1");
        for (int i = 10; i < 19; i++) {
            throttle.failed("user", "192.0.2." + i);
        }
        assertThat(throttle.secondsToWait("user", "198.51.100.9")).isZero();
    }

    @Test
    void counts_decay_fifteen_minutes_after_the_last_failure() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("x" + i, "203.0.113.1");
        }
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("y", "203.0.113.1");
        assertThat(throttle.secondsToWait("z", "203.0.113.1"))
                .as("one failure in the new window")
                .isZero();
    }

    @Test
    void a_trusted_proxy_naming_no_client_is_not_held_as_an_address() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess" + i, "127.0.0.1");
        }
        assertThat(throttle.secondsToWait("someone-else", "127.0.0.1")).isZero();
    }

    @Test
    void a_trusted_proxy_naming_no_client_never_lifts_the_accounts_wait() {
        throttle.succeeded("user", "127.0.0.1");
        for (int i = 0; i < 13; i++) {
            throttle.failed("user", "127.0.0.1");
        }
        assertThat(throttle.secondsToWait("user", "127.0.0.1"))
                .as("guessing behind the proxy")
                .isPositive();
        assertThat(throttle.secondsToWait("user", "unknown")).isPositive();
    }
}
