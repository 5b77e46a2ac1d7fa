package dk.botilbudslaege.coverage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coverage answers kept while the data behind them is unchanged. Any committed change to agreements,
 * their coverage, facilities, dispensations, legal-basis scope or regions (V7), or to facility sections
 * and filed information forms (V15: partly covered facilities and the pipeline) draws a new number
 * from the sequence {@code coverage_data_version}, which is part of every key; entries also expire after
 * {@link #TTL}, which bounds the effect of a change committing while an answer is computed.
 */
@Component
class CoverageCache {

    static final Duration TTL = Duration.ofSeconds(10);
    static final int MAX_ENTRIES = 2_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Object value, Instant until) {
    }

    @Autowired
    CoverageCache(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    CoverageCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        String versioned = version() + "|" + key;
        Instant now = clock.instant();
        Entry hit = entries.get(versioned);
        if (hit != null && hit.until().isAfter(now)) {
            return copy((T) hit.value());
        }
        T value = copy(compute.get());
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(versioned, new Entry(value, now.plus(TTL)));
        return copy(value);
    }

    private long version() {
        return jdbc.sql("select last_value + case when is_called then 1 else 0 end from coverage_data_version")
                .query(Long.class).single();
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
