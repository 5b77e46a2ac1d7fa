package dk.botilbudslaege.settlement;

import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.common.VersionedAnswers;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Settlement answers (the budget of a year, a region's month) kept while the data behind them is unchanged (i18-settle,
 * as {@code coverage.CoverageCache} keeps coverage answers). Any committed change to a table they read (V44: rates,
 * frames, runs and their lines, agreements, dispensations, doctors, practices and their dated VAT, facilities, their
 * groups, sections and dated residents, municipalities, regions and mergers) draws a new number from the sequence
 * {@code settlement_data_version}, which is part of every key together with the database's {@code current_date}. The
 * triggers draw it at commit, whoever writes (another instance too); after the commit of a change made through a
 * service, its event draws one more, so that an answer computed between the trigger and the commit is not kept. An
 * entry also expires after {@link #TTL}, which bounds only that case for a writer that publishes no event.
 *
 * <p>The caller's key names everything else the answer depends on (the user's scope, the year or month, the locale,
 * the Danish date). Inside a transaction that writes, nothing is read from or put into the cache: the transaction's
 * own uncommitted rows are not yet counted by the version.
 */
@Component
class SettlementCache {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 1_000;

    private final VersionedAnswers answers;

    SettlementCache(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.answers = new VersionedAnswers(jdbc, transactions, "settlement_data_version", TTL, MAX_ENTRIES);
    }

    /**
     * The answer for {@code key} at the data's current version: kept, or computed once, in a read-only transaction (a
     * kept answer costs one statement and holds no connection). The caller gets its own copy ({@code copy} of the
     * kept value; the kept value itself is never handed out).
     */
    <T> T get(String key, Supplier<T> compute, UnaryOperator<T> copy) {
        T value = answers.get(key, compute);
        return value == null ? null : copy.apply(value);
    }

    /**
     * After the commit of each audited change (retried until it succeeds, by the event publication registry), as
     * {@code coverage.CoverageCache} does: the answers before it are no longer current, on any instance. Every kind of
     * change, not only those settlement reads: a few needless misses are cheaper than a list that misses one.
     */
    @ApplicationModuleListener
    void on(AuditedChange change) {
        answers.bump();
    }
}
