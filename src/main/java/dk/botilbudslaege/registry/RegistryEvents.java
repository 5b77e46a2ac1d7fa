package dk.botilbudslaege.registry;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The changes the registry makes, one event each, published in the transaction of the change (the
 * audit trail records them; coverage listens after commit).
 */
public final class RegistryEvents {

    private RegistryEvents() {}

    /** An update that changed no field is no change: nothing is published, so nothing is recorded. */
    static void publishIfChanged(ApplicationEventPublisher events, AuditedChange change) {
        if (!change.changes().isEmpty()) {
            events.publishEvent(change);
        }
    }

    /** A facility changed: the audit trail records it under the facility. */
    public interface FacilityChange extends AuditedChange {
        long facilityId();

        default String entityType() {
            return Facilities.ENTITY;
        }

        default Object entityId() {
            return facilityId();
        }
    }

    /** A practice changed: the audit trail records it under the practice. */
    public interface PracticeChange extends AuditedChange {
        long practiceId();

        default String entityType() {
            return Practices.ENTITY;
        }

        default Object entityId() {
            return practiceId();
        }
    }

    /** A doctor changed: the audit trail records it under the doctor. */
    public interface DoctorChange extends AuditedChange {
        long doctorId();

        default String entityType() {
            return Doctors.ENTITY;
        }

        default Object entityId() {
            return doctorId();
        }
    }

    /** A change request changed: the audit trail records it under the change request. */
    public interface ChangeRequestChange extends AuditedChange {
        long changeRequestId();

        default String entityType() {
            return ChangeRequests.ENTITY;
        }

        default Object entityId() {
            return changeRequestId();
        }
    }

    /** A facility was created. */
    public record FacilityCreated(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements FacilityChange {
        public String action() {
            return "CREATED";
        }
    }

    /** A facility's fields (or its group) changed. */
    public record FacilityChanged(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements FacilityChange {
        public String action() {
            return "UPDATED";
        }
    }

    /** A facility got a section. */
    public record SectionAdded(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements FacilityChange {
        public String action() {
            return "SECTION_ADDED";
        }
    }

    /** A facility lost a section. */
    public record SectionRemoved(long facilityId, Map<String, AuditTrail.Change> changes, String actor)
            implements FacilityChange {
        public String action() {
            return "SECTION_REMOVED";
        }
    }

    /** A practice was created. */
    public record PracticeCreated(long practiceId, Map<String, AuditTrail.Change> changes, String actor)
            implements PracticeChange {
        public String action() {
            return "CREATED";
        }
    }

    /** A practice's fields changed. */
    public record PracticeChanged(long practiceId, Map<String, AuditTrail.Change> changes, String actor)
            implements PracticeChange {
        public String action() {
            return "UPDATED";
        }
    }

    /** A practice's VAT status changed from a date, by a change request. */
    public record VatStatusChanged(long practiceId, Map<String, AuditTrail.Change> changes, String actor)
            implements PracticeChange {
        public String action() {
            return "VAT_STATUS";
        }
    }

    /** A doctor was created. */
    public record DoctorCreated(long doctorId, Map<String, AuditTrail.Change> changes, String actor)
            implements DoctorChange {
        public String action() {
            return "CREATED";
        }
    }

    /** A doctor's fields changed. */
    public record DoctorChanged(long doctorId, Map<String, AuditTrail.Change> changes, String actor)
            implements DoctorChange {
        public String action() {
            return "UPDATED";
        }
    }

    /** A facility group was formed. */
    public record GroupCreated(long groupId, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return FacilityGroups.ENTITY;
        }

        public Object entityId() {
            return groupId;
        }

        public String action() {
            return "CREATED";
        }
    }

    /** A practice filed a change request. */
    public record ChangeRequestFiled(long changeRequestId, Map<String, AuditTrail.Change> changes, String actor)
            implements ChangeRequestChange {
        public String action() {
            return "FILED";
        }
    }

    /** The region approved a change request. */
    public record ChangeRequestApproved(long changeRequestId, Map<String, AuditTrail.Change> changes, String actor)
            implements ChangeRequestChange {
        public String action() {
            return "APPROVED";
        }
    }

    /** The region rejected a change request, with a reason. */
    public record ChangeRequestRejected(long changeRequestId, Map<String, AuditTrail.Change> changes, String actor)
            implements ChangeRequestChange {
        public String action() {
            return "REJECTED";
        }
    }

    /** A legal basis was put in or out of scope from a date ({@code basis/validFrom}). */
    public record ScopeSet(String scope, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return LegalBasisScopes.ENTITY;
        }

        public Object entityId() {
            return scope;
        }

        public String action() {
            return "CREATED";
        }
    }

    /** Regions merge into a new one from a date (issue 15 item 4): recorded under the new region's code. */
    public record RegionsMergerRegistered(String regionCode, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return RegionMergers.ENTITY;
        }

        public Object entityId() {
            return regionCode;
        }

        public String action() {
            return "MERGER_REGISTERED";
        }
    }
}
