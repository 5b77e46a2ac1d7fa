package dk.botilbudslaege.registry;

/**
 * A general practitioner in a practice. A nursing-home doctor (plejehjemslæge) already holds a
 * fixed-doctor role, which counts against R1-R3. A doctor holding n of the practice's capacities may be
 * fixed doctor for up to n sections of one facility (SPEC §3).
 */
public record Doctor(
        long id,
        long practiceId,
        String practiceName,
        String providerNumber,
        String regionCode,
        String name,
        boolean nursingHomeDoctor,
        int capacities,
        int version) {

    DoctorData data() {
        return new DoctorData(practiceId, name, nursingHomeDoctor, capacities);
    }

    /**
     * @param capacities how many of the practice's doctor capacities the doctor holds (seed 004 § 65:
     *                   "en læge med ekstra kapacitet"); the sum over a practice's doctors is at most
     *                   the practice's doctor capacity
     */
    public record DoctorData(long practiceId, String name, boolean nursingHomeDoctor, int capacities) {}
}
