package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.common.VersionedAnswers;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Hours overviews (an area's, the nation's, the coverage report's hours section) kept while the data behind them is
 * unchanged (i19-hours, as {@code settlement.SettlementCache} keeps settlement answers). Any committed change to a table
 * they read (V45: advisory sessions, agreements, dispensations, doctors, practices and their dated VAT, facilities,
 * their groups and sections, municipalities, the regions of municipalities and regions) draws a new number from the
 * sequence {@code hours_data_version}, which is part of every key together with the database's {@code current_date}.
 * The triggers draw it at commit, whoever writes (another instance too); after the commit of a change made through a
 * service, its event draws one more, so that an answer computed between the trigger and the commit is not kept. An
 * entry also expires after {@link #TTL}, which bounds only that case for a writer that publishes no event.
 *
 * <p>The caller's key names everything else the answer depends on (the level and area, the Danish date the hours are
 * counted as of); who may read it is checked before, for every request. The kept answers are immutable and handed out
 * as they are. Inside a transaction that writes, nothing is read from or put into the cache: the transaction's own
 * uncommitted rows are not yet counted by the version.
 */
@Component
class HoursCache {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 500;

    private final VersionedAnswers answers;

    HoursCache(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.answers = new VersionedAnswers(jdbc, transactions, "hours_data_version", TTL, MAX_ENTRIES);
    }

    /**
     * The answer for {@code key} at the data's current version: kept, or computed once, in a read-only transaction (a
     * kept answer costs one statement and holds no connection). {@code compute} must give an immutable answer.
     */
    <T> T get(String key, Supplier<T> compute) {
        return answers.get(key, compute);
    }

    /**
     * After the commit of each audited change (retried until it succeeds, by the event publication registry), as
     * {@code coverage.CoverageCache} does: the answers before it are no longer current, on any instance. Every kind of
     * change, not only those the hours reads: a few needless misses are cheaper than a list that misses one.
     */
    @ApplicationModuleListener
    void on(AuditedChange change) {
        answers.bump();
    }
}
