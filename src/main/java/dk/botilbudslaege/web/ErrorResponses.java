package dk.botilbudslaege.web;

import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.DatabaseOutage;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.InvalidRowsException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.common.Problem;
import dk.botilbudslaege.common.Problem.FieldError;
import dk.botilbudslaege.common.Problem.RowError;
import dk.botilbudslaege.common.RequestLocale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;

/**
 * One place that turns failures into answers: RFC 9457 problem+json with a stable {@code code} for
 * API clients ({@code /api/**}), Danish error pages for people. Bad input is never a 500; a real
 * bug is logged in full and answered without a stack trace.
 */
@ControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    ErrorResponses(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalidInput(InvalidInputException e, HttpServletRequest request) {
        HttpStatus status =
                "VALIDATION_FAILED".equals(e.code()) ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
        List<FieldError> errors = e.problems().stream()
                .map(p -> new FieldError(p.field(), message(p)))
                .toList();
        // a refusal by a rule (422) is explained by the rule its code names, the first problem; bad
        // fields (400) by their one message, or by a summary when there are several
        boolean byRule = status == HttpStatus.UNPROCESSABLE_CONTENT && !errors.isEmpty();
        String detail = errors.size() == 1 || byRule ? errors.get(0).message() : text("problem.validation");
        return answer(request, status, e.code(), detail, errors);
    }

    /** A refused import: every bad row with its number, field, column and reason (SPEC §2). */
    @ExceptionHandler(InvalidRowsException.class)
    Object invalidRows(InvalidRowsException e, HttpServletRequest request) {
        List<RowError> errors = e.problems().stream()
                .map(problem -> new RowError(
                        problem.row(),
                        problem.field(),
                        problem.column(),
                        messages.getMessage(problem.message(), locale())))
                .toList();
        return answer(request, HttpStatus.BAD_REQUEST, InvalidRowsException.CODE, text("import.failed.detail"), errors);
    }

    /** Too much of one kind of work at once (an import while two run): 429, try again after Retry-After. */
    @ExceptionHandler(dk.botilbudslaege.common.BusyException.class)
    Object busy(
            dk.botilbudslaege.common.BusyException e,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return answer(request, HttpStatus.TOO_MANY_REQUESTS, e.code(), text(e.messageKey()), List.of());
    }

    @ExceptionHandler(BindException.class)
    Object beanValidation(BindException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError error :
                e.getBindingResult().getFieldErrors()) {
            String message =
                    error.isBindingFailure() ? text("validation.typeMismatch") : messages.getMessage(error, locale());
            errors.add(new FieldError(error.getField(), message));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error ->
                        errors.add(new FieldError(error.getObjectName(), messages.getMessage(error, locale()))));
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return answer(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", text("problem.validation"), errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new FieldError(
                                result.getMethodParameter().getParameterName(),
                                messages.getMessage(error, locale())))));
        return answer(request, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", text("problem.validation"), errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        JacksonException jackson = withPath(e);
        if (jackson != null) {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference reference : jackson.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return answer(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    text("problem.validation"),
                    List.of(new FieldError(field.toString(), text("validation.typeMismatch"))));
        }
        return answer(request, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", text("problem.malformed"), List.of());
    }

    /**
     * The outermost Jackson failure that knows which field it was reading, or null. Not only the most
     * specific cause: a value Jackson could not convert (a date like "2025-13-01") keeps the reason
     * (DateTimeParseException) as its cause and the field on the Jackson exception around it.
     */
    private static JacksonException withPath(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson;
            }
        }
        return null;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (!isApi(request)
                && e.getParameter()
                        .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return page(HttpStatus.NOT_FOUND);
        }
        String message = mismatchMessage(e, request);
        boolean pageDate = !isApi(request) && e.getRequiredType() == java.time.LocalDate.class;
        return answer(
                request,
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                pageDate ? message : text("problem.validation"),
                List.of(new FieldError(e.getName(), message)));
    }

    /** Issue 16, item 4 (i16-forms): a page's date that cannot be read says why, with what was typed. */
    private String mismatchMessage(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (!isApi(request) && e.getRequiredType() == java.time.LocalDate.class && e.getValue() != null) {
            String typed = String.valueOf(e.getValue());
            return messages.getMessage(
                    dk.botilbudslaege.common.PageDates.problemKey(typed), new Object[] {typed}, locale());
        }
        return text("validation.typeMismatch");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    Object missingParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MissingServletRequestParameterException m
                ? m.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return answer(
                request,
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                text("problem.validation"),
                List.of(new FieldError(name, text("validation.required"))));
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", text("problem.notFound"), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "NOT_FOUND", text("problem.notFound"), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request) {
        dk.botilbudslaege.security.SecurityEvents.forbidden(request, e.messageKey());
        return answer(request, HttpStatus.FORBIDDEN, "FORBIDDEN", text(e.messageKey()), List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    Object accessDenied(AccessDeniedException e, HttpServletRequest request) {
        dk.botilbudslaege.security.SecurityEvents.forbidden(
                request, e.getClass().getSimpleName());
        return answer(request, HttpStatus.FORBIDDEN, "FORBIDDEN", text("problem.forbidden"), List.of());
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    Object concurrentChange(ConcurrentChangeException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, "CONCURRENT_CHANGE", text("problem.concurrentChange"), List.of());
    }

    @ExceptionHandler(dk.botilbudslaege.common.ConflictException.class)
    Object conflict(dk.botilbudslaege.common.ConflictException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, e.code(), text(e.messageKey()), List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object dataConflict(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn(
                "Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return answer(request, HttpStatus.CONFLICT, "DATA_CONFLICT", text("problem.dataConflict"), List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                text("problem.methodNotAllowed"),
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "UNSUPPORTED_MEDIA_TYPE",
                text("problem.unsupportedMediaType"),
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", text("problem.fileTooLarge"), List.of());
    }

    /**
     * The database cannot be reached (stopped, restarting, network): 503 with Retry-After within the
     * pool's connection timeout (3 s), not a 500 after 30 s. The pool reconnects by itself when the
     * database is back.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class
    })
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (!DatabaseOutage.causedBy(e)) {
            return unexpected(e, request, response);
        }
        log.warn(
                "Database unavailable on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e)
                        .toString());
        response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        return answer(
                request,
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_UNAVAILABLE",
                text("problem.databaseUnavailable"),
                List.of());
    }

    /**
     * Review 19: a query string (or form) Tomcat cannot decode ({@code %ZZ}, bytes that are not UTF-8), met by the first
     * {@code getParameter} in the dispatch (the locale interceptor's): the request is wrong, not the app, so 400 with
     * the app's page or {@code MALFORMED_REQUEST}, and one WARN line without a stack trace (anyone can send it).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    Object unreadableParameters(org.apache.tomcat.util.http.InvalidParameterException e, HttpServletRequest request) {
        log.warn(
                "Unreadable parameters on {} {} from {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                request.getRemoteAddr(),
                e.getMessage());
        // the person's language from the cookie (or an API client's Accept-Language), never from the parameters that
        // could not be read; the page is drawn in it too
        Locale locale = RequestLocale.withoutParameters(localeResolver, request);
        LocaleContextHolder.setLocale(locale);
        return answer(
                request,
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                messages.getMessage("problem.unreadableParameters", null, locale),
                List.of());
    }

    /**
     * The client went away while the answer was being written (a browser leaving a page): nothing to answer
     * and no bug, so no error in the log.
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception e, HttpServletRequest request) {
        log.debug("Client left during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
    }

    /** A bug, not bad input: logged in full, answered without details. */
    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // i19: a client that closed its connection while a page or a static file was written (a browser leaving,
            // a load test ending): Tomcat's ClientAbortException, "Broken pipe"; nothing to answer, no bug
            log.debug("Client left during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        if (DatabaseOutage.causedBy(e)) {
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            return answer(
                    request,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "DATABASE_UNAVAILABLE",
                    text("problem.databaseUnavailable"),
                    List.of());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", text("problem.internal"), List.of());
    }

    /** The answer of the error page ({@link ErrorPage}) to a request that failed with this status (null: 500). */
    Object failed(HttpServletRequest request, HttpStatus status) {
        HttpStatus shown = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        if (!isApi(request)) {
            // the page's own text for its status, unless a filter named a more precise one (security's
            // access-denied handler for a missing or stale CSRF token: "dk.botilbudslaege.error.detailKey")
            ModelAndView page = page(
                    shown,
                    request.getAttribute("dk.botilbudslaege.error.detailKey") instanceof String key ? text(key) : null);
            page.addObject("requestPath", uri(request));
            return page;
        }
        return switch (shown) {
            case BAD_REQUEST -> answer(request, shown, "MALFORMED_REQUEST", text("problem.malformed"), List.of());
            case UNAUTHORIZED -> answer(request, shown, "UNAUTHORIZED", text("problem.unauthorized"), List.of());
            case FORBIDDEN -> answer(request, shown, "FORBIDDEN", text("problem.forbidden"), List.of());
            case NOT_FOUND -> answer(request, shown, "NOT_FOUND", text("problem.notFound"), List.of());
            case METHOD_NOT_ALLOWED ->
                answer(request, shown, "METHOD_NOT_ALLOWED", text("problem.methodNotAllowed"), List.of());
            case CONTENT_TOO_LARGE -> answer(request, shown, "FILE_TOO_LARGE", text("problem.fileTooLarge"), List.of());
            case UNSUPPORTED_MEDIA_TYPE ->
                answer(request, shown, "UNSUPPORTED_MEDIA_TYPE", text("problem.unsupportedMediaType"), List.of());
            case SERVICE_UNAVAILABLE ->
                answer(request, shown, "DATABASE_UNAVAILABLE", text("problem.databaseUnavailable"), List.of());
            default ->
                shown.is5xxServerError()
                        ? answer(request, shown, "INTERNAL_ERROR", text("problem.internal"), List.of())
                        : answer(request, shown, shown.name(), null, List.of());
        };
    }

    private Object answer(
            HttpServletRequest request,
            HttpStatus status,
            String code,
            String detail,
            List<? extends Problem.Error> errors) {
        List<FieldProblem> held = HeldInputProblems.take();
        if (!held.isEmpty()) {
            // a body's held problems (HeldInputProblems) are its answer whatever its module did, as if
            // they had been refused before it ran; the module's own bad fields join them
            List<Problem.Error> all = new ArrayList<>();
            java.util.Set<String> fields = new java.util.HashSet<>();
            held.stream()
                    .filter(p -> fields.add(p.field()))
                    .forEach(p -> all.add(new FieldError(p.field(), message(p))));
            if ("VALIDATION_FAILED".equals(code)) {
                errors.stream().filter(e -> fields.add(e.field())).forEach(all::add);
            }
            status = HttpStatus.BAD_REQUEST;
            code = "VALIDATION_FAILED";
            detail = all.size() == 1 ? ((FieldError) all.get(0)).message() : text("problem.validation");
            errors = all;
        }
        if (!isApi(request)) {
            ModelAndView page = page(status, detail);
            page.addObject("requestPath", uri(request));
            return page;
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problem.of(messages, locale(), status, code, detail, uri(request), errors));
    }

    private ModelAndView page(HttpStatus status) {
        return page(status, null);
    }

    private ModelAndView page(HttpStatus status, String detail) {
        String view = switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            case SERVICE_UNAVAILABLE -> "error/503";
            default -> status.is5xxServerError() ? "error/500" : "error/400";
        };
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(status);
        mav.addObject("detail", detail);
        mav.addObject("status", status.value());
        mav.addObject(
                "currentUser", dk.botilbudslaege.security.CurrentUsers.current().orElse(null));
        return mav;
    }

    static boolean isApi(HttpServletRequest request) {
        return uri(request).startsWith(request.getContextPath() + "/api/");
    }

    /** The path the client asked for, also on the error page it was forwarded to. */
    private static String uri(HttpServletRequest request) {
        return request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original
                : request.getRequestURI();
    }

    private String message(FieldProblem problem) {
        return messages.getMessage(problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
