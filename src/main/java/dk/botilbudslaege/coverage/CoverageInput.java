package dk.botilbudslaege.coverage;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.SaneDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query parameters of the coverage calls, read strictly: each bad one is a field problem, all
 * of them reported at once as one 400.
 */
final class CoverageInput {

    static final LocalDate EARLIEST = SaneDates.EARLIEST;
    static final LocalDate LATEST = SaneDates.LATEST;
    static final int MAX_YEARS = 10;

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<FieldProblem> problems = new ArrayList<>();

    private static boolean calledThroughApi() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith("/api/");
    }

    LocalDate date(String field, String raw, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        // pages: dd-mm-åååå as the page shows it, or åååå-mm-dd (old links); 31-02-2026 is no day (issue 16).
        // The API (API.md) takes åååå-mm-dd only.
        boolean isoOnly = calledThroughApi();
        LocalDate date = isoOnly && !ISO_DATE.matcher(raw.trim()).matches()
                ? null
                : dk.botilbudslaege.common.PageDates.parse(raw);
        if (date == null) {
            problems.add(
                    (!isoOnly || ISO_DATE.matcher(raw.trim()).matches())
                                    && dk.botilbudslaege.common.PageDates.noSuchDay(raw)
                            ? FieldProblem.of(field, "forms.date.notExists", raw.trim())
                            : FieldProblem.of(field, "coverage.date.format"));
            return fallback;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            problems.add(FieldProblem.of(field, "coverage.date.range"));
            return fallback;
        }
        return date;
    }

    Level level(String raw) {
        return parse("level", raw, Level.class, Level.NATIONAL, "coverage.level.unknown");
    }

    Breakdown breakdown(String raw) {
        if (raw == null || raw.isBlank()) {
            problems.add(FieldProblem.of("by", "coverage.by.unknown"));
            return Breakdown.OPERATOR;
        }
        return parse("by", raw, Breakdown.class, Breakdown.OPERATOR, "coverage.by.unknown");
    }

    void period(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            problems.add(FieldProblem.of("from", "coverage.range.order"));
        } else if (from.plusYears(MAX_YEARS).isBefore(to)) {
            problems.add(FieldProblem.of("to", "coverage.range.tooLong", MAX_YEARS));
        }
    }

    void problem(String field, String key) {
        problems.add(FieldProblem.of(field, key));
    }

    /** Throws the problems found so far, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
    }

    private <E extends Enum<E>> E parse(String field, String raw, Class<E> type, E fallback, String key) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, key));
            return fallback;
        }
    }
}
