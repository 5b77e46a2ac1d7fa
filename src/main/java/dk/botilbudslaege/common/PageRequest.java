package dk.botilbudslaege.common;

/** Which page to read: {@code page} from 0 and {@code size} up to {@link PageResult#MAX_SIZE}. */
public record PageRequest(int page, int size) {

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

    public long offset() {
        return (long) page * size;
    }
}
