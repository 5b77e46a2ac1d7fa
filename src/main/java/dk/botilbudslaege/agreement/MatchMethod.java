package dk.botilbudslaege.agreement;

/** How the match between doctor and facility came about (SPEC §6, seed 000). */
public enum MatchMethod {
    PRACTICE_CONSULTANT,
    PRIORITY_LIST,
    WISH_LIST,
    DEVELOPMENT_NURSE,
    JOB_POSTING,
    EXISTING_RELATION,
    STABLE_MATCHING,
    COVERAGE_PLAN,
    OTHER
}
