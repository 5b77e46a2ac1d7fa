package dk.botilbudslaege.common;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;

/** Puts a module's field problems on an HTML form, so each message shows by its field. */
public final class FormErrors {

    private FormErrors() {}

    /**
     * Runs a form's save; a refusal a person can act on (bad input, someone else's change, the
     * entity's state, the user's scope) becomes a message on the form and the result is empty.
     */
    public static <T> Optional<T> attempt(BindingResult binding, Supplier<T> save) {
        if (binding.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(save.get());
        } catch (InvalidInputException e) {
            apply(e, binding);
        } catch (ConcurrentChangeException e) {
            binding.reject("form.concurrentChange");
        } catch (ConflictException e) {
            binding.reject(e.messageKey());
        } catch (ForbiddenException e) {
            binding.reject(e.messageKey());
        }
        return Optional.empty();
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
