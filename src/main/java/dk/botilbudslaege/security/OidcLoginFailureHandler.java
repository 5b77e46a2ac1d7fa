package dk.botilbudslaege.security;

import dk.botilbudslaege.common.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A sign-in through the identity provider that did not end in a session here: a person the application does not
 * know, or a disabled account, sees the 403 page that says so and whom to ask ({@code /login/refused}); any other
 * failure (state mismatch, the provider refused, an invalid token) goes back to the login page with a message.
 */
class OidcLoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (DatabaseOutage.causedBy(exception)) {
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "";
        String target = switch (code) {
            case AppOidcUserService.UNKNOWN_USER -> "/login/refused?reason=unknown";
            case AppOidcUserService.DISABLED -> "/login/refused?reason=disabled";
            default -> {
                SecurityEvents.oidcRefused("", "IDP_ERROR " + code);
                yield "/login?idperror";
            }
        };
        response.sendRedirect(request.getContextPath() + target);
    }
}
