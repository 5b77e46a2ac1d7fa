package dk.botilbudslaege.settlement;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.time.LocalDate;
import java.util.Map;

/**
 * The changes settlement makes, one event each, published in the transaction of the change (the audit
 * trail records them).
 */
public final class SettlementEvents {

    private SettlementEvents() {}

    /** An hourly rate changed: the audit trail records it under the date it is valid from. */
    public interface RateChange extends AuditedChange {
        LocalDate validFrom();

        default String entityType() {
            return Rates.ENTITY;
        }

        default Object entityId() {
            return validFrom();
        }
    }

    /** A region's month changed: the audit trail records it under {@code region/month}. */
    public interface SettlementChange extends AuditedChange {
        String regionMonth();

        default String entityType() {
            return Settlements.ENTITY;
        }

        default Object entityId() {
            return regionMonth();
        }
    }

    /** An hourly rate was set from a date. */
    public record RateSet(LocalDate validFrom, Map<String, AuditTrail.Change> changes, String actor)
            implements RateChange {
        public String action() {
            return "CREATED";
        }
    }

    /** A rate not yet used was corrected. */
    public record RateCorrected(LocalDate validFrom, Map<String, AuditTrail.Change> changes, String actor)
            implements RateChange {
        public String action() {
            return "CORRECTED";
        }
    }

    /** A rate not yet used was removed. */
    public record RateRemoved(LocalDate validFrom, Map<String, AuditTrail.Change> changes, String actor)
            implements RateChange {
        public String action() {
            return "REMOVED";
        }
    }

    /** A region's month was settled ({@code region/month}). */
    public record MonthRun(String regionMonth, Map<String, AuditTrail.Change> changes, String actor)
            implements SettlementChange {
        public String action() {
            return "RUN";
        }
    }

    /** A region's settled month was approved: OPEN → APPROVED. */
    public record MonthApproved(String regionMonth, Map<String, AuditTrail.Change> changes, String actor)
            implements SettlementChange {
        public String action() {
            return "APPROVED";
        }
    }
}
