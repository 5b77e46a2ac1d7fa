package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/** The changes to resident counts, one event each, published in the transaction of the change. */
public final class ResidentCountEvents {

    private ResidentCountEvents() {}

    /** A facility's counts of one month changed: the audit trail records it under the facility's counts. */
    public interface ResidentCountChange extends AuditedChange {
        long facilityId();

        default String entityType() {
            return ResidentCounts.ENTITY;
        }

        default Object entityId() {
            return facilityId();
        }
    }

    /** The counts of a month were entered for the first time. */
    public record ResidentCountEntered(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements ResidentCountChange {
        public String action() {
            return "RESIDENT_COUNT_ENTERED";
        }
    }

    /** The counts of a month were replaced. */
    public record ResidentCountReplaced(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements ResidentCountChange {
        public String action() {
            return "RESIDENT_COUNT_REPLACED";
        }
    }

    /** The counts of a month were erased (entered by mistake). */
    public record ResidentCountDeleted(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements ResidentCountChange {
        public String action() {
            return "RESIDENT_COUNT_DELETED";
        }
    }
}
