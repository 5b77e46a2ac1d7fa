package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An application for a dispensation (SPEC §3; seed 004 § 65 stk. 2), filed by a municipality or by the
 * doctor, decided by the region of the doctor's practice: granting it creates the dispensation.
 *
 * @param hours        the monthly hours applied for (kind HOURS only)
 * @param municipalityCode the applying municipality, null when the doctor applied
 * @param regionCode   the region of the doctor's practice, which decides
 */
public record DispensationApplication(
        long id,
        Status status,
        DispensationKind kind,
        long doctorId,
        String doctorName,
        List<Long> facilityIds,
        List<String> facilityNames,
        BigDecimal hours,
        String reason,
        String applicantRole,
        String municipalityCode,
        String appliedBy,
        OffsetDateTime appliedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason,
        Long dispensationId,
        String regionCode) {

    public DispensationApplication {
        facilityIds = List.copyOf(facilityIds);
        facilityNames = List.copyOf(facilityNames);
    }

    public enum Status {
        PENDING,
        GRANTED,
        REFUSED
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
