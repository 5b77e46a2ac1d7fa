package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.BusyException;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * At most {@link #CONCURRENT} imports at a time (issue 10: six large files at once exhausted the
 * heap). A third is not queued but answered at once with 429 {@code IMPORT_BUSY} and
 * {@code Retry-After}, so waiting uploads hold neither memory nor a request thread.
 */
@Component
class ImportSlots {

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
}
