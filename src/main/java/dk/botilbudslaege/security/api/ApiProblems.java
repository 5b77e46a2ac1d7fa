package dk.botilbudslaege.security.api;

import dk.botilbudslaege.common.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** The problem+json answers of the API client filter and the token endpoint (401, 403, 429). */
@Component
class ApiProblems {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    ApiProblems(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "apiclients.problem.unauthorized");
    }

    void readOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "API_CLIENT_READ_ONLY", "apiclients.problem.readOnly");
    }

    void rateLimited(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        response.setHeader("Retry-After", String.valueOf(seconds));
        write(
                request,
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "RATE_LIMITED",
                "apiclients.problem.rateLimited",
                seconds);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String key,
            Object... args)
            throws IOException {
        Problem.write(request, response, messages, localeResolver.resolveLocale(request), status, code, key, args);
    }
}
