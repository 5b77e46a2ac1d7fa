package dk.botilbudslaege.agreement;

/** What a dispensation granted by the region lifts (SPEC §3, seed 004 § 65 stk. 2). */
public enum DispensationKind {
    /** The doctor may serve more than one facility, up to a maximum count (lifts R1). */
    MULTIPLE_FACILITIES,
    /** The doctor may be nursing-home doctor and facility doctor at once (lifts R2). */
    NURSING_HOME_AND_FACILITY,
    /** Sets the monthly hours of the doctor's agreements while valid (F2). */
    HOURS
}
