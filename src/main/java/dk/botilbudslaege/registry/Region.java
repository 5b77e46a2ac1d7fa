package dk.botilbudslaege.registry;

/** A region, code "1081".."1085". */
public record Region(String code, String name) {}
