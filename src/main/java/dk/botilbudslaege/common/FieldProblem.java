package dk.botilbudslaege.common;

import java.util.List;

/** One bad field: its name (as in the API body or the form) and a message key with arguments. */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public FieldProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
