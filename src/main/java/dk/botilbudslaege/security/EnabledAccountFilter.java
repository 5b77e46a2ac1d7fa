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
 * ended; a person is sent to the login page, an API client gets 401.
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
        if (authentication != null
                && authentication.getPrincipal() instanceof ScopedPrincipal principal
                && principal.person()
                && !current(principal)) {
            SecurityEvents.disabledRefused(principal.user().username(), request);
            forget.accept(principal.user().username());
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (api) {
                apiEntryPoint.commence(request, response, new DisabledException("account disabled"));
            } else {
                response.sendRedirect(request.getContextPath() + "/login?disabled");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** Enabled, and signed in with the role and scope the account has now (scope_version unchanged). */
    private boolean current(ScopedPrincipal principal) {
        return jdbc.sql("select enabled and scope_version = :v from app_user where username = :u")
                .param("u", principal.user().username())
                .param("v", principal.scopeVersion())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
