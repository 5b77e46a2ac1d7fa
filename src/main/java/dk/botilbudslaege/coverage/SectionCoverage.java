package dk.botilbudslaege.coverage;

/**
 * C1 with sections (SPEC R4, seed 004 § 65: "større botilbud som opdeles i ét eller flere
 * afsnit/afdelinger á minimum 30 beboere"; issue 11 item 9): how a facility stands on a day, from
 * what the approved agreements in force that day cover.
 * <ul>
 * <li>A facility covered whole (its own agreement, or its group's) is {@link State#COVERED} with all
 * its places.</li>
 * <li>A facility split into sections is {@link State#COVERED} when every section has a doctor, with all
 * its places; {@link State#PARTLY_COVERED} ("delvist dækket") when some but not all do, with the
 * places of the covered sections only. The section table records residents (at least 30 each), not
 * places, so a section's places are its residents, never more than the facility's places.</li>
 * <li>C1 counts a facility "with an active agreement that day": a partly covered facility stays among
 * the covered facilities (the C1 figure is unchanged) and is also counted on its own as partly
 * covered.</li>
 * </ul>
 * {@code CoverageQueries} holds the same rule in SQL; this class is its statement and its test.
 */
public final class SectionCoverage {

    /** A facility's standing on one day. */
    public enum State {
        NOT_COVERED,
        PARTLY_COVERED,
        COVERED
    }

    private SectionCoverage() {}

    /**
     * @param whole           an agreement covering the whole facility is in force
     * @param sectionsCovered sections of the facility with an agreement in force
     * @param sections        sections the facility is split into (0: not split)
     */
    public static State state(boolean whole, int sectionsCovered, int sections) {
        if (whole || (sections > 0 && sectionsCovered >= sections)) {
            return State.COVERED;
        }
        return sectionsCovered > 0 ? State.PARTLY_COVERED : State.NOT_COVERED;
    }

    /** Whether C1 counts the facility as covered: whole, or at least one section (partly covered counts). */
    public static boolean countsAsCovered(boolean whole, int sectionsCovered, int sections) {
        return state(whole, sectionsCovered, sections) != State.NOT_COVERED;
    }

    /**
     * The covered places: all of them when covered, the covered sections' residents (capped at the
     * facility's places) when partly covered, none otherwise.
     */
    public static long coveredPlaces(
            boolean whole, int sectionsCovered, int sections, long coveredSectionResidents, long places) {
        return switch (state(whole, sectionsCovered, sections)) {
            case COVERED -> places;
            case PARTLY_COVERED -> Math.min(places, coveredSectionResidents);
            case NOT_COVERED -> 0;
        };
    }
}
