package dk.botilbudslaege.agreement;

import dk.botilbudslaege.audit.AuditTrail;
import java.time.LocalDate;
import java.util.Map;

/**
 * Published when the region approves an agreement: it is paid from {@code startDate} (SPEC §3, F5).
 * The audit trail records it; coverage answers change with it.
 */
public record AgreementApproved(long agreementId, LocalDate startDate, String actor)
        implements AgreementEvents.AgreementChange {

    public String action() {
        return "APPROVED";
    }

    public Map<String, AuditTrail.Change> changes() {
        return Map.of("status", new AuditTrail.Change(AgreementStatus.SUBMITTED.name(), AgreementStatus.ACTIVE.name()));
    }
}
