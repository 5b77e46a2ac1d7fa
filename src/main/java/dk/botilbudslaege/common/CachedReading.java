package dk.botilbudslaege.common;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read now and then (issue 17 item 4: the gauges that count rows): read at most once per {@code maxAge},
 * however often a scraper asks. A failed read (the database away) keeps the failure for {@code maxAge} too, so a
 * scrape never waits on the pool more than once; the gauge then reads {@code null} (NaN).
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final Supplier<T> reader;
    private final long maxAgeNanos;
    private long readAt;
    private boolean read;
    private T value;

    public CachedReading(Duration maxAge, Supplier<T> reader) {
        this.reader = reader;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The last value, read again when older than the maximum age; null when the last read failed. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            try {
                value = reader.get();
            } catch (RuntimeException e) {
                log.debug("gauge read failed: {}", e.toString());
                value = null;
            }
            read = true;
            readAt = now;
        }
        return value;
    }

    /** A gauge's value: {@code field} of the last value, NaN when the last read failed. */
    public double gauge(ToDoubleFunction<T> field) {
        T v = get();
        return v == null ? Double.NaN : field.applyAsDouble(v);
    }
}
