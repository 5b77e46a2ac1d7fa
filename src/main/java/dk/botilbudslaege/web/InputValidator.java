package dk.botilbudslaege.web;

import dk.botilbudslaege.common.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.SmartValidator;

/**
 * The validation of every form and JSON body: first the fields Jackson could not read
 * ({@link JsonFieldProblems}) and the text and dates {@link InputFields} refuses, then the object's own
 * Bean Validation constraints — all of them reported at once, one message per field (a field already
 * refused, by these checks or by the form's binder that could not convert it, is not also called
 * "required" because its bad value was read as null).
 */
final class InputValidator implements SmartValidator {

    private final SmartValidator beanValidation;

    InputValidator(SmartValidator beanValidation) {
        this.beanValidation = beanValidation;
    }

    @Override
    public boolean supports(Class<?> type) {
        return true;
    }

    @Override
    public void validate(Object target, Errors errors) {
        validate(target, errors, new Object[0]);
    }

    @Override
    public void validate(Object target, Errors errors, Object... hints) {
        validate(target, errors, InputChecks.pendingJsonProblems(target), hints);
    }

    /** The unreadable fields, then the refused text and dates of a target: one problem a field. */
    static List<FieldProblem> problems(Object target, List<FieldProblem> unreadable) {
        List<FieldProblem> all = new ArrayList<>(unreadable);
        InputFields.check(target, all::add);
        Set<String> fields = new HashSet<>();
        return all.stream().filter(problem -> fields.add(problem.field())).toList();
    }

    private void validate(Object target, Errors errors, List<FieldProblem> unreadable, Object... hints) {
        // a form field the binder could not convert (a bad legalBasis) already has its "invalid value"
        Set<String> refused = new HashSet<>();
        errors.getFieldErrors().forEach(error -> refused.add(error.getField()));
        for (FieldProblem problem : problems(target, unreadable)) {
            if (refused.add(problem.field())) {
                reject(errors, problem);
            }
        }
        if (beanValidation == null || target == null) {
            return;
        }
        if (!(errors instanceof BindingResult result)) {
            beanValidation.validate(target, errors, hints);
            return;
        }
        BeanPropertyBindingResult own = new BeanPropertyBindingResult(target, errors.getObjectName());
        beanValidation.validate(target, own, hints);
        for (ObjectError error : own.getAllErrors()) {
            if (!(error instanceof FieldError field) || !refused.contains(field.getField())) {
                result.addError(error);
            }
        }
    }

    private static void reject(Errors errors, FieldProblem problem) {
        Object[] args = problem.args().toArray();
        if (errors instanceof BindingResult result) {
            Object value;
            try {
                value = result.getRawFieldValue(problem.field());
            } catch (RuntimeException e) {
                value = null;
            }
            result.addError(new FieldError(
                    errors.getObjectName(),
                    problem.field(),
                    value,
                    false,
                    new String[] {problem.messageKey()},
                    args,
                    problem.messageKey()));
        } else {
            errors.rejectValue(problem.field(), problem.messageKey(), args, problem.messageKey());
        }
    }
}
