package dk.botilbudslaege.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Regions merge into a new one from a date (issue 15 item 4; SPEC §2: a data change with a validity date). Published
 * inside the transaction that registers the merger: a module that stores a region code on rows that move with it
 * (open rounds, running surveys, settlements of later months) listens with {@code @EventListener} and
 * {@code @Transactional(propagation = MANDATORY)}, so the merger is all or nothing.
 */
public record RegionsMerged(List<String> mergedCodes, String newCode, String newName, LocalDate effectiveDate) {

    public RegionsMerged {
        mergedCodes = List.copyOf(mergedCodes);
    }
}
