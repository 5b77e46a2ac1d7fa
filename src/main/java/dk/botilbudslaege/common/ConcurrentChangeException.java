package dk.botilbudslaege.common;

/** A stale update: someone else saved the entity after the caller read it. Never overwrite. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String entityType, Object id) {
        super(entityType + " " + id + " was changed by someone else");
    }
}
