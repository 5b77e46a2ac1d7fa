package dk.botilbudslaege.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers kept in memory while a database sequence, drawn at the commit of every change to the data behind them (the
 * module's deferred triggers), is unchanged: each key is prefixed by the sequence's number in force and the
 * database's {@code current_date}, so a change committed by any instance, a migration or plain SQL is seen at once.
 * A kept answer costs one statement; a miss is computed once however many ask at the same time
 * ({@link SharedComputations}), in a read-only transaction. Inside a transaction that writes, nothing is read from or
 * put into the cache (its own uncommitted rows are not yet counted by the version). Entries also expire after a TTL,
 * which bounds the one case the version cannot: a reader between a writer's draw and its commit, for a writer that
 * does not draw once more after its commit ({@link #bump()}, which the modules call from their events' listeners).
 * Used by {@code settlement.SettlementCache} and {@code collaboration.HoursCache}; one instance per sequence.
 */
public final class VersionedAnswers {

    private final JdbcClient jdbc;
    private final String sequence;
    private final TransactionTemplate readOnly;
    private final Cache<String, Object> entries;
    private final SharedComputations computations = new SharedComputations();

    /** {@code sequence}: the name of the module's version sequence (a constant of the module, never user input). */
    public VersionedAnswers(
            JdbcClient jdbc, PlatformTransactionManager transactions, String sequence, Duration ttl, int maxEntries) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        this.jdbc = jdbc;
        this.sequence = sequence;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .build();
    }

    /**
     * The answer for {@code key} at the data's current version: the kept one, or {@code compute}'s, computed once and
     * kept (unless null). The kept value itself is returned: keep immutable values, or copy what you hand out.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return compute.get();
        }
        String versioned = version() + "|" + key;
        Object hit = entries.getIfPresent(versioned);
        if (hit != null) {
            return (T) hit;
        }
        return computations.compute(versioned, () -> {
            T computed = readOnly.execute(status -> compute.get());
            if (computed != null) {
                entries.put(versioned, computed);
            }
            return computed;
        });
    }

    /** Draws a new number: the answers kept so far are no longer current, on any instance. */
    public void bump() {
        jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    /** The version and the database's date, read in one statement. */
    private String version() {
        return jdbc.sql("select (last_value + case when is_called then 1 else 0 end) || '|' || current_date from "
                        + sequence)
                .query(String.class)
                .single();
    }
}
