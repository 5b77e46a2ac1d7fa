package dk.botilbudslaege.collaboration;

import java.time.YearMonth;

/**
 * One facility's counts for one month (issue 13 item 5, SPEC §5 C5): how many residents lived there, how many
 * of them are enrolled with the fixed doctor, how many are temporary, and how many new residents were told
 * about the choice of doctor. Counts only: no person is named anywhere.
 */
public record ResidentCount(
        long facilityId, YearMonth month, int residents, int enrolled, int temporary, int toldAboutChoice) {}
