package dk.botilbudslaege.registry;

/**
 * Legal basis of a facility (SPEC §2, seed 004). Which ones are in scope is a dated setting, see
 * {@link ReferenceData#legalBasesInScope}.
 */
public enum LegalBasis {
    /** Servicelovens § 108, længerevarende botilbud. */
    SEL_108,
    /** Almenboliglovens § 105 with help under SEL § 85. */
    ABL_105,
    /** Servicelovens § 107, midlertidigt ophold. */
    SEL_107,
    /** Barnets Lov § 43 stk. 1 nr. 6 and stk. 3 (children's homes). */
    BL_43
}
