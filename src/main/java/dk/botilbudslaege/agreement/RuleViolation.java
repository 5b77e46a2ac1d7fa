package dk.botilbudslaege.agreement;

/**
 * The agreement rules of SPEC §3 a request can break, most specific first: where several are broken,
 * the first in this order is the answer's code (e.g. a nursing-home doctor gets
 * NURSING_HOME_CONFLICT, not DOCTOR_ROLE_LIMIT).
 */
public enum RuleViolation {
    /** R5: only facilities whose legal basis is in scope on the start date can get an agreement. */
    LEGAL_BASIS_NOT_IN_SCOPE,
    /** R4: a unit has at most one active agreement at any date. */
    UNIT_ALREADY_COVERED,
    /** R2: nursing-home doctor and facility doctor at once needs a dispensation. */
    NURSING_HOME_CONFLICT,
    /** R1: at most one fixed-doctor role at a time, unless a dispensation allows more. */
    DOCTOR_ROLE_LIMIT,
    /** R3: a practice's fixed-doctor roles may not exceed its doctor capacities. */
    PRACTICE_CAPACITY,
    /** R6: no other (consultant) contract for the role besides the agreement. */
    OTHER_CONTRACT;

    public String messageKey() {
        return "rule." + name();
    }
}
