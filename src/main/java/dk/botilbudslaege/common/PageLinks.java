package dk.botilbudslaege.common;

import org.springframework.web.util.UriComponentsBuilder;

/** Links to other pages of a filtered list keep the filters. */
public final class PageLinks {

    private PageLinks() {}

    /** The path with the given name/value pairs as query parameters, leaving out empty ones. */
    public static String of(String path, Object... namesAndValues) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(namesAndValues[i].toString(), value.toString());
            }
        }
        return builder.encode().build().toUriString();
    }
}
