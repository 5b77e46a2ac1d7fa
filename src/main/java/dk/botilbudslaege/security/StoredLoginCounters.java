package dk.botilbudslaege.security;

import dk.botilbudslaege.common.DatabaseOutage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The login throttle's counts in PostgreSQL (V43), shared by every instance. Times are the throttle's clock, passed
 * in, so the rule reads the same in tests as in production. A key is at most 256 characters (a longer username is
 * cut: two such names share a count, which only ever makes the wait longer; a NUL becomes U+FFFD). When the database is away, the
 * throttle sees no wait and keeps no count: {@link LoginThrottle} says why that is acceptable.
 */
@Component
class StoredLoginCounters implements LoginThrottle.Counters {

    private static final Logger log = LoggerFactory.getLogger(StoredLoginCounters.class);
    static final int MAX_KEY = 256;

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    StoredLoginCounters(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    StoredLoginCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Instant blockedUntil(LoginThrottle.Kind kind, String key) {
        try {
            return jdbc.sql("select blocked_until from login_failure where kind = :kind and key = :key")
                    .param("kind", kind.name())
                    .param("key", cut(key))
                    .query(OffsetDateTime.class)
                    .optional()
                    .map(OffsetDateTime::toInstant)
                    .orElse(Instant.MIN);
        } catch (DataAccessException e) {
            return outage(e, Instant.MIN);
        }
    }

    @Override
    public int countFailure(LoginThrottle.Kind kind, String key, Instant now) {
        try {
            return jdbc.sql("""
                            insert into login_failure as f (kind, key, failures, last_failure, blocked_until)
                            values (:kind, :key, 1, :now, :now)
                            on conflict (kind, key) do update
                               set failures = case when f.last_failure < :windowStart then 1 else f.failures + 1 end,
                                   last_failure = :now
                            returning failures
                            """)
                    .param("kind", kind.name())
                    .param("key", cut(key))
                    .param("now", at(now))
                    .param("windowStart", at(now.minus(LoginThrottle.WINDOW)))
                    .query(Integer.class)
                    .single();
        } catch (DataAccessException e) {
            return outage(e, 0);
        }
    }

    @Override
    public void blockUntil(LoginThrottle.Kind kind, String key, Instant until) {
        try {
            jdbc.sql("update login_failure set blocked_until = :until where kind = :kind and key = :key")
                    .param("kind", kind.name())
                    .param("key", cut(key))
                    .param("until", at(until))
                    .update();
        } catch (DataAccessException e) {
            outage(e, null);
        }
    }

    @Override
    public void reset(LoginThrottle.Kind kind, String key) {
        try {
            jdbc.sql("delete from login_failure where kind = :kind and key = :key")
                    .param("kind", kind.name())
                    .param("key", cut(key))
                    .update();
        } catch (DataAccessException e) {
            outage(e, null);
        }
    }

    @Override
    public boolean signedInFromSince(String username, String address, Instant since) {
        try {
            return jdbc.sql("""
                            select exists (select 1 from login_known_address
                                            where username = :username and address = :address and signed_in_at > :since)
                            """)
                    .param("username", cut(username))
                    .param("address", cut(address))
                    .param("since", at(since))
                    .query(Boolean.class)
                    .single();
        } catch (DataAccessException e) {
            return outage(e, false);
        }
    }

    @Override
    public void signedInFrom(String username, String address, Instant now) {
        try {
            jdbc.sql("""
                            insert into login_known_address (username, address, signed_in_at)
                            values (:username, :address, :now)
                            on conflict (username, address) do update set signed_in_at = excluded.signed_in_at
                            """)
                    .param("username", cut(username))
                    .param("address", cut(address))
                    .param("now", at(now))
                    .update();
        } catch (DataAccessException e) {
            outage(e, null);
        }
    }

    /**
     * Deletes the counts that can no longer matter (their window and their longest wait are over) and the addresses
     * not signed in from for 30 days; on one instance at a time.
     */
    @Scheduled(cron = "0 */10 * * * *")
    @SchedulerLock(name = "security.loginThrottleCleanUp", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void cleanUp() {
        Instant now = clock.instant();
        Instant stale = now.minus(LoginThrottle.WINDOW).minus(LoginThrottle.PER_ADDRESS.maxDelay());
        jdbc.sql("delete from login_failure where last_failure < :stale and blocked_until < :now")
                .param("stale", at(stale))
                .param("now", at(now))
                .update();
        jdbc.sql("delete from login_known_address where signed_in_at < :since")
                .param("since", at(now.minus(LoginThrottle.KNOWN_ADDRESS)))
                .update();
    }

    /** At most {@link #MAX_KEY} characters, and no NUL, which PostgreSQL's text cannot hold. */
    private static String cut(String key) {
        String k = key == null ? "" : key.replace('\u0000', '\uFFFD');
        return k.length() <= MAX_KEY ? k : k.substring(0, MAX_KEY);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static <T> T outage(DataAccessException e, T answer) {
        if (!DatabaseOutage.causedBy(e)) {
            throw e;
        }
        log.warn("Login throttle without its counts, the database is unavailable: {}", e.toString());
        return answer;
    }
}
