package dk.botilbudslaege.settlement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.botilbudslaege.agreement.AgreementEvents;
import dk.botilbudslaege.common.SharedComputations;
import dk.botilbudslaege.registry.RegistryEvents;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Cache<String, Object> entries =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();

    /** The answers being computed: concurrent misses of one key wait for the first computation. */
    private final SharedComputations computations = new SharedComputations();

    SettlementCache(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The answer for {@code key} at the data's current version: kept, or computed once, in a read-only transaction (a
     * kept answer costs one statement and holds no connection). The caller gets its own copy ({@code copy} of the
     * kept value; the kept value itself is never handed out).
     */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute, UnaryOperator<T> copy) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return compute.get();
        }
        String versioned = version() + "|" + key;
        Object hit = entries.getIfPresent(versioned);
        if (hit != null) {
            return copy.apply((T) hit);
        }
        T value = computations.compute(versioned, () -> {
            T computed = readOnly.execute(status -> compute.get());
            if (computed != null) {
                entries.put(versioned, computed);
            }
            return computed;
        });
        return value == null ? null : copy.apply(value);
    }

    /** The version and the database's date, read in one statement. */
    private String version() {
        return jdbc.sql("select (last_value + case when is_called then 1 else 0 end) || '|' || current_date"
                        + " from settlement_data_version")
                .query(String.class)
                .single();
    }

    private void bump() {
        jdbc.sql("select nextval('settlement_data_version')").query(Long.class).single();
    }

    // After the commit of each audited change to what settlement reads (retried until it succeeds, by the event
    // publication registry): the answers before it are no longer current, on any instance.

    @ApplicationModuleListener
    void on(SettlementEvents.RateChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(SettlementEvents.SettlementChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(AgreementEvents.AgreementChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(AgreementEvents.DispensationChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(RegistryEvents.FacilityChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(RegistryEvents.PracticeChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(RegistryEvents.DoctorChange change) {
        bump();
    }

    /** An approved change request changes a practice's VAT status or provider number. */
    @ApplicationModuleListener
    void on(RegistryEvents.ChangeRequestChange change) {
        bump();
    }

    @ApplicationModuleListener
    void on(RegistryEvents.GroupCreated change) {
        bump();
    }

    @ApplicationModuleListener
    void on(RegistryEvents.RegionsMergerRegistered change) {
        bump();
    }
}
