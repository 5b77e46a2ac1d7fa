package dk.botilbudslaege.security;

import dk.botilbudslaege.common.DatabaseOutage;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused form login: a wrong password goes back to the login page with the usual message; too
 * many failures show the login page itself with status 429, Retry-After and how long to wait; a
 * database outage answers the 503 page.
 */
class FormLoginFailureHandler implements AuthenticationFailureHandler {

    /** Request attribute read by {@link LoginController}: seconds to wait before trying again. */
    static final String RETRY_AFTER = LoginController.class.getName() + ".retryAfter";

    /**
     * Issue 16, login: session attribute with the user name of the last refused attempt, read once by
     * {@link LoginController} so that the field keeps it (the password field is always empty again).
     */
    static final String LAST_USERNAME = LoginController.class.getName() + ".lastUsername";

    /** The longest user name kept for the form; anything longer is nobody's. */
    static final int USERNAME_MAX = 100;

    private final AuthenticationFailureHandler wrongPassword =
            new SimpleUrlAuthenticationFailureHandler("/login?error");

    /**
     * Issue 15 review: the right password of a disabled account (CachingAuthenticationProvider checks the account's
     * state only after the password, so a wrong password never gets here).
     */
    private final AuthenticationFailureHandler disabled = new SimpleUrlAuthenticationFailureHandler("/login?disabled");

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        rememberUsername(request);
        if (exception instanceof LoginThrottledException throttled) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            request.setAttribute(RETRY_AFTER, throttled.retryAfterSeconds());
            // the login page as a GET, so that the forwarded request is not another login attempt
            request.getRequestDispatcher("/login")
                    .forward(
                            new HttpServletRequestWrapper(request) {
                                @Override
                                public String getMethod() {
                                    return "GET";
                                }
                            },
                            response);
            return;
        }
        if (DatabaseOutage.causedBy(exception)) {
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        if (exception instanceof DisabledException) {
            disabled.onAuthenticationFailure(request, response, exception);
            return;
        }
        wrongPassword.onAuthenticationFailure(request, response, exception);
    }

    private static void rememberUsername(HttpServletRequest request) {
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= USERNAME_MAX) {
            request.getSession().setAttribute(LAST_USERNAME, username.strip());
        }
    }
}
