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

    /**
     * Review 16 finding 4: whether the caller may open the agreement (the agreement module's own read check), so a
     * page links to it only then and names it in plain text otherwise.
     */
    boolean canReadAgreement(dk.botilbudslaege.security.CurrentUser user, long agreementId);

    // i16-rest: practice capacities used (R3), shown on the practice page

    /**
     * A practice's doctor capacities and the roles that count against them today (R3), with each doctor's
     * facility roles against what R1 allows it; empty when the practice has no doctors.
     */
    java.util.Optional<PracticeLoad> practiceLoad(long practiceId);

    /** Used and limit of a practice (R3) and of each of its doctors (R1), as the agreement rules count them. */
    record PracticeLoad(int capacity, int counted, java.util.Map<Long, DoctorLoad> doctors) {

        public PracticeLoad {
            doctors = java.util.Map.copyOf(doctors);
        }

        public int free() {
            return Math.max(0, capacity - counted);
        }

        /** At the limit, or over it (possible after a capacity was lowered). */
        public boolean full() {
            return counted >= capacity;
        }

        public boolean over() {
            return counted > capacity;
        }
    }

    /**
     * A doctor's facility roles (R1 counts sections held on extra capacities as one) of those allowed (one, or a
     * dispensation's maximum), and the roles it counts against its practice (R3).
     */
    record DoctorLoad(int roles, int allowed, int countedInPractice, boolean dispensed, boolean nursingHomeDoctor) {

        public boolean full() {
            return roles >= allowed;
        }
    }
}
