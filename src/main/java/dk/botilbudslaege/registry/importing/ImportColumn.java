package dk.botilbudslaege.registry.importing;

import java.util.List;
import java.util.Locale;

/**
 * A column of an import file (SPEC §2): the field it fills (as the API names it) and its Danish
 * heading. A file may head it with either, in any case and with spaces around; aliases are other
 * headings people use for it.
 */
record ImportColumn(String field, String header, boolean required, List<String> aliases) {

    static ImportColumn required(String field, String header, String... aliases) {
        return new ImportColumn(field, header, true, List.of(aliases));
    }

    static ImportColumn optional(String field, String header, String... aliases) {
        return new ImportColumn(field, header, false, List.of(aliases));
    }

    boolean matches(String heading) {
        String key = key(heading);
        return key.equals(key(header))
                || key.equals(key(field))
                || aliases.stream().anyMatch(alias -> key.equals(key(alias)));
    }

    private static String key(String heading) {
        return heading == null
                ? ""
                : heading.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
