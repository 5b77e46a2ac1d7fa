package dk.botilbudslaege.registry;

/** A municipality with its official 3-digit code and the region it belongs to today. */
public record Municipality(String code, String name, String regionCode) {}
