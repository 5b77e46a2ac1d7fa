package dk.botilbudslaege.web;

import dk.botilbudslaege.common.DatabaseOutage;
import dk.botilbudslaege.common.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A database outage met before a controller (signing in, the per-request account check) is answered
 * as ErrorResponses answers it inside one: 503 with Retry-After, problem+json
 * {@code DATABASE_UNAVAILABLE} for the API, the Danish 503 page for people. Runs around the security
 * filters (order -100).
 */
@Component
@Order(-110)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    DatabaseOutageFilter(MessageSource messages, LocaleResolver localeResolver) {
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            unavailable(request, response);
        }
    }

    /** Writes the 503 answer; also used by the security filters that meet an outage themselves. */
    void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        if (!ErrorResponses.isApi(request)) {
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        Problem.write(
                request,
                response,
                messages,
                localeResolver.resolveLocale(request),
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_UNAVAILABLE",
                "problem.databaseUnavailable");
    }
}
