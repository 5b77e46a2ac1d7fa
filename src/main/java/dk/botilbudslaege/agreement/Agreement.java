package dk.botilbudslaege.agreement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An agreement as read: the doctor, the unit (with its facilities and residents), the dates and the
 * status of today. {@code monthlyHours} follows F2 from the unit's residents today or a dispensation.
 * {@code endReason} and {@code endedBy} are set when the region ended the agreement (SPEC §3): it ends
 * on {@code endDate}, for that reason.
 */
public record Agreement(
        long id,
        AgreementStatus status,
        long doctorId,
        String doctorName,
        long practiceId,
        String providerNumber,
        String practiceName,
        boolean vatRegistered,
        UnitKind unitKind,
        List<Long> facilityIds,
        Long sectionId,
        Long groupId,
        String unitName,
        String municipalityCode,
        String municipalityName,
        String regionCode,
        int residents,
        BigDecimal monthlyHours,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate noticeDate,
        String noticeBy,
        MatchMethod matchMethod,
        String decisionReason,
        String decidedBy,
        OffsetDateTime decidedAt,
        String createdBy,
        int version,
        String endReason,
        String endedBy) {

    /** The first facility of the unit (the facility itself, the section's facility, or a group member). */
    public Long facilityId() {
        return facilityIds.isEmpty() ? null : facilityIds.get(0);
    }
}
