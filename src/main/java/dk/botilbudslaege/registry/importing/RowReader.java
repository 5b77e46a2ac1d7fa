package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.RowProblem;
import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads one row of an import file cell by cell, and notes every problem of the row with its row
 * number and column: cells that cannot be read, and the rules the row then breaks.
 */
final class RowReader {

    private final ImportFile.Row row;
    private final ImportLayout layout;
    private final RowProblems problems;
    private final Set<String> troubled = new HashSet<>();
    private int count;

    RowReader(ImportFile.Row row, ImportLayout layout, RowProblems problems) {
        this.row = row;
        this.layout = layout;
        this.problems = problems;
    }

    int number() {
        return row.number();
    }

    /** How many problems this row has so far. */
    int problemCount() {
        return count;
    }

    /** Whether no problem has been noted for the field yet. */
    boolean clear(String field) {
        return !troubled.contains(field);
    }

    /** The column's cell read by the parser; null, with a problem noted, when it cannot be read. */
    <T> T read(ImportColumn column, Function<String, T> parser) {
        try {
            return parser.apply(layout.cell(row, column));
        } catch (ImportValues.BadValue e) {
            add(RowProblem.of(row.number(), column.field(), column.header(), e.messageKey(), e.args()));
            return null;
        }
    }

    /**
     * Notes the Bean Validation problems of a form bound from this row, in column order, except for
     * fields that already have one (a cell that could not be read). {@code fieldName} maps a form
     * property to the import field that fills it.
     */
    <F> void violations(Set<ConstraintViolation<F>> violations, UnaryOperator<String> fieldName) {
        violations.stream()
                .map(v -> new Violation(fieldName.apply(v.getPropertyPath().toString()), v.getMessage()))
                .filter(v -> clear(v.field()))
                .sorted(Comparator.comparingInt((Violation v) -> layout.order(v.field()))
                        .thenComparing(Violation::message))
                .forEach(v -> add(RowProblem.withText(row.number(), v.field(), header(v.field()), v.message())));
    }

    /** Notes the problems a module rule found with the row's data, except for fields that already have one. */
    void problems(List<FieldProblem> found) {
        found.stream()
                .filter(p -> clear(p.field()))
                .forEach(p -> problem(p.field(), p.messageKey(), p.args().toArray()));
    }

    void problem(String field, String messageKey, Object... args) {
        add(RowProblem.of(row.number(), field, header(field), messageKey, args));
    }

    private void add(RowProblem problem) {
        count++;
        troubled.add(problem.field());
        problems.add(problem);
    }

    private String header(String field) {
        ImportColumn column = layout.columnOf(field);
        return column == null ? null : column.header();
    }

    private record Violation(String field, String message) {}
}
