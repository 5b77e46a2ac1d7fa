package dk.botilbudslaege.agreement;

/** What an agreement binds the doctor to (SPEC §3, R4, R7). */
public enum UnitKind {
    FACILITY,
    SECTION,
    GROUP
}
