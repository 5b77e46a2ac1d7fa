package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** BCrypt once per client and a few minutes, never for a wrong password. */
class CachingAuthenticationProviderTest {

    static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    static final String HASH = BCRYPT.encode("hemmelig");

    final AtomicInteger checks = new AtomicInteger();
    final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return BCRYPT.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return BCRYPT.matches(raw, encoded);
        }
    };

    final MutableClock clock = new MutableClock();
    final CachingAuthenticationProvider provider;
    /** What the database says of a remembered account: still enabled, with the same role and scope. */
    final java.util.concurrent.atomic.AtomicBoolean current = new java.util.concurrent.atomic.AtomicBoolean(true);

    CachingAuthenticationProviderTest() {
        AppUserDetailsService users = mock(AppUserDetailsService.class);
        when(users.loadUserByUsername("region-midt"))
                .thenAnswer(invocation -> new AppUserDetails(
                        new CurrentUser("region-midt", "Region", Role.REGION, "1082", null, null, null, null),
                        HASH,
                        true,
                        0));
        provider = new CachingAuthenticationProvider(
                users,
                counting,
                new LoginThrottle(clock, java.util.Set.of(), new MemoryLoginCounters()),
                clock,
                hit -> current.get());
    }

    static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("region-midt", password);
    }

    @Test
    void the_right_password_is_checked_with_bcrypt_once_and_then_remembered() {
        assertThat(provider.authenticate(login("hemmelig")).isAuthenticated()).isTrue();
        assertThat(provider.authenticate(login("hemmelig")).getName()).isEqualTo("region-midt");
        assertThat(checks.get()).isEqualTo(1);
    }

    @Test
    void an_account_disabled_or_changed_since_is_never_answered_from_memory() {
        provider.authenticate(login("hemmelig"));
        current.set(false); // disabled (or its scope changed) in the database

        provider.authenticate(login("hemmelig"));

        assertThat(checks.get())
                .as("checked anew: the user details service then decides (a disabled account is refused there)")
                .isEqualTo(2);
    }

    @Test
    void a_wrong_password_is_refused_every_time_and_never_remembered() {
        provider.authenticate(login("hemmelig"));
        assertThatThrownBy(() -> provider.authenticate(login("forkert"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> provider.authenticate(login("forkert"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).isEqualTo(3);
    }

    @Test
    void after_a_few_minutes_the_password_is_checked_again() {
        provider.authenticate(login("hemmelig"));
        clock.advance(CachingAuthenticationProvider.TTL.plusSeconds(1));
        provider.authenticate(login("hemmelig"));
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void a_login_answered_from_the_cache_resets_the_accounts_count_of_failures() {
        provider.authenticate(login("hemmelig"));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("forkert")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        clock.advance(Duration.ofSeconds(5));
        provider.authenticate(login("hemmelig")); // from the cache
        assertThatThrownBy(() -> provider.authenticate(login("forkert"))).isInstanceOf(BadCredentialsException.class);

        assertThat(provider.authenticate(login("hemmelig")).isAuthenticated())
                .as("one typo after a success is not the eleventh failure")
                .isTrue();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
