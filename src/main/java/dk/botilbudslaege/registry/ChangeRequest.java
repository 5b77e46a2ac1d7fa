package dk.botilbudslaege.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A doctor's request that the region change a region-owned field of their practice or of one of its
 * doctors (issue 10, SPEC F5 for VAT). {@code PENDING} until the region of the practice approves it
 * (the change is applied, from {@code validFrom} where the field is dated) or rejects it with a reason;
 * a decided request is never decided again.
 *
 * @param doctorId set for a doctor's field ({@code nursingHomeDoctor}), else null
 * @param oldValue the value when the request was filed (for VAT: in force on {@code validFrom})
 */
public record ChangeRequest(
        long id,
        long practiceId,
        String practiceName,
        String providerNumber,
        String regionCode,
        Long doctorId,
        String doctorName,
        String field,
        String newValue,
        String oldValue,
        LocalDate validFrom,
        String reason,
        Status status,
        String filedBy,
        OffsetDateTime filedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason) {

    public enum Status {
        /** Filed by the doctor, waiting for the region. */
        PENDING,
        /** Approved by the region; the change is applied. */
        APPROVED,
        /** Rejected by the region, with a reason. */
        REJECTED
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
