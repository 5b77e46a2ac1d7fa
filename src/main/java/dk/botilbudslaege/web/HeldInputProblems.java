package dk.botilbudslaege.web;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One 400 lists every bad field (issue 10, item 7), also for a JSON body its module checks itself
 * (a change request, a rate, a notice, a dispensation's end: no {@code @Valid}). The app-wide checks of
 * such a body (text, date window, unreadable fields) do not throw before the handler runs: their
 * problems are held for the request, the module's own checks run, and
 * <ul>
 * <li>when the module refuses the input, {@link ErrorResponses} answers the held problems together with
 * the module's bad fields ({@link InvalidInputException} {@code VALIDATION_FAILED}), one message a field,
 * the held one first; any other refusal (a rule's 422, a 404) gives way to them, as when they were
 * refused before the handler ran;</li>
 * <li>when it does not, nothing is saved anyway: no transaction commits while problems are held (this
 * listener throws them before the commit, which rolls it back), and no answer body is written
 * ({@link InputChecks} throws them instead).</li>
 * </ul>
 */
@Component
class HeldInputProblems implements TransactionExecutionListener {

    private static final String HELD = HeldInputProblems.class.getName();

    static void hold(List<FieldProblem> problems) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            throw new InvalidInputException("VALIDATION_FAILED", problems);
        }
        List<FieldProblem> held = new ArrayList<>(held());
        held.addAll(problems);
        attributes.setAttribute(HELD, List.copyOf(held), RequestAttributes.SCOPE_REQUEST);
    }

    /** The problems held for this request (none outside a request). */
    @SuppressWarnings("unchecked")
    static List<FieldProblem> held() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        Object held = attributes == null ? null : attributes.getAttribute(HELD, RequestAttributes.SCOPE_REQUEST);
        return held == null ? List.of() : (List<FieldProblem>) held;
    }

    /** The held problems, now reported: they are no longer held. */
    static List<FieldProblem> take() {
        List<FieldProblem> held = held();
        if (!held.isEmpty()) {
            RequestContextHolder.currentRequestAttributes().removeAttribute(HELD, RequestAttributes.SCOPE_REQUEST);
        }
        return held;
    }

    /** Throws the held problems, if any: the answer is their 400. */
    static void refuseIfHeld() {
        List<FieldProblem> held = held();
        if (!held.isEmpty()) {
            throw new InvalidInputException("VALIDATION_FAILED", held);
        }
    }

    @Override
    public void beforeCommit(TransactionExecution transaction) {
        if (!transaction.isReadOnly()) {
            refuseIfHeld();
        }
    }
}
