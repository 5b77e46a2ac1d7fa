package dk.botilbudslaege.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * {@code app_user.last_login_at}: set at every interactive sign-in, by the password form or through the identity
 * provider (not by an API call with HTTP Basic), so that an administrator sees who still uses the application.
 */
@Component
class LastLogins {

    private final JdbcClient jdbc;

    LastLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Authentication authentication) {
        if (authentication.getPrincipal() instanceof ScopedPrincipal principal && principal.person()) {
            jdbc.sql("update app_user set last_login_at = now() where username = :username")
                    .param("username", principal.user().username())
                    .update();
        }
    }

    /** Records the sign-in, then goes on as {@code next} does. */
    AuthenticationSuccessHandler then(AuthenticationSuccessHandler next) {
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                record(authentication);
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }
}
