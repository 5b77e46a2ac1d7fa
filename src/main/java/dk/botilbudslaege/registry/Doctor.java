package dk.botilbudslaege.registry;

/**
 * A general practitioner in a practice. A nursing-home doctor (plejehjemslæge) already holds a
 * fixed-doctor role, which counts against R1-R3.
 */
public record Doctor(long id, long practiceId, String practiceName, String providerNumber, String regionCode,
                     String name, boolean nursingHomeDoctor, int version) {

    DoctorData data() {
        return new DoctorData(practiceId, name, nursingHomeDoctor);
    }

    record DoctorData(long practiceId, String name, boolean nursingHomeDoctor) {
    }
}
