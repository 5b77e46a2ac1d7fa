package dk.botilbudslaege.common;

import java.util.List;

/**
 * A file of rows that was refused as a whole: every bad row is named with its row number and
 * reason, and nothing was stored (SPEC §2, imports). Answered as 400 with code {@code IMPORT_FAILED}.
 */
public class InvalidRowsException extends RuntimeException {

    public static final String CODE = "IMPORT_FAILED";

    private final List<RowProblem> problems;

    public InvalidRowsException(List<RowProblem> problems) {
        super(CODE + ": " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public static InvalidRowsException of(RowProblem... problems) {
        return new InvalidRowsException(List.of(problems));
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
