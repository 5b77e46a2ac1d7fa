package dk.botilbudslaege.common;

import org.springframework.validation.BindingResult;

/** Puts a module's field problems on an HTML form, so each message shows by its field. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void apply(InvalidInputException e, BindingResult bindingResult) {
        for (FieldProblem problem : e.problems()) {
            Object[] args = problem.args().toArray();
            if (bindingResult.getTarget() != null && isField(bindingResult, problem.field())) {
                bindingResult.rejectValue(problem.field(), problem.messageKey(), args, problem.messageKey());
            } else {
                bindingResult.reject(problem.messageKey(), args, problem.messageKey());
            }
        }
    }

    private static boolean isField(BindingResult bindingResult, String field) {
        try {
            bindingResult.getFieldType(field);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
