package dk.botilbudslaege.agreement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dk.botilbudslaege.registry.LegalBasis;

/**
 * The rules an agreement must keep when it is created, changed or approved (SPEC §3 R1-R5), each a
 * small function of the facts it needs. {@link #check(Situation)} applies them all and answers the
 * violations, most specific first.
 */
public final class AgreementRules {

    private AgreementRules() {
    }

    /**
     * The facts the rules look at, for one doctor and one unit over the agreement's period.
     *
     * @param unitLegalBases           the legal basis of each facility of the unit
     * @param legalBasesInScope        in scope on the start date (R5)
     * @param unitCoveredByAnother     another approved agreement covers the unit in the period (R4)
     * @param nursingHomeDoctor        the doctor is nursing-home doctor (R2)
     * @param nursingHomeDispensation  a NURSING_HOME_AND_FACILITY dispensation is valid (R2)
     * @param otherFacilityRoles       the doctor's other approved agreements overlapping the period (R1)
     * @param maxFacilities            a MULTIPLE_FACILITIES dispensation's maximum, or null (R1)
     * @param practiceCapacity         the practice's doctor capacities (R3)
     * @param practiceLoads            every doctor of the practice, with this agreement counted (R3)
     */
    public record Situation(Collection<LegalBasis> unitLegalBases, Set<LegalBasis> legalBasesInScope,
                            boolean unitCoveredByAnother, boolean nursingHomeDoctor, boolean nursingHomeDispensation,
                            int otherFacilityRoles, Integer maxFacilities, int practiceCapacity,
                            List<DoctorLoad> practiceLoads) {
    }

    /**
     * One doctor's fixed-doctor roles in a practice. Roles a dispensation allows beyond the first
     * do not count against the practice's capacity (R3: "unless a dispensation covers the extra role").
     */
    public record DoctorLoad(boolean nursingHomeDoctor, int facilityRoles, boolean hasRoleDispensation) {

        int roles() {
            return (nursingHomeDoctor ? 1 : 0) + facilityRoles;
        }

        int countedRoles() {
            return hasRoleDispensation ? Math.min(roles(), 1) : roles();
        }
    }

    public static List<RuleViolation> check(Situation s) {
        List<RuleViolation> violations = new ArrayList<>();
        if (!legalBasisInScope(s.unitLegalBases(), s.legalBasesInScope())) {
            violations.add(RuleViolation.LEGAL_BASIS_NOT_IN_SCOPE);
        }
        if (s.unitCoveredByAnother()) {
            violations.add(RuleViolation.UNIT_ALREADY_COVERED);
        }
        if (!nursingHomeAllowed(s.nursingHomeDoctor(), s.nursingHomeDispensation())) {
            violations.add(RuleViolation.NURSING_HOME_CONFLICT);
        }
        if (!withinDoctorRoleLimit(s.otherFacilityRoles() + 1, s.maxFacilities())) {
            violations.add(RuleViolation.DOCTOR_ROLE_LIMIT);
        }
        if (!withinPracticeCapacity(s.practiceCapacity(), s.practiceLoads())) {
            violations.add(RuleViolation.PRACTICE_CAPACITY);
        }
        violations.sort(Comparator.naturalOrder());
        return violations;
    }

    /** R5: every facility of the unit has a legal basis in scope on the start date. */
    static boolean legalBasisInScope(Collection<LegalBasis> unitLegalBases, Set<LegalBasis> inScope) {
        return !unitLegalBases.isEmpty() && inScope.containsAll(unitLegalBases);
    }

    /** R2: a nursing-home doctor may be facility doctor only with a dispensation. */
    static boolean nursingHomeAllowed(boolean nursingHomeDoctor, boolean nursingHomeDispensation) {
        return !nursingHomeDoctor || nursingHomeDispensation;
    }

    /** R1: one facility role at a time, or up to a MULTIPLE_FACILITIES dispensation's maximum. */
    static boolean withinDoctorRoleLimit(int facilityRoles, Integer maxFacilities) {
        return facilityRoles <= (maxFacilities == null ? 1 : maxFacilities);
    }

    /** R3: the practice's counted roles (nursing homes and facilities together) fit its doctor capacities. */
    static boolean withinPracticeCapacity(int capacity, List<DoctorLoad> loads) {
        return loads.stream().mapToInt(DoctorLoad::countedRoles).sum() <= capacity;
    }
}
