package dk.botilbudslaege.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.botilbudslaege.audit.AuditedChange;
import dk.botilbudslaege.common.SharedComputations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Coverage answers kept while the data behind them is unchanged. Any committed change to agreements,
 * their coverage, facilities, dispensations, legal-basis scope or regions (V7), or to facility sections
 * and filed information forms (V15: partly covered facilities and the pipeline) draws a new number
 * from the sequence {@code coverage_data_version}, which is part of every key. The triggers draw it at
 * commit, whoever writes (services, the demo loader, the registry import, a migration); after the
 * commit of a change made through a service, its event draws one more, so that an answer computed
 * between the trigger and the commit is not kept. Entries also expire after {@link #TTL}.
 *
 * <p>i17-cov: the key also carries the database's {@code current_date}, so no answer outlives its day; the TTL
 * (was 10 s) now only bounds an answer read in the moment between a trigger's number and its commit by a writer
 * that publishes no event (a migration, the demo loader): 60 s, one recomputation a minute instead of six.
 */
@Component
class CoverageCache {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 2_000;
    private static final String VERSION_OF_REQUEST = CoverageCache.class.getName() + ".version";

    private final JdbcClient jdbc;
    private final Cache<String, Object> entries =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_ENTRIES).build();

    /**
     * i17-load: concurrent misses of one key wait for the first computation instead of each running the same queries
     * (under load the dashboard's queries ran once per waiting request whenever an entry expired).
     */
    private final SharedComputations computations = new SharedComputations();

    CoverageCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        String versioned = version() + "|" + key;
        Object hit = entries.getIfPresent(versioned);
        if (hit != null) {
            return copy((T) hit);
        }
        // computed outside the cache's lock: an answer may ask for another one
        T value = computations.compute(versioned, () -> {
            T computed = copy(compute.get());
            if (computed != null) {
                entries.put(versioned, computed);
            }
            return computed;
        });
        return copy(value);
    }

    /**
     * Every audited change, {@code AgreementApproved} among them, after its commit and retried until it
     * succeeds (event publication registry): the answers before it are no longer current, on any instance.
     */
    @ApplicationModuleListener
    void on(AuditedChange change) {
        jdbc.sql("select nextval('coverage_data_version')").query(Long.class).single();
    }

    /**
     * i17-cov: the version and the database's date, read in one statement: answers that count "today" in SQL
     * ({@code current_date}: the registry's counts per region, the current month of the history) are then never
     * served after midnight, on any instance, however long the entries live.
     */
    private String version() {
        // i18-misc: read once per GET request (the /coverage page asks about 14 times); a request that changes
        // data (POST, PUT, …) reads it anew each time, so what it shows after its own change is current
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean reading = request instanceof ServletRequestAttributes servlet
                && ("GET".equals(servlet.getRequest().getMethod())
                        || "HEAD".equals(servlet.getRequest().getMethod()));
        if (reading && request.getAttribute(VERSION_OF_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof String v) {
            return v;
        }
        String version = readVersion();
        if (reading) {
            request.setAttribute(VERSION_OF_REQUEST, version, RequestAttributes.SCOPE_REQUEST);
        }
        return version;
    }

    private String readVersion() {
        return jdbc.sql("select (last_value + case when is_called then 1 else 0 end) || '|' || current_date"
                        + " from coverage_data_version")
                .query(String.class)
                .single();
    }

    /** The rows are records; the caller gets its own list or map, which it may change. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof List<?> list) {
            return (T) new java.util.ArrayList<>(list);
        }
        if (value instanceof Map<?, ?> map) {
            return (T) new java.util.LinkedHashMap<>(map);
        }
        return value;
    }
}
