package dk.botilbudslaege.agreement;

import java.time.LocalDate;

/** Published when the region approves an agreement: it is paid from {@code startDate} (SPEC §3, F5). */
public record AgreementApproved(long agreementId, LocalDate startDate) {
}
