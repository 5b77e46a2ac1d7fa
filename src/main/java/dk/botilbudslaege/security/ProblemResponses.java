package dk.botilbudslaege.security;

import dk.botilbudslaege.common.DatabaseOutage;
import dk.botilbudslaege.common.Problem;
import dk.botilbudslaege.config.LocalDatabaseCondition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * 401, 403, 429 (too many failed logins) and 503 (the database is away while signing in) for API
 * clients as RFC 9457 problem+json, before a request reaches a controller.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();
    private final String challenge;
    private final String unauthorized;

    ProblemResponses(MessageSource messages, LocaleResolver localeResolver, Environment environment) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        boolean local = LocalDatabaseCondition.isLocal(environment);
        this.challenge = challenge(local);
        // review 17: production takes no person's password over HTTP Basic, so its 401 names what it does take
        this.unauthorized = local ? "problem.unauthorized" : "problem.unauthorized.production";
    }

    /**
     * The 401's challenge: HTTP Basic with a person's password in the local mode only (issue 15, API.md); in
     * production the API takes an API client's Bearer token, so that is what a 401 asks for.
     */
    static String challenge(boolean local) {
        return local ? "Basic realm=\"Botilbudslaege\"" : "Bearer realm=\"Botilbudslaege\"";
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        if (authException instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_LOGIN_ATTEMPTS",
                    "problem.tooManyLoginAttempts",
                    throttled.retryAfterSeconds());
            return;
        }
        if (DatabaseOutage.causedBy(authException)) {
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "DATABASE_UNAVAILABLE",
                    "problem.databaseUnavailable");
            return;
        }
        response.setHeader("WWW-Authenticate", challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", unauthorized);
    }

    /**
     * A refusal before the controller: in practice a missing CSRF token. A caller who is not signed in
     * at all (no credentials, no session) is asked to sign in (401 with the challenge), not told "forbidden".
     */
    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        // a missing CSRF token is said as such to a caller with credentials, also before they were read
        // (the CSRF filter runs first): "log in" would send a client with the right password round in circles
        boolean tokenMissingWithCredentials =
                accessDeniedException instanceof org.springframework.security.web.csrf.CsrfException
                        && request.getHeader("Authorization") != null;
        if (!tokenMissingWithCredentials
                && !trustResolver.isAuthenticated(
                        SecurityContextHolder.getContext().getAuthentication())) {
            commence(
                    request, response, new InsufficientAuthenticationException("not signed in", accessDeniedException));
            return;
        }
        SecurityEvents.forbidden(request, accessDeniedException.getClass().getSimpleName());
        write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "problem.forbidden.csrf");
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String detailKey,
            Object... args)
            throws IOException {
        Problem.write(
                request, response, messages, localeResolver.resolveLocale(request), status, code, detailKey, args);
    }
}
