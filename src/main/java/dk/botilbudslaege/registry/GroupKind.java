package dk.botilbudslaege.registry;

/** Why facilities form a group that should share one doctor (SPEC R7). */
public enum GroupKind {
    SAME_ADDRESS,
    COMMON_MANAGEMENT
}
