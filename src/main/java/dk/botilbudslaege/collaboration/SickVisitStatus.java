package dk.botilbudslaege.collaboration;

import java.util.Optional;

/** Where a sick-visit request stands; the doctor moves it on, one step at a time (issue 13 item 4). */
public enum SickVisitStatus {
    /** Asked by the facility side; the doctor has not answered yet. */
    REQUESTED,
    /** The doctor has seen the request and will come. */
    ACKNOWLEDGED,
    /** The doctor has made the visit. */
    DONE;

    /** The only status this one may become, if any: REQUESTED → ACKNOWLEDGED → DONE. */
    public Optional<SickVisitStatus> next() {
        return switch (this) {
            case REQUESTED -> Optional.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> Optional.of(DONE);
            case DONE -> Optional.empty();
        };
    }
}
