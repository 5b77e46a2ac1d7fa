package dk.botilbudslaege.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The login throttle's counts in memory, for the unit tests of the rule ({@link StoredLoginCounters} in the app). */
final class MemoryLoginCounters implements LoginThrottle.Counters {

    private record Count(int failures, Instant last, Instant blockedUntil) {}

    private final Map<String, Count> counts = new HashMap<>();
    private final Map<String, Instant> signedIn = new HashMap<>();

    @Override
    public synchronized Instant blockedUntil(LoginThrottle.Kind kind, String key) {
        Count c = counts.get(kind + "|" + key);
        return c == null ? Instant.MIN : c.blockedUntil();
    }

    @Override
    public synchronized int countFailure(LoginThrottle.Kind kind, String key, Instant now) {
        Count c = counts.get(kind + "|" + key);
        int failures =
                c == null || Duration.between(c.last(), now).compareTo(LoginThrottle.WINDOW) > 0 ? 1 : c.failures() + 1;
        counts.put(kind + "|" + key, new Count(failures, now, c == null ? now : c.blockedUntil()));
        return failures;
    }

    @Override
    public synchronized void blockUntil(LoginThrottle.Kind kind, String key, Instant until) {
        counts.computeIfPresent(kind + "|" + key, (k, c) -> new Count(c.failures(), c.last(), until));
    }

    @Override
    public synchronized void reset(LoginThrottle.Kind kind, String key) {
        counts.remove(kind + "|" + key);
    }

    @Override
    public synchronized boolean signedInFromSince(String username, String address, Instant since) {
        Instant at = signedIn.get(username + "|" + address);
        return at != null && at.isAfter(since);
    }

    @Override
    public synchronized void signedInFrom(String username, String address, Instant now) {
        signedIn.put(username + "|" + address, now);
    }
}
