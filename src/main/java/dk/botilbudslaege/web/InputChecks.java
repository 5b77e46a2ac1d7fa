package dk.botilbudslaege.web;

import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.PageDates;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Issue 10, items 6 and 7, for every form and JSON body of the app at once: each data binder validates
 * with {@link InputValidator} (text, dates, unreadable JSON fields, then Bean Validation), and a JSON
 * body without {@code @Valid} still has its text, dates and unreadable fields checked: their problems
 * are {@link HeldInputProblems held} until the module's own checks have run, so that one 400 lists
 * both; a handler that returns anyway writes no answer body but the 400. Request parameters outside
 * forms are {@link ParameterChecks}'.
 */
@ControllerAdvice
class InputChecks extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {

    private static final String PENDING = InputChecks.class.getName() + ".pending";

    private record Pending(Object body, List<FieldProblem> problems) {}

    /**
     * Issue 16, item 4 (i16-forms): a form's date that cannot be read says why, with what was typed:
     * "Datoen 31-02-2026 findes ikke" or "Skriv datoen som dd-mm-åååå", never Spring's conversion text.
     */
    private static final DefaultBindingErrorProcessor DATES = new DefaultBindingErrorProcessor() {
        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            if (ex instanceof TypeMismatchException mismatch
                    && mismatch.getRequiredType() == LocalDate.class
                    && mismatch.getPropertyName() != null) {
                String text = String.valueOf(mismatch.getValue());
                bindingResult.addError(new org.springframework.validation.FieldError(
                        bindingResult.getObjectName(),
                        mismatch.getPropertyName(),
                        text,
                        true,
                        new String[] {PageDates.problemKey(text)},
                        new Object[] {text},
                        null));
                return;
            }
            super.processPropertyAccessException(ex, bindingResult);
        }
    };

    @InitBinder
    void validateInput(WebDataBinder binder) {
        Validator validator = binder.getValidator();
        if (!(validator instanceof InputValidator)) {
            binder.setValidator(new InputValidator(validator instanceof SmartValidator smart ? smart : null));
        }
        binder.setBindingErrorProcessor(DATES);
        binder.registerCustomEditor(String.class, new LineBreaks());
    }

    /**
     * Review 16 (i16-fixc): a form's text has its line breaks as LF, one character, as the browser counts them for
     * maxlength; browsers send CRLF, which made a reason that fits its limit too long. JSON bodies are not bound
     * here: their text counts as sent.
     */
    static final class LineBreaks extends java.beans.PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            setValue(text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n'));
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        JsonFieldProblems.start();
        MediaType type = input.getHeaders().getContentType();
        if (type == null
                || !type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset()))) {
            return input;
        }
        InputStream body = InvalidUtf8.marked(input.getBody());
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldProblem> unreadable = JsonFieldProblems.finish();
        if (validated(parameter)) {
            if (!unreadable.isEmpty()) {
                RequestContextHolder.currentRequestAttributes()
                        .setAttribute(PENDING, new Pending(body, unreadable), RequestAttributes.SCOPE_REQUEST);
            }
            return body;
        }
        List<FieldProblem> problems = InputValidator.problems(body, unreadable);
        if (!problems.isEmpty()) {
            HeldInputProblems.hold(problems);
        }
        return body;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** A handler that did not refuse a body with held problems answers their 400, not its result. */
    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        HeldInputProblems.refuseIfHeld();
        return body;
    }

    @Override
    public Object handleEmptyBody(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        JsonFieldProblems.finish();
        return body;
    }

    /** The unreadable fields noted while reading this body, once. */
    static List<FieldProblem> pendingJsonProblems(Object target) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null
                || !(attributes.getAttribute(PENDING, RequestAttributes.SCOPE_REQUEST) instanceof Pending pending)
                || pending.body() != target) {
            return List.of();
        }
        attributes.removeAttribute(PENDING, RequestAttributes.SCOPE_REQUEST);
        return pending.problems();
    }

    private static boolean validated(MethodParameter parameter) {
        for (Annotation annotation : parameter.getParameterAnnotations()) {
            if (ValidationAnnotationUtils.determineValidationHints(annotation) != null) {
                return true;
            }
        }
        return false;
    }
}
