package dk.botilbudslaege.registry;

/** Who runs a facility. */
public enum Operator {
    MUNICIPAL,
    REGIONAL,
    PRIVATE
}
