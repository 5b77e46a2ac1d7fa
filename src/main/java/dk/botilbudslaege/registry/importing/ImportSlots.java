package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.BusyException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * At most {@link #CONCURRENT} imports at a time (issue 10: six large files at once exhausted the
 * heap). A third is not queued but answered at once with 429 {@code IMPORT_BUSY} and
 * {@code Retry-After}, so waiting uploads hold neither memory nor a request thread.
 *
 * <p>Issue 17 item 4: imports are not queued (no table, no job): the gauge {@code botilbud_import_active} counts the
 * slots taken on this instance, and the refusals show as 429 on the import routes in http_server_requests.
 */
@Component
class ImportSlots implements MeterBinder {

    static final int CONCURRENT = 2;
    static final String BUSY = "IMPORT_BUSY";
    static final int RETRY_AFTER_SECONDS = 10;

    private final Semaphore slots = new Semaphore(CONCURRENT);

    /** Takes a slot, or refuses with {@link BusyException} when all are taken. */
    void acquire() {
        if (!slots.tryAcquire()) {
            throw new BusyException(BUSY, "import.busy", RETRY_AFTER_SECONDS);
        }
    }

    void release() {
        slots.release();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("botilbud.import.active", slots, s -> CONCURRENT - s.availablePermits())
                .description("Registry imports running on this instance (at most " + CONCURRENT + ")")
                .register(registry);
    }
}
