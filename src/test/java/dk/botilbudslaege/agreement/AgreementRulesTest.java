package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.agreement.AgreementRules.DoctorLoad;
import dk.botilbudslaege.agreement.AgreementRules.Situation;
import dk.botilbudslaege.registry.LegalBasis;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC §3 R1-R5, one business sentence each, with the edges around them. */
class AgreementRulesTest {

    static final Set<LegalBasis> PHASE_ONE = EnumSet.of(LegalBasis.SEL_108, LegalBasis.ABL_105);

    /** A free doctor in a practice of one capacity, for an SEL § 108 facility nobody covers. */
    static Situation fine() {
        return new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                0,
                null,
                1,
                List.of(new DoctorLoad(false, 1, false)));
    }

    @Test
    void a_free_doctor_may_take_an_uncovered_facility_in_scope() {
        assertThat(AgreementRules.check(fine())).isEmpty();
    }

    @Test
    void r5_a_facility_whose_legal_basis_is_not_in_scope_cannot_get_an_agreement() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_107), PHASE_ONE, false, false, false, 0, null, 1, fine().practiceLoads());
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.LEGAL_BASIS_NOT_IN_SCOPE);
    }

    @Test
    void r5_a_group_is_in_scope_only_when_every_facility_is() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108, LegalBasis.BL_43),
                PHASE_ONE,
                false,
                false,
                false,
                0,
                null,
                1,
                fine().practiceLoads());
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.LEGAL_BASIS_NOT_IN_SCOPE);
    }

    @Test
    void r5_a_widened_scope_lets_children_s_homes_in() {
        Situation s = new Situation(
                List.of(LegalBasis.BL_43),
                EnumSet.allOf(LegalBasis.class),
                false,
                false,
                false,
                0,
                null,
                1,
                fine().practiceLoads());
        assertThat(AgreementRules.check(s)).isEmpty();
    }

    @Test
    void r4_a_unit_already_covered_in_the_period_cannot_get_another_agreement() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108), PHASE_ONE, true, false, false, 0, null, 1, fine().practiceLoads());
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.UNIT_ALREADY_COVERED);
    }

    @Test
    void r1_a_doctor_with_a_facility_cannot_take_a_second_without_dispensation() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                1,
                null,
                2,
                List.of(new DoctorLoad(false, 2, false)));
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.DOCTOR_ROLE_LIMIT);
    }

    @Test
    void r1_a_dispensation_for_multiple_facilities_allows_up_to_its_maximum() {
        Situation second = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                1,
                2,
                1,
                List.of(new DoctorLoad(false, 2, true)));
        assertThat(AgreementRules.check(second)).isEmpty();
        Situation third = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                2,
                2,
                1,
                List.of(new DoctorLoad(false, 3, true)));
        assertThat(AgreementRules.check(third)).containsExactly(RuleViolation.DOCTOR_ROLE_LIMIT);
    }

    @Test
    void r2_a_nursing_home_doctor_cannot_become_facility_doctor_without_dispensation() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                true,
                false,
                0,
                null,
                2,
                List.of(new DoctorLoad(true, 1, false)));
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.NURSING_HOME_CONFLICT);
    }

    @Test
    void r2_the_most_specific_rule_wins_for_a_nursing_home_doctor_over_the_role_limit() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                true,
                false,
                1,
                null,
                1,
                List.of(new DoctorLoad(true, 2, false)));
        List<RuleViolation> violations = AgreementRules.check(s);
        assertThat(violations.get(0)).isEqualTo(RuleViolation.NURSING_HOME_CONFLICT);
        assertThat(violations).contains(RuleViolation.DOCTOR_ROLE_LIMIT, RuleViolation.PRACTICE_CAPACITY);
    }

    @Test
    void r2_a_dispensation_lets_a_nursing_home_doctor_also_serve_one_facility() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                true,
                true,
                0,
                null,
                1,
                List.of(new DoctorLoad(true, 1, true)));
        assertThat(AgreementRules.check(s)).isEmpty();
    }

    @Test
    void r3_a_practice_cannot_hold_more_roles_than_doctor_capacities() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                0,
                null,
                1,
                List.of(new DoctorLoad(false, 1, false), new DoctorLoad(false, 1, false)));
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.PRACTICE_CAPACITY);
    }

    @Test
    void r3_nursing_home_roles_count_against_the_practice_capacity_too() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                0,
                null,
                2,
                List.of(
                        new DoctorLoad(true, 0, false),
                        new DoctorLoad(true, 0, false),
                        new DoctorLoad(false, 1, false)));
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.PRACTICE_CAPACITY);
    }

    @Test
    void r3_exactly_at_capacity_is_allowed() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                0,
                null,
                2,
                List.of(new DoctorLoad(true, 0, false), new DoctorLoad(false, 1, false)));
        assertThat(AgreementRules.check(s)).isEmpty();
    }

    @Test
    void r3_a_role_covered_by_a_dispensation_does_not_take_another_capacity() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                1,
                2,
                1,
                List.of(new DoctorLoad(false, 2, true)));
        assertThat(AgreementRules.check(s)).isEmpty();
    }

    @Test
    void every_broken_rule_is_reported_most_specific_first() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_107),
                PHASE_ONE,
                true,
                true,
                false,
                1,
                null,
                1,
                List.of(new DoctorLoad(true, 2, false)));
        assertThat(AgreementRules.check(s))
                .containsExactly(
                        RuleViolation.LEGAL_BASIS_NOT_IN_SCOPE,
                        RuleViolation.UNIT_ALREADY_COVERED,
                        RuleViolation.NURSING_HOME_CONFLICT,
                        RuleViolation.DOCTOR_ROLE_LIMIT,
                        RuleViolation.PRACTICE_CAPACITY);
    }

    // ---- sections and extra capacity (seed 004 § 65: "en læge med ekstra kapacitet kan være fast tilknyttede
    // læger på større botilbud som opdeles i ét eller flere afsnit/afdelinger á minimum 30 beboere") ----------

    private static final long SKOVLY = 101L;
    private static final long BIRKELY = 202L;

    /** A doctor of {@code capacities} in a practice of {@code practiceCapacity}, asking for a section of Skovly. */
    private static Situation section(
            int capacities,
            List<Long> otherSections,
            int otherRoles,
            Integer max,
            int practiceCapacity,
            List<DoctorLoad> loads) {
        return new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                otherRoles,
                max,
                practiceCapacity,
                loads,
                capacities,
                otherSections,
                SKOVLY);
    }

    @Test
    void r1_a_doctor_with_two_capacities_takes_two_sections_of_one_facility_without_dispensation() {
        Situation second = section(2, List.of(SKOVLY), 1, null, 2, List.of(new DoctorLoad(false, 2, false, 1)));
        assertThat(AgreementRules.check(second)).isEmpty();
    }

    @Test
    void r1_a_third_section_of_the_same_facility_needs_a_third_capacity_or_a_dispensation() {
        Situation third = section(2, List.of(SKOVLY, SKOVLY), 2, null, 3, List.of(new DoctorLoad(false, 3, false, 1)));
        assertThat(AgreementRules.check(third)).containsExactly(RuleViolation.DOCTOR_ROLE_LIMIT);
        Situation withThree =
                section(3, List.of(SKOVLY, SKOVLY), 2, null, 3, List.of(new DoctorLoad(false, 3, false, 2)));
        assertThat(AgreementRules.check(withThree)).isEmpty();
    }

    @Test
    void r1_sections_of_two_different_facilities_are_two_roles_whatever_the_capacities() {
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                1,
                null,
                2,
                List.of(new DoctorLoad(false, 2, false, 0)),
                2,
                List.of(BIRKELY),
                SKOVLY);
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.DOCTOR_ROLE_LIMIT);
    }

    @Test
    void r1_a_doctor_of_one_capacity_gets_no_second_section() {
        Situation s = section(1, List.of(SKOVLY), 1, null, 2, List.of(new DoctorLoad(false, 2, false, 0)));
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.DOCTOR_ROLE_LIMIT);
    }

    @Test
    void r1_a_whole_facility_beside_sections_is_another_role() {
        // two sections of Skovly on two capacities, then the whole of Birkely: a second role
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                2,
                null,
                3,
                List.of(new DoctorLoad(false, 3, false, 1)),
                2,
                List.of(SKOVLY, SKOVLY),
                null);
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.DOCTOR_ROLE_LIMIT);
    }

    @Test
    void r1_the_extra_capacity_is_spent_in_one_facility_only() {
        assertThat(AgreementRules.capacityRelief(List.of(SKOVLY, BIRKELY, BIRKELY), SKOVLY, 3))
                .isEqualTo(1);
        assertThat(AgreementRules.capacityRelief(List.of(), SKOVLY, 3)).isZero();
        assertThat(AgreementRules.capacityRelief(List.of(SKOVLY, SKOVLY, SKOVLY), SKOVLY, 2))
                .isEqualTo(1);
        assertThat(AgreementRules.capacityRelief(List.of(SKOVLY), null, 2)).isZero();
    }

    @Test
    void r3_each_section_held_on_extra_capacity_counts_against_the_practice() {
        // a practice of 2 capacities: a nursing-home doctor and a doctor on two sections make 3 roles
        Situation s = section(
                2,
                List.of(SKOVLY),
                1,
                null,
                2,
                List.of(new DoctorLoad(true, 0, false), new DoctorLoad(false, 2, false, 1)));
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.PRACTICE_CAPACITY);
    }

    @Test
    void r3_a_dispensation_does_not_make_sections_held_on_capacity_free() {
        // two sections on two capacities and, by a dispensation, a third facility: 2 counted, not 1
        DoctorLoad load = new DoctorLoad(false, 3, true, 1);
        assertThat(load.countedRoles()).isEqualTo(2);
        Situation s = new Situation(
                List.of(LegalBasis.SEL_108),
                PHASE_ONE,
                false,
                false,
                false,
                2,
                2,
                2,
                List.of(new DoctorLoad(true, 0, false), load),
                2,
                List.of(SKOVLY, SKOVLY),
                null);
        assertThat(AgreementRules.check(s)).containsExactly(RuleViolation.PRACTICE_CAPACITY);
    }
}
