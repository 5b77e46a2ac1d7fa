package dk.botilbudslaege.registry;

/** Facilities at the same address or under common management that should share one doctor (SPEC R7). */
public record FacilityGroup(long id, String name, GroupKind kind, String municipalityCode) {}
