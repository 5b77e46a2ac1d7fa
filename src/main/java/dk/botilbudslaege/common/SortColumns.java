package dk.botilbudslaege.common;

import java.util.Map;

/**
 * The columns a list may be sorted by: sort key (as in {@code ?sort=}) to a fixed SQL expression, never user input.
 * The tiebreak (a unique column, such as the id, or a comma-separated list ending in one) makes the order stable across pages.
 */
public record SortColumns(Map<String, String> columns, String defaultKey, boolean defaultDescending, String tiebreak) {

    public SortColumns {
        columns = Map.copyOf(columns);
        if (!columns.containsKey(defaultKey)) {
            throw new IllegalArgumentException("default sort key not among the columns: " + defaultKey);
        }
    }
}
