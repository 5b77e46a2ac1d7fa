package dk.botilbudslaege.common;

/** An entity that does not exist, or that the caller may not even know exists. */
public class NotFoundException extends RuntimeException {

    private final String entityType;
    private final Object id;

    public NotFoundException(String entityType, Object id) {
        super(entityType + " " + id + " not found");
        this.entityType = entityType;
        this.id = id;
    }

    public static NotFoundException of(String entityType, Object id) {
        return new NotFoundException(entityType, id);
    }

    public String entityType() {
        return entityType;
    }

    public Object id() {
        return id;
    }
}
