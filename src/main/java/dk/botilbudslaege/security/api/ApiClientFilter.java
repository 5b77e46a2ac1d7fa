package dk.botilbudslaege.security.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API client on {@code /api/**} from {@code Authorization: Bearer <token>} or {@code X-API-Key: <key>}:
 * a wrong, expired or revoked credential is 401; over the client's rate 429 RATE_LIMITED with Retry-After; a READ
 * client's change 403 API_CLIENT_READ_ONLY. Runs before the CSRF filter: a request with these credentials and no
 * session needs no CSRF token (like HTTP Basic without a session: CsrfFilter.skipRequest). A request that carries a
 * live session is left to the session (its user, its CSRF token), and one naming a session that no longer exists is
 * signed in but still needs the token, as with HTTP Basic.
 */
final class ApiClientFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger SECURITY = LoggerFactory.getLogger("security");

    private final ApiClients clients;
    private final ApiRateLimiter limiter;
    private final ApiProblems problems;

    ApiClientFilter(ApiClients clients, ApiRateLimiter limiter, ApiProblems problems) {
        this.clients = clients;
        this.limiter = limiter;
        this.problems = problems;
    }

    /** Whether the request carries an API client's credentials (a bearer token or an API key). */
    static boolean hasClientCredentials(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
                || request.getHeader(API_KEY_HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        String key = request.getHeader(API_KEY_HEADER);
        // a browser's live session keeps the session's rules (its user, its CSRF token), whatever header comes along
        if ((!bearer && key == null) || request.getSession(false) != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClients.Authenticated> found =
                bearer ? clients.byToken(authorization.substring(7).trim()) : clients.byApiKey(key);
        if (found.isEmpty()) {
            SECURITY.warn(
                    "API_CLIENT_REFUSED {} {} from {}",
                    bearer ? "bearer" : "api-key",
                    request.getRequestURI(),
                    request.getRemoteAddr());
            problems.unauthorized(request, response);
            return;
        }
        ApiClients.Authenticated client = found.get();
        long wait = limiter.secondsToWait("api:" + client.id(), client.ratePerMinute());
        if (wait > 0) {
            problems.rateLimited(request, response, wait);
            return;
        }
        if (client.readOnly() && !READ_METHODS.contains(request.getMethod())) {
            SECURITY.warn("API_CLIENT_READ_ONLY {} {} {}", client.name(), request.getMethod(), request.getRequestURI());
            problems.readOnly(request, response);
            return;
        }
        ApiClientPrincipal principal = new ApiClientPrincipal(client.id(), client.user(), client.readOnly());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                List.of(new SimpleGrantedAuthority(
                        "ROLE_" + client.user().role().name()))));
        SecurityContextHolder.setContext(context);
        if (request.getRequestedSessionId() == null && request.getSession(false) == null) {
            CsrfFilter.skipRequest(request);
        }
        clients.used(client.id());
        chain.doFilter(request, response);
    }
}
