package dk.botilbudslaege.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our RFC 9457 answer (API.md errors): Spring's {@link ProblemDetail} with type {@code about:blank},
 * the status's title in the caller's language, the request path as instance, a stable {@code code}
 * and, for bad input, the {@code errors}. The one builder of every problem, inside a controller
 * (web.ErrorResponses) and before one (the security and upload filters, {@link #write}).
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"}) // as before, not Jackson 3's alphabetical
@JsonInclude(JsonInclude.Include.ALWAYS) // a detail of null is said, as before ("errors" only when there are some)
public final class Problem extends ProblemDetail {

    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private Problem(HttpStatus status) {
        super(status.value());
    }

    /** One entry of {@code errors}: a bad field, or a bad row of an import. */
    public sealed interface Error permits FieldError, RowError {
        String field();
    }

    /** A bad field and why, in the caller's language. */
    public record FieldError(String field, String message) implements Error {}

    /** A bad row of an import (SPEC §2): its number, field, column and why; row and column may be null. */
    public record RowError(Integer row, String field, String column, String message) implements Error {}

    /** The problem with this status, code and detail (may be null); {@code errors} only when there are some. */
    public static Problem of(
            MessageSource messages,
            Locale locale,
            HttpStatus status,
            String code,
            String detail,
            String path,
            List<? extends Error> errors) {
        Problem problem = new Problem(status);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(
                messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setDetail(detail);
        problem.setInstance(instance(path));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** Writes a problem from a filter, before any controller (and its message converters) is reached. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Writes from a filter the problem whose detail is the message {@code detailKey} (with {@code args}) in the
     * caller's language, with no {@code errors}: the security filters' 401, 403, 429 and 503.
     */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            MessageSource messages,
            Locale locale,
            HttpStatus status,
            String code,
            String detailKey,
            Object... args)
            throws IOException {
        write(
                response,
                of(
                        messages,
                        locale,
                        status,
                        code,
                        messages.getMessage(detailKey, args, detailKey, locale),
                        request.getRequestURI(),
                        List.of()));
    }

    private static URI instance(String path) {
        try {
            return new URI(path);
        } catch (java.net.URISyntaxException e) {
            try {
                return new URI(null, null, path, null); // quotes what a URI may not hold
            } catch (java.net.URISyntaxException stillNot) {
                return null;
            }
        }
    }
}
