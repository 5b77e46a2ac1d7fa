package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/**
 * The changes to a cooperation plan, one event each, published in the transaction of the change (the audit
 * trail records them under the agreement's plan).
 */
public final class CooperationPlanEvents {

    private CooperationPlanEvents() {}

    /** A cooperation plan changed: the audit trail records it under the plan (its agreement's id). */
    public interface CooperationPlanChange extends AuditedChange {
        long agreementId();

        default String entityType() {
            return CooperationPlans.ENTITY;
        }

        default Object entityId() {
            return agreementId();
        }
    }

    /** The first draft was made. */
    public record Drafted(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements CooperationPlanChange {
        public String action() {
            return "CREATED";
        }
    }

    /** A new draft version was made. */
    public record Redrafted(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements CooperationPlanChange {
        public String action() {
            return "UPDATED";
        }
    }

    /** The other party accepted the current version. */
    public record Accepted(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements CooperationPlanChange {
        public String action() {
            return "ACCEPTED";
        }
    }

    /** The facility's contact person changed (with a draft). */
    public record ContactChanged(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements CooperationPlanChange {
        public String action() {
            return "CONTACT_CHANGED";
        }
    }
}
