package dk.botilbudslaege.coverage;

import dk.botilbudslaege.audit.AuditTrail;
import dk.botilbudslaege.audit.AuditedChange;
import java.time.LocalDate;
import java.util.Map;

/** The changes coverage makes, one event each, published in the transaction of the change. */
public final class CoverageEvents {

    private CoverageEvents() {}

    /** A coverage target was set for a date. */
    public record TargetSet(LocalDate targetDate, Map<String, AuditTrail.Change> changes, String actor)
            implements AuditedChange {
        public String entityType() {
            return CoverageTargets.ENTITY;
        }

        public Object entityId() {
            return targetDate;
        }

        public String action() {
            return "CREATED";
        }
    }
}
