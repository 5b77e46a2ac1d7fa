package dk.botilbudslaege.collaboration;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One advisory session as logged by the doctor and decided by the facility side (API.md
 * {@code /agreements/{id}/sessions}). General topics only: no resident is named, no CPR number stored.
 * {@code version} grows with every change (correction, decision): a decision names the version it saw.
 */
public record AdvisorySession(
        long id,
        long agreementId,
        LocalDate date,
        int durationMinutes,
        Kind kind,
        Format format,
        String topic,
        String notes,
        Status status,
        String comment,
        String loggedBy,
        OffsetDateTime loggedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        int version) {

    /** Advice, teaching, or a cooperation meeting (seed 004). */
    public enum Kind {
        ADVICE,
        TEACHING,
        MEETING
    }

    public enum Format {
        PHYSICAL,
        VIDEO
    }

    /** LOGGED by the doctor; CONFIRMED or QUESTIONED (with a comment) by the facility side. */
    public enum Status {
        LOGGED,
        CONFIRMED,
        QUESTIONED
    }
}
