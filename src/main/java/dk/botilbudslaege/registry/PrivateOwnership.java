package dk.botilbudslaege.registry;

/** A private facility is self-owning (selvejende) or commercial. */
public enum PrivateOwnership {
    SELF_OWNING,
    COMMERCIAL
}
