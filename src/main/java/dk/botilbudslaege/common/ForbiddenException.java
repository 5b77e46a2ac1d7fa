package dk.botilbudslaege.common;

/** The caller is known and the thing exists, but the caller's scope does not allow this (SPEC §1). */
public class ForbiddenException extends RuntimeException {

    private final String messageKey;

    public ForbiddenException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** A message key in messages_da/messages_en that explains what the scope allows. */
    public String messageKey() {
        return messageKey;
    }
}
