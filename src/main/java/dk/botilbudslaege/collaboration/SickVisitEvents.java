package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/**
 * The changes to sick-visit requests, one audited event each. The changes name the window, the count and
 * the status, never the facility's references or the note: the request itself is deleted after 90 days,
 * and the audit trail keeps nothing that points at a resident.
 */
public final class SickVisitEvents {

    private SickVisitEvents() {}

    /** A sick-visit request changed: the audit trail records it under the request. */
    public interface SickVisitChange extends AuditedChange {
        long sickVisitId();

        default String entityType() {
            return SickVisits.ENTITY;
        }

        default Object entityId() {
            return sickVisitId();
        }
    }

    /** The facility side asked for a visit. */
    public record SickVisitRequested(long sickVisitId, Map<String, AuditTrail.Change> changes, String actor)
            implements SickVisitChange {
        public String action() {
            return "VISIT_REQUESTED";
        }
    }

    /** The doctor acknowledged the request. */
    public record SickVisitAcknowledged(long sickVisitId, Map<String, AuditTrail.Change> changes, String actor)
            implements SickVisitChange {
        public String action() {
            return "VISIT_ACKNOWLEDGED";
        }
    }

    /** The doctor marked the visit done. */
    public record SickVisitDone(long sickVisitId, Map<String, AuditTrail.Change> changes, String actor)
            implements SickVisitChange {
        public String action() {
            return "VISIT_DONE";
        }
    }

    /** The facility side withdrew the request before the visit was done; it is deleted with its references. */
    public record SickVisitWithdrawn(long sickVisitId, Map<String, AuditTrail.Change> changes, String actor)
            implements SickVisitChange {
        public String action() {
            return "VISIT_WITHDRAWN";
        }
    }
}
