package dk.botilbudslaege.common;

import java.util.List;

/** Input that breaks a rule the database or a module checks; each problem names its field. */
public class InvalidInputException extends RuntimeException {

    private final String code;
    private final List<FieldProblem> problems;

    public InvalidInputException(String code, List<FieldProblem> problems) {
        super(code + " " + problems);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(FieldProblem... problems) {
        return new InvalidInputException("VALIDATION_FAILED", List.of(problems));
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
