package dk.botilbudslaege.collaboration;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A sick-visit request as read (API.md "Added: collaboration"). Times are Danish local time. A reader who
 * is neither the facility side nor the doctor (the region, a municipality reading a regional facility)
 * gets {@code references} empty and {@code note} null, with {@code referencesHidden} true: they read the
 * counts and the status, not the facility's references.
 */
public record SickVisit(
        long id,
        long facilityId,
        String facilityName,
        long agreementId,
        long doctorId,
        String doctorName,
        LocalDateTime wantedFrom,
        LocalDateTime wantedTo,
        int residents,
        List<String> references,
        String note,
        boolean referencesHidden,
        boolean shortNotice,
        SickVisitStatus status,
        LocalDateTime requestedAt,
        LocalDateTime acknowledgedAt,
        LocalDateTime doneAt) {

    /** The same request without the facility's references and note. */
    SickVisit withoutReferences() {
        return new SickVisit(
                id,
                facilityId,
                facilityName,
                agreementId,
                doctorId,
                doctorName,
                wantedFrom,
                wantedTo,
                residents,
                List.of(),
                null,
                true,
                shortNotice,
                status,
                requestedAt,
                acknowledgedAt,
                doneAt);
    }
}
