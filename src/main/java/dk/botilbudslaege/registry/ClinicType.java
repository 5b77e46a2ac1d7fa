package dk.botilbudslaege.registry;

/** Clinic types that may all serve as fixed doctor (seed 004). */
public enum ClinicType {
    ORDINARY,
    TENDER,
    REGIONAL
}
