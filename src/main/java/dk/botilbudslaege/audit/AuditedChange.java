package dk.botilbudslaege.audit;

import java.util.Map;

/**
 * A domain event that the audit trail records: one per change, published by the module that made it,
 * inside the transaction of the change. It names who acted, the entity, what happened and the fields
 * that changed ({@link AuditTrail#diff} for snapshots).
 */
public interface AuditedChange {

    /** The signed-in username, or "system" for start-up jobs, taken when the change is made. */
    String actor();

    String entityType();

    Object entityId();

    String action();

    Map<String, AuditTrail.Change> changes();
}
