package dk.botilbudslaege.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The links of a list page: column headers that sort, page numbers and page sizes. Each keeps the filters (in {@code
 * baseUrl}), the sort and the size; a new sort or size goes back to the first page.
 */
public record ListLinks(String baseUrl, String sort, boolean descending, int size, int defaultSize) {

    public static ListLinks of(String baseUrl, PageRequest request, int defaultSize) {
        return new ListLinks(baseUrl, request.sort(), request.descending(), request.size(), defaultSize);
    }

    /** The link to page {@code page} (0-based, like the {@code page} parameter). */
    public String page(int page) {
        return url(sort, descending, size, page);
    }

    /** The header link for a column: ascending first, or the other way when the list is sorted by it already. */
    public String sortBy(String key) {
        boolean desc = key.equals(sort) && !descending;
        return url(key, desc, size, 0);
    }

    /** The link that shows {@code newSize} rows a page, from the first page. */
    public String withSize(int newSize) {
        return url(sort, descending, newSize, 0);
    }

    /** {@code ascending}, {@code descending} or null (no attribute) for a column header's aria-sort. */
    public String ariaSort(String key) {
        return key.equals(sort) ? (descending ? "descending" : "ascending") : null;
    }

    public String dir() {
        return descending ? "desc" : "asc";
    }

    public List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(PageRequest.PAGE_SIZES);
        if (!sizes.contains(size)) {
            sizes.add(size);
            sizes.sort(null);
        }
        return sizes;
    }

    /**
     * The page numbers to show (0-based), with null for a gap: first, last, the current one and its neighbours, as in
     * 1 … 4 5 6 … 20.
     */
    public static List<Integer> pageNumbers(int current, int totalPages) {
        List<Integer> shown = new ArrayList<>();
        int last = totalPages - 1;
        for (int p = 0; p <= last; p++) {
            if (p == 0 || p == last || Math.abs(p - current) <= 1) {
                if (!shown.isEmpty() && shown.get(shown.size() - 1) != null && shown.get(shown.size() - 1) < p - 1) {
                    shown.add(p - 1 == shown.get(shown.size() - 1) + 1 ? p - 1 : null);
                }
                shown.add(p);
            }
        }
        return shown;
    }

    public List<Integer> pages(PageResult<?> result) {
        return pageNumbers(result.page(), result.totalPages());
    }

    private String url(String sortKey, boolean desc, int pageSize, int page) {
        StringBuilder url = new StringBuilder(baseUrl);
        char sep = baseUrl.contains("?") ? '&' : '?';
        if (sortKey != null) {
            url.append(sep).append("sort=").append(sortKey).append("&dir=").append(desc ? "desc" : "asc");
            sep = '&';
        }
        if (pageSize != defaultSize) {
            url.append(sep).append("size=").append(pageSize);
            sep = '&';
        }
        if (page > 0) {
            url.append(sep).append("page=").append(page);
        }
        return url.toString();
    }
}
