package dk.botilbudslaege.security;

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
 * <p>The counters live in PostgreSQL ({@link StoredLoginCounters}, V43), so that every instance behind the load
 * balancer holds the same failures and waits: with counters per instance an attacker got the free failures and the
 * growing waits once per instance. It costs a read per login attempt and a write per failure; while the database is
 * away the throttle lets attempts through (a person's login needs the database anyway; a remembered API credential
 * is still checked in memory).
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

    /** What is counted: a client address, or an account (its username). */
    enum Kind {
        ADDRESS,
        ACCOUNT
    }

    /** Where the counts are kept: the whole rule is here, the keeping there. */
    interface Counters {

        /** When the key's wait ends; {@link Instant#MIN} if it has none. */
        Instant blockedUntil(Kind kind, String key);

        /**
         * Counts a failure at {@code now} and returns the count: a count whose last failure is more than
         * {@link #WINDOW} before {@code now} starts again from 0.
         */
        int countFailure(Kind kind, String key, Instant now);

        void blockUntil(Kind kind, String key, Instant until);

        void reset(Kind kind, String key);

        /** Whether the account signed in from the address after {@code since}. */
        boolean signedInFromSince(String username, String address, Instant since);

        void signedInFrom(String username, String address, Instant now);
    }

    private final Clock clock;
    private final Set<String> proxies;
    private final Counters counters;

    @Autowired
    LoginThrottle(
            @Value("${botilbud.trusted-proxies:127.0.0.1,::1,0:0:0:0:0:0:0:1}") String trustedProxies,
            StoredLoginCounters counters) {
        this(
                Clock.systemUTC(),
                Arrays.stream(trustedProxies.split(",")).map(String::trim).collect(Collectors.toSet()),
                counters);
    }

    LoginThrottle(Clock clock, Set<String> proxies, Counters counters) {
        this.clock = clock;
        this.proxies = proxies;
        this.counters = counters;
    }

    /** Whole seconds this attempt must still wait (0: go ahead and check the password). */
    long secondsToWait(String username, String address) {
        Instant now = clock.instant();
        Instant until = counters.blockedUntil(Kind.ADDRESS, address);
        if (!isKnown(username, address, now)) {
            Instant account = counters.blockedUntil(Kind.ACCOUNT, username);
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
            count(Kind.ADDRESS, address, PER_ADDRESS, now);
        }
        count(Kind.ACCOUNT, username, PER_ACCOUNT, now);
    }

    void succeeded(String username, String address) {
        counters.reset(Kind.ACCOUNT, username);
        if (isClient(address)) {
            counters.signedInFrom(username, address, clock.instant());
        }
    }

    /**
     * Only a real client's address can be known: a trusted proxy naming no client (or no address at all)
     * stands for everyone behind it, so an account's wait is never lifted there.
     */
    private boolean isKnown(String username, String address, Instant now) {
        return isClient(address) && counters.signedInFromSince(username, address, now.minus(KNOWN_ADDRESS));
    }

    private boolean isClient(String address) {
        return !proxies.contains(address) && !"unknown".equals(address);
    }

    private void count(Kind kind, String key, Policy policy, Instant now) {
        int failures = counters.countFailure(kind, key, now);
        counters.blockUntil(kind, key, now.plus(policy.delayAfter(failures)));
    }
}
