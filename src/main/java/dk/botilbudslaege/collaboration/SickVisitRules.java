package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.common.ResidentPrivacy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The rules of a sick-visit request (SPEC §7; seeds 003, 004), without Spring:
 * <ul>
 *   <li>the facility asks preferably 24 hours before the visit: a request whose wanted time begins less
 *       than 24 hours after it is made is allowed but flagged as short notice;</li>
 *   <li>no CPR numbers: a reference or a note that looks like one (ddmmyy-xxxx, ddmmyy xxxx or ten digits
 *       in a row) is refused;</li>
 *   <li>a request is deleted 90 days after the visit: on the 91st day after the visit's day.</li>
 * </ul>
 */
public final class SickVisitRules {

    /** The notice the facility should give (seed 004: "helst 24 timer før"). */
    public static final Duration NOTICE = Duration.ofHours(24);

    /** How long a request is kept after the visit (SPEC §7). */
    public static final int KEPT_DAYS = 90;

    /**
     * A request is for a visit soon, in a window of at most a week, wanted at most 30 days ahead: it holds the
     * facility's references to residents and is deleted 90 days after the visit, so it must not wait for years.
     */
    public static final java.time.Duration LONGEST_WINDOW = java.time.Duration.ofDays(7);

    public static final java.time.Duration FURTHEST_AHEAD = java.time.Duration.ofDays(30);

    private SickVisitRules() {}

    /** Short notice: the visit is wanted to begin less than 24 hours after the request is made. */
    public static boolean shortNotice(Instant requestedAt, Instant wantedFrom) {
        return wantedFrom.isBefore(requestedAt.plus(NOTICE));
    }

    /** Whether the text holds something that looks like a CPR number. */
    public static boolean looksLikeCpr(String text) {
        return ResidentPrivacy.looksLikeCpr(text);
    }

    /** Whether a request whose visit was on this day is to be deleted today. */
    public static boolean expired(LocalDate visitDay, LocalDate today) {
        return visitDay.isBefore(today.minusDays(KEPT_DAYS));
    }

    /** The last visit day still kept today: visits before it are deleted. */
    public static LocalDate oldestKept(LocalDate today) {
        return today.minusDays(KEPT_DAYS);
    }
}
