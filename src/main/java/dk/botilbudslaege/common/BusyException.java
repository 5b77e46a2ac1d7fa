package dk.botilbudslaege.common;

/**
 * The server does not take on more of this work now: try again after {@code retryAfterSeconds}.
 * Answered as 429 with a {@code Retry-After} header and the stable {@code code}, e.g.
 * {@code IMPORT_BUSY} when two imports are already running.
 */
public class BusyException extends RuntimeException {

    private final String code;
    private final String messageKey;
    private final int retryAfterSeconds;

    public BusyException(String code, String messageKey, int retryAfterSeconds) {
        super(code);
        this.code = code;
        this.messageKey = messageKey;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
