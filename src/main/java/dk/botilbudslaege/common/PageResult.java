package dk.botilbudslaege.common;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as the API returns it: {@code {content, page, size, totalElements}}. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements) {

    public static final int MAX_SIZE = 2000;

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) page + 1 < totalPages();
    }

    /**
     * For a list page: the page {@code request} asks for, or, when that is past the end of a list that has rows, the
     * last page (so "607 resultater" never comes with "Ingen resultater", and the pager counts from a real page).
     */
    public static <T> PageResult<T> showingLastWhenPast(
            PageRequest request, java.util.function.Function<PageRequest, PageResult<T>> read) {
        PageResult<T> result = read.apply(request);
        if (result.page() > 0 && result.content().isEmpty() && result.totalElements() > 0) {
            return read.apply(request.atPage(result.totalPages() - 1));
        }
        return result;
    }

    /** The number of the first row shown (1-based), as a long: no overflow on a far page. */
    public long firstShown() {
        return (long) page * size + 1;
    }

    /** The number of the last row shown (1-based). */
    public long lastShown() {
        return (long) page * size + content.size();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }
}
