package dk.botilbudslaege.collaboration;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of an agreement's cooperation plan (samarbejdsplan, SPEC §7, seed 003) as read (API.md "Added:
 * collaboration"): what it says, the facility's contact person as of that version, the substitute doctor of the
 * same practice who covers holidays and illness, and who drafted and who accepted it. {@code version} is the
 * plan's version number and the optimistic lock of the next change.
 */
public record CooperationPlan(
        long agreementId,
        LocalDate startDate,
        String scope,
        String schedule,
        String meetings,
        String communication,
        String contactName,
        ContactRole contactRole,
        String contactEmail,
        String contactPhone,
        String substituteDoctor,
        Long substituteDoctorId,
        int version,
        Status status,
        Side draftedSide,
        String draftedBy,
        OffsetDateTime draftedAt,
        String acceptedBy,
        OffsetDateTime acceptedAt) {

    /** A plan is a draft until the other party accepts it; any later change makes a new draft version. */
    public enum Status {
        DRAFT,
        ACCEPTED
    }

    /** The party that drafted a version: the facility side or the doctor (see {@link Parties}). */
    public enum Side {
        FACILITY,
        DOCTOR
    }

    /** The facility's contact person (seed 003): a health professional or a leader responsible for residents' health. */
    public enum ContactRole {
        HEALTH_PROFESSIONAL,
        HEALTH_LEADER
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }

    /** The facility's contact person as a dated row of its history. */
    public record Contact(
            String name, ContactRole role, String email, String phone, OffsetDateTime validFrom, String changedBy) {}

    /** A running agreement without an accepted plan 30 days after its start (issue 13 item 1). */
    public record Missing(
            long agreementId,
            String unitName,
            java.util.List<Long> facilityIds,
            String municipalityCode,
            String municipalityName,
            String doctorName,
            LocalDate startDate,
            long daysSinceStart,
            String planStatus) {}

    /** A doctor of the agreement doctor's practice who may be named as substitute. */
    public record Colleague(long id, String name) {}
}
