package dk.botilbudslaege.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, by form and by HTTP Basic alike (CachingAuthenticationProvider).
 *
 * <p>Failed logins are counted per client address and per account. The first {@link Policy#freeFailures}
 * failures cost nothing; after the n-th failure beyond them the next attempt must wait 2^n seconds,
 * up to a cap; an attempt made earlier is answered 429 with Retry-After, without checking the password,
 * and is not counted. A counter decays: {@link #WINDOW} after its last failure it starts again from 0.
 *
 * <p>The address is held longer (up to 5 minutes) than the account (up to 1 minute): one address
 * guessing is an attacker, while an account's failures may come from an attacker elsewhere, and must
 * not keep the real user out. For the same reason the account's wait does not apply at an address the
 * account signed in from successfully lately (a real client address, never a proxy's), and a successful
 * login, also one answered from the credential cache, resets the account's count. An
 * address's own wait always applies: it only holds whoever guesses from there.
 *
 * <p>The address is the client's as {@code config.PublicUrlFilter} reports it. A request straight from a
 * trusted proxy that names no client (no X-Forwarded-For; the local mode) is counted per account only:
 * counting the proxy's address would let one attacker hold everyone.
 *
 * <p>State is in memory, bounded in size (Caffeine), per instance: it costs no database write on each
 * failed guess, works while the database is away, and is lost on a restart. With several instances an
 * attacker gets the free failures once per instance, which the growing delay still makes slow.
 */
@Component
class LoginThrottle {

    record Policy(int freeFailures, Duration maxDelay) {

        /** The wait after this many failures within the window. */
        Duration delayAfter(int failures) {
            int beyond = failures - freeFailures + 1;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            long seconds = beyond >= 31 ? Long.MAX_VALUE : 1L << beyond;
            return seconds >= maxDelay.toSeconds() ? maxDelay : Duration.ofSeconds(seconds);
        }
    }

    static final Policy PER_ADDRESS = new Policy(5, Duration.ofMinutes(5));
    static final Policy PER_ACCOUNT = new Policy(10, Duration.ofMinutes(1));
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration KNOWN_ADDRESS = Duration.ofDays(30);
    static final int MAX_ENTRIES = 100_000;

    private static final class Failures {
        int count;
        Instant last = Instant.MIN;
        Instant blockedUntil = Instant.MIN;
    }

    private final Clock clock;
    private final Set<String> proxies;
    private final Cache<String, Failures> addresses = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(WINDOW.plus(PER_ADDRESS.maxDelay()))
            .build();
    private final Cache<String, Failures> accounts = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(WINDOW.plus(PER_ACCOUNT.maxDelay()))
            .build();
    private final Cache<String, Boolean> knownAddresses = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(KNOWN_ADDRESS)
            .build();

    @Autowired
    LoginThrottle(@Value("${botilbud.trusted-proxies:127.0.0.1,::1,0:0:0:0:0:0:0:1}") String trustedProxies) {
        this(
                Clock.systemUTC(),
                Arrays.stream(trustedProxies.split(",")).map(String::trim).collect(Collectors.toSet()));
    }

    LoginThrottle(Clock clock, Set<String> proxies) {
        this.clock = clock;
        this.proxies = proxies;
    }

    /** Whole seconds this attempt must still wait (0: go ahead and check the password). */
    long secondsToWait(String username, String address) {
        Instant now = clock.instant();
        Instant until = blockedUntil(addresses, address, now);
        if (!isKnown(username, address)) {
            Instant account = blockedUntil(accounts, username, now);
            until = account.isAfter(until) ? account : until;
        }
        if (!until.isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, until).toMillis();
        return (millis + 999) / 1000;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (isClient(address)) {
            count(addresses, address, PER_ADDRESS, now);
        }
        count(accounts, username, PER_ACCOUNT, now);
    }

    void succeeded(String username, String address) {
        accounts.invalidate(username);
        if (isClient(address)) {
            knownAddresses.put(username + '\u0000' + address, Boolean.TRUE);
        }
    }

    /**
     * Only a real client's address can be known: a trusted proxy naming no client (or no address at all)
     * stands for everyone behind it, so an account's wait is never lifted there.
     */
    private boolean isKnown(String username, String address) {
        return isClient(address) && knownAddresses.getIfPresent(username + '\u0000' + address) != null;
    }

    private boolean isClient(String address) {
        return !proxies.contains(address) && !"unknown".equals(address);
    }

    private static Instant blockedUntil(Cache<String, Failures> counters, String key, Instant now) {
        Failures failures = counters.getIfPresent(key);
        if (failures == null) {
            return Instant.MIN;
        }
        synchronized (failures) {
            return failures.blockedUntil;
        }
    }

    private static void count(Cache<String, Failures> counters, String key, Policy policy, Instant now) {
        Failures failures = counters.get(key, k -> new Failures());
        synchronized (failures) {
            if (failures.last == Instant.MIN
                    || Duration.between(failures.last, now).compareTo(WINDOW) > 0) {
                failures.count = 0;
            }
            failures.count++;
            failures.last = now;
            failures.blockedUntil = now.plus(policy.delayAfter(failures.count));
        }
    }
}
