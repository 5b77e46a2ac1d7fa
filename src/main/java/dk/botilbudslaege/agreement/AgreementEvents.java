package dk.botilbudslaege.agreement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.util.Map;

/**
 * The changes the agreement module makes, one event each, published in the transaction of the change
 * (the audit trail records them; coverage and later the notifications listen after commit).
 * {@link AgreementApproved} is the one with a name of its own.
 */
public final class AgreementEvents {

    private AgreementEvents() {}

    /** An agreement changed: the audit trail records it under the agreement. */
    public interface AgreementChange extends AuditedChange {
        long agreementId();

        default String entityType() {
            return Agreements.ENTITY;
        }

        default Object entityId() {
            return agreementId();
        }
    }

    /** A dispensation changed: the audit trail records it under the dispensation. */
    public interface DispensationChange extends AuditedChange {
        long dispensationId();

        default String entityType() {
            return Dispensations.ENTITY;
        }

        default Object entityId() {
            return dispensationId();
        }
    }

    /** An application for a dispensation changed: the audit trail records it under the application. */
    public interface DispensationApplicationChange extends AuditedChange {
        long applicationId();

        default String entityType() {
            return DispensationApplications.ENTITY;
        }

        default Object entityId() {
            return applicationId();
        }
    }

    /** A draft was created. */
    public record Created(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "CREATED";
        }
    }

    /** A draft was changed. */
    public record Changed(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "UPDATED";
        }
    }

    /** The information form was filed: DRAFT → SUBMITTED. */
    public record Filed(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "SUBMITTED";
        }
    }

    /** The region said no, with a reason: SUBMITTED → REJECTED. */
    public record Rejected(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "REJECTED";
        }
    }

    /** The filer took a draft or a filed form back. */
    public record Withdrawn(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "WITHDRAWN";
        }
    }

    /** A party gave notice: the agreement ends on a stated date. */
    public record NoticeGiven(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "NOTICE_GIVEN";
        }
    }

    /** The region ended the agreement, with a reason. */
    public record EndedByRegion(long agreementId, Map<String, AuditTrail.Change> changes, String actor)
            implements AgreementChange {
        public String action() {
            return "ENDED_BY_REGION";
        }
    }

    /** The region granted a dispensation. */
    public record DispensationGranted(long dispensationId, Map<String, AuditTrail.Change> changes, String actor)
            implements DispensationChange {
        public String action() {
            return "GRANTED";
        }
    }

    /** A dispensation was ended on a date. */
    public record DispensationEnded(long dispensationId, Map<String, AuditTrail.Change> changes, String actor)
            implements DispensationChange {
        public String action() {
            return "ENDED";
        }
    }

    /** Someone applied for a dispensation. */
    public record DispensationApplied(long applicationId, Map<String, AuditTrail.Change> changes, String actor)
            implements DispensationApplicationChange {
        public String action() {
            return "APPLIED";
        }
    }

    /** An application was granted. */
    public record DispensationApplicationGranted(
            long applicationId, Map<String, AuditTrail.Change> changes, String actor)
            implements DispensationApplicationChange {
        public String action() {
            return "GRANTED";
        }
    }

    /** An application was refused, with a reason. */
    public record DispensationApplicationRefused(
            long applicationId, Map<String, AuditTrail.Change> changes, String actor)
            implements DispensationApplicationChange {
        public String action() {
            return "REFUSED";
        }
    }
}
