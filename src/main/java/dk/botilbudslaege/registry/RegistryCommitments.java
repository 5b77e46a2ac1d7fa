package dk.botilbudslaege.registry;

/**
 * What other modules have built on registry entries, asked before the registry changes them. The registry
 * declares the question and knows nothing of who answers it (the agreement module does), so it depends on no
 * module that depends on it, neither in Java nor in SQL (issue 12).
 */
public interface RegistryCommitments {

    /** The fewest capacities the doctor must keep for the roles it holds now or from now on (1 when none). */
    int capacitiesInUse(long doctorId);

    /** Something refers to the section, so it cannot be removed. */
    boolean sectionInUse(long sectionId);

    /** The group's members are fixed today: a commitment to the group is, or will be, in force. */
    boolean groupFixed(long groupId);
}
