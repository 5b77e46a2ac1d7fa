package dk.botilbudslaege.agreement;

import dk.botilbudslaege.registry.LegalBasis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules an agreement must keep when it is created, changed or approved (SPEC §3 R1-R5), each a
 * small function of the facts it needs. {@link #check(Situation)} applies them all and answers the
 * violations, most specific first.
 */
public final class AgreementRules {

    private AgreementRules() {}

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
     * @param doctorCapacities         how many of the practice's capacities the doctor holds (R1, seed 004 § 65)
     * @param otherSectionFacilities   the facility of each of the other roles that is a section (R1)
     * @param sectionFacility          the facility of the requested unit when it is a section, else null (R1)
     */
    public record Situation(
            Collection<LegalBasis> unitLegalBases,
            Set<LegalBasis> legalBasesInScope,
            boolean unitCoveredByAnother,
            boolean nursingHomeDoctor,
            boolean nursingHomeDispensation,
            int otherFacilityRoles,
            Integer maxFacilities,
            int practiceCapacity,
            List<DoctorLoad> practiceLoads,
            int doctorCapacities,
            List<Long> otherSectionFacilities,
            Long sectionFacility) {

        public Situation {
            otherSectionFacilities = List.copyOf(otherSectionFacilities);
        }

        /** A doctor of one capacity whose other roles are no sections. */
        public Situation(
                Collection<LegalBasis> unitLegalBases,
                Set<LegalBasis> legalBasesInScope,
                boolean unitCoveredByAnother,
                boolean nursingHomeDoctor,
                boolean nursingHomeDispensation,
                int otherFacilityRoles,
                Integer maxFacilities,
                int practiceCapacity,
                List<DoctorLoad> practiceLoads) {
            this(
                    unitLegalBases,
                    legalBasesInScope,
                    unitCoveredByAnother,
                    nursingHomeDoctor,
                    nursingHomeDispensation,
                    otherFacilityRoles,
                    maxFacilities,
                    practiceCapacity,
                    practiceLoads,
                    1,
                    List.of(),
                    null);
        }
    }

    /**
     * One doctor's fixed-doctor roles in a practice. Roles a dispensation allows beyond the first
     * do not count against the practice's capacity (R3: "unless a dispensation covers the extra role");
     * sections the doctor holds on extra capacities are no dispensed roles and each counts (seed 004 § 65).
     *
     * @param capacitySections the sections beyond the first the doctor's extra capacities allow
     *                         ({@link #capacityRelief})
     */
    public record DoctorLoad(
            boolean nursingHomeDoctor, int facilityRoles, boolean hasRoleDispensation, int capacitySections) {

        public DoctorLoad(boolean nursingHomeDoctor, int facilityRoles, boolean hasRoleDispensation) {
            this(nursingHomeDoctor, facilityRoles, hasRoleDispensation, 0);
        }

        int roles() {
            return (nursingHomeDoctor ? 1 : 0) + facilityRoles;
        }

        int countedRoles() {
            return hasRoleDispensation ? Math.min(roles(), 1 + capacitySections) : roles();
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
        if (!withinDoctorRoleLimit(
                s.otherFacilityRoles()
                        + 1
                        - capacityRelief(s.otherSectionFacilities(), s.sectionFacility(), s.doctorCapacities()),
                s.maxFacilities())) {
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

    /**
     * R1: one facility role at a time, or up to a MULTIPLE_FACILITIES dispensation's maximum; sections of one
     * facility held on extra capacities count as one ({@link #capacityRelief}).
     */
    static boolean withinDoctorRoleLimit(int facilityRoles, Integer maxFacilities) {
        return facilityRoles <= (maxFacilities == null ? 1 : maxFacilities);
    }

    /**
     * R1 with extra capacity (seed 004 § 65: "en læge med ekstra kapacitet kan være fast tilknyttede læger
     * på større botilbud som opdeles i ét eller flere afsnit"): a doctor holding n capacities may be fixed
     * doctor for up to n sections of ONE facility as one role. Answers how many roles that takes off the
     * count: the sections of the facility where the doctor holds most, beyond the first, at most n - 1.
     *
     * @param sectionFacilities the facility of each section role the doctor holds
     * @param newSection        the facility of the requested section, or null
     */
    static int capacityRelief(List<Long> sectionFacilities, Long newSection, int capacities) {
        Map<Long, Long> perFacility = Stream.concat(sectionFacilities.stream(), Stream.ofNullable(newSection))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long most =
                perFacility.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return (int) Math.max(0, Math.min(capacities - 1L, most - 1));
    }

    /**
     * The fewest capacities a doctor must hold for its roles (R1 with extra capacity, seed 004 § 65): with
     * {@code roles} facility roles, the sections among them at {@code sectionFacilities}, and a MULTIPLE_FACILITIES
     * dispensation of {@code maxFacilities} (or none), the sections beyond what the role limit allows must be
     * carried by extra capacities.
     */
    static int capacitiesInUse(int roles, List<Long> sectionFacilities, Integer maxFacilities) {
        long mostSections =
                sectionFacilities.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                        .values()
                        .stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0);
        int limit = maxFacilities == null ? 1 : maxFacilities;
        return (int) Math.max(1, Math.min(mostSections, roles - limit + 1L));
    }

    /** R3: the practice's counted roles (nursing homes and facilities together) fit its doctor capacities. */
    static boolean withinPracticeCapacity(int capacity, List<DoctorLoad> loads) {
        return loads.stream().mapToInt(DoctorLoad::countedRoles).sum() <= capacity;
    }
}
