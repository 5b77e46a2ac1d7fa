package dk.botilbudslaege.security;

/** The six kinds of user of SPEC §1; each has exactly one scope. */
public enum Role {
    /** Region employee (Sundhedsplanlægning, Socialområdet): one region. */
    REGION,
    /** Municipal contact, practice consultant or development nurse: one municipality. */
    MUNICIPALITY,
    /** Contact person at a facility: one facility. */
    FACILITY,
    /** General practitioner: their own practice. */
    DOCTOR,
    /** Central parties (RLTN, PLO, KL): read-only, aggregates only. */
    NATIONAL,
    /**
     * The scheme's central administration: national; keeps the hourly rate, the legal bases in scope and
     * the coverage targets. Reads what the national viewer reads (aggregates), nothing of one region.
     */
    ADMIN
}
