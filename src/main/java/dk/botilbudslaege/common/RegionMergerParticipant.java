package dk.botilbudslaege.common;

import java.time.LocalDate;
import java.util.List;

/**
 * A module that stores region codes on its own rows takes part in a region merger (issue 15 item 4) without the
 * registry reading its tables: it counts what the merger touches for the preview, refuses a merger it cannot
 * follow, and moves what must move once the merger's date is reached (the registry's daily job, under an advisory
 * lock, in one transaction; idempotent).
 */
public interface RegionMergerParticipant {

    /** One line of the preview: a message key (prefix {@code merger.consequence.}) and a count. */
    record Consequence(String messageKey, long count) {}

    default List<Consequence> consequences(List<String> oldCodes, LocalDate date) {
        return List.of();
    }

    default List<FieldProblem> refusals(List<String> oldCodes, LocalDate date) {
        return List.of();
    }

    /** Moves the rows of merged regions whose merger has taken effect on {@code today}; answers how many moved. */
    default int takeEffect(LocalDate today) {
        return 0;
    }
}
