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
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }
}
