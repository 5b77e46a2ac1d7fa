package dk.botilbudslaege.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A disabled (or removed) account, or one whose role or scope was changed since the sign-in (scope_version), is
 * refused at its next request, whether it comes with a session
 * signed in before the account was disabled or with HTTP Basic credentials the authentication cache
 * remembers: one indexed lookup of {@code app_user.enabled} per signed-in request. The session is
 * ended; a person is sent to the login page, an API client gets 401. The login page tells a person which:
 * {@code /login?disabled} for a disabled or removed account, {@code /login?changed} (issue 15) for an enabled one
 * whose role, scope or user-admin right was changed ("Dine rettigheder er ændret. Log ind igen.").
 */
class EnabledAccountFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final AuthenticationEntryPoint apiEntryPoint;
    private final boolean api;
    private final Consumer<String> forget;

    EnabledAccountFilter(
            JdbcClient jdbc, AuthenticationEntryPoint apiEntryPoint, boolean api, Consumer<String> forget) {
        this.jdbc = jdbc;
        this.apiEntryPoint = apiEntryPoint;
        this.api = api;
        this.forget = forget;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        State state = authentication != null
                        && authentication.getPrincipal() instanceof ScopedPrincipal principal
                        && principal.person()
                ? state(principal)
                : State.CURRENT;
        if (state != State.CURRENT) {
            String username =
                    ((ScopedPrincipal) authentication.getPrincipal()).user().username();
            boolean changed = state == State.CHANGED;
            if (changed) {
                SecurityEvents.scopeChangedRefused(username, request);
            } else {
                SecurityEvents.disabledRefused(username, request);
            }
            forget.accept(username);
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (api) {
                apiEntryPoint.commence(request, response, new DisabledException("account disabled"));
            } else {
                response.sendRedirect(request.getContextPath() + (changed ? "/login?changed" : "/login?disabled"));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    enum State {
        /** Enabled, and signed in with the role and scope the account has now (scope_version unchanged). */
        CURRENT,
        /** Enabled, but its role, scope or user-admin right changed since the sign-in. */
        CHANGED,
        /** Disabled or removed. */
        DISABLED
    }

    private State state(ScopedPrincipal principal) {
        return jdbc.sql("select enabled, scope_version = :v as same from app_user where username = :u")
                .param("u", principal.user().username())
                .param("v", principal.scopeVersion())
                .query((rs, n) -> !rs.getBoolean("enabled")
                        ? State.DISABLED
                        : rs.getBoolean("same") ? State.CURRENT : State.CHANGED)
                .optional()
                .orElse(State.DISABLED);
    }
}
