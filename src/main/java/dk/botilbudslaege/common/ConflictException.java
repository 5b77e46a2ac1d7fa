package dk.botilbudslaege.common;

/** The request does not fit the entity's current state (e.g. approving an agreement that is not filed). */
public class ConflictException extends RuntimeException {

    private final String code;
    private final String messageKey;

    public ConflictException(String code, String messageKey) {
        super(code);
        this.code = code;
        this.messageKey = messageKey;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }
}
