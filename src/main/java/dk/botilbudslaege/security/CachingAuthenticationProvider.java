package dk.botilbudslaege.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.botilbudslaege.common.DatabaseOutage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password with BCrypt once, then remembers the result for a few minutes.
 * API clients send HTTP Basic on every request, and BCrypt costs far more than any of our queries
 * (about 80 ms on two cores). Only a digest of the credentials is kept, in memory; a wrong password
 * is never remembered, and a changed password takes effect within {@link #TTL}. A disabled account, or one whose
 * role or scope changed, is never answered from memory (one indexed lookup per hit), and {@link EnabledAccountFilter}
 * checks every request of a session too.
 *
 * <p>Every attempt, by form or by Basic, first passes the {@link LoginThrottle}; every failure is
 * counted there and logged as a security event.
 */
@Component
class CachingAuthenticationProvider implements AuthenticationProvider {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Cache<String, Authentication> remembered;
    private final Predicate<Authentication> stillCurrent;

    @org.springframework.beans.factory.annotation.Autowired
    CachingAuthenticationProvider(
            AppUserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle, JdbcClient jdbc) {
        this(users, passwordEncoder, throttle, Clock.systemUTC(), hit -> current(jdbc, hit));
    }

    CachingAuthenticationProvider(
            AppUserDetailsService users, PasswordEncoder passwordEncoder, LoginThrottle throttle, Clock clock) {
        this(users, passwordEncoder, throttle, clock, hit -> true);
    }

    CachingAuthenticationProvider(
            AppUserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            Clock clock,
            Predicate<Authentication> stillCurrent) {
        this.stillCurrent = stillCurrent;
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(passwordEncoder);
        // issue 15 review: the password first, then the account's state (Spring checks "enabled" before the password
        // by default). A disabled account is told so only to whoever knows its password; a guesser gets "wrong
        // username or password" for it as for any other name, and BCrypt runs in both cases (no timing difference).
        this.delegate.setPreAuthenticationChecks(user -> {});
        this.delegate.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.remembered = Caffeine.newBuilder()
                .expireAfterWrite(TTL)
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> clock.millis() * 1_000_000)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = String.valueOf(authentication.getName()).trim().toLowerCase(Locale.ROOT);
        String address = address(authentication);
        long wait = throttle.secondsToWait(username, address);
        if (wait > 0) {
            SecurityEvents.loginThrottled(username, address, wait);
            throw new LoginThrottledException(wait);
        }
        String key = digest(username, String.valueOf(authentication.getCredentials()));
        Authentication hit = remembered.getIfPresent(key);
        if (hit != null && !stillCurrent.test(hit)) {
            // disabled, or its role or scope changed, since it was remembered: check it all anew
            remembered.invalidate(key);
            hit = null;
        }
        if (hit != null) {
            throttle.succeeded(username, address); // a success all the same: the account's count starts again
            return hit;
        }
        Authentication checked;
        try {
            checked = delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            if (DatabaseOutage.causedBy(e)) {
                throw e; // not the caller's fault: no failure counted
            }
            throttle.failed(username, address);
            SecurityEvents.loginFailed(username, address, reason(e));
            throw e;
        }
        throttle.succeeded(username, address);
        remembered.put(key, checked);
        return checked;
    }

    /** One indexed lookup: the remembered account is still enabled, with the role and scope it was signed in with. */
    private static boolean current(JdbcClient jdbc, Authentication hit) {
        if (!(hit.getPrincipal() instanceof ScopedPrincipal principal)) {
            return true;
        }
        return jdbc.sql("select enabled and scope_version = :v from app_user where username = :u")
                .param("u", principal.user().username())
                .param("v", principal.scopeVersion())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Forgets what was remembered for a user whose role or scope has changed (EnabledAccountFilter finds out on
     * the next request), so that the next call is checked anew and gets the new scope.
     */
    void forget(String username) {
        remembered.asMap().values().removeIf(hit -> hit.getName().equals(username));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client address as the request reports it (behind a trusted proxy, see config.PublicUrlFilter). */
    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof DisabledException) {
            return "DISABLED";
        }
        return e instanceof BadCredentialsException
                ? "BAD_CREDENTIALS"
                : e.getClass().getSimpleName();
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
