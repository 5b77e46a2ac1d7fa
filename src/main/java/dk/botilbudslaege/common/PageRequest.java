package dk.botilbudslaege.common;

/**
 * Which page to read: {@code page} from 0 and {@code size} up to {@link PageResult#MAX_SIZE}; for pages also the sort
 * (a key of a {@link SortColumns} whitelist, already resolved, and its direction).
 */
public record PageRequest(int page, int size, String sort, boolean descending) {

    /** The page sizes a person can choose on a list page. */
    public static final java.util.List<Integer> PAGE_SIZES = java.util.List.of(25, 50, 100, 200);

    public PageRequest(int page, int size) {
        this(page, size, null, false);
    }

    public static PageRequest of(Integer page, Integer size, int defaultSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? defaultSize : size;
        if (p < 0) {
            throw InvalidInputException.of(FieldProblem.of("page", "validation.page.min"));
        }
        if (s < 1 || s > PageResult.MAX_SIZE) {
            throw InvalidInputException.of(FieldProblem.of("size", "validation.size.range", PageResult.MAX_SIZE));
        }
        return new PageRequest(p, s);
    }

    /**
     * A list page's request as typed into the address bar: never refused. A page that is not a number or below 0 is
     * the first; a size is clamped to 1..200 (not a number: the default); an unknown sort key or direction is the
     * list's default order.
     */
    public static PageRequest forPage(
            String page, String size, int defaultSize, String sort, String dir, SortColumns columns) {
        int p = Math.max(parse(page, 0), 0);
        int s = Math.min(Math.max(parse(size, defaultSize), 1), PAGE_SIZES.get(PAGE_SIZES.size() - 1));
        boolean known = sort != null && columns.columns().containsKey(sort);
        String key = known ? sort : columns.defaultKey();
        boolean descending = known
                ? ("desc".equalsIgnoreCase(dir)
                        || (!"asc".equalsIgnoreCase(dir)
                                && key.equals(columns.defaultKey())
                                && columns.defaultDescending()))
                : columns.defaultDescending();
        return new PageRequest(p, s, key, descending);
    }

    /**
     * A number typed into the address bar, leniently: not a number (or empty) is {@code fallback}; a whole number too
     * large or too small for an int is clamped to the int range (so the caller's own clamp applies, never an overflow
     * or a refusal).
     */
    public static int parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            if (v.matches("[+-]?\\d+")) {
                return v.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            return fallback;
        }
    }

    /** The same request for another page (0-based). */
    public PageRequest atPage(int newPage) {
        return new PageRequest(Math.max(newPage, 0), size, sort, descending);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The ORDER BY clause (without the words) for this request's sort, from the whitelist, with its tiebreak. */
    public String orderBy(SortColumns columns) {
        String key = sort != null && columns.columns().containsKey(sort) ? sort : columns.defaultKey();
        boolean desc = sort != null && columns.columns().containsKey(sort) ? descending : columns.defaultDescending();
        String direction = desc ? " desc nulls last" : " asc nulls last";
        StringBuilder order = new StringBuilder(columns.columns().get(key)).append(direction);
        for (String tiebreak : columns.tiebreak().split(",")) {
            order.append(", ").append(tiebreak.trim()).append(desc ? " desc" : " asc");
        }
        return order.toString();
    }
}
