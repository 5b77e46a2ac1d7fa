package dk.botilbudslaege.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A disabled (or removed) account is refused at its next request, whether it comes with a session
 * signed in before the account was disabled or with HTTP Basic credentials the authentication cache
 * remembers: one indexed lookup of {@code app_user.enabled} per signed-in request. The session is
 * ended; a person is sent to the login page, an API client gets 401.
 */
class EnabledAccountFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final AuthenticationEntryPoint apiEntryPoint;
    private final boolean api;

    EnabledAccountFilter(JdbcClient jdbc, AuthenticationEntryPoint apiEntryPoint, boolean api) {
        this.jdbc = jdbc;
        this.apiEntryPoint = apiEntryPoint;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AppUserDetails user
                && !enabled(user.getUsername())) {
            SecurityEvents.disabledRefused(user.getUsername(), request);
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

    private boolean enabled(String username) {
        return jdbc.sql("select enabled from app_user where username = :u")
                .param("u", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
