package dk.botilbudslaege.security;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Security events on their own logger, {@code security}, one line each with who (the username as
 * typed, never the password), from which client address, on which path and why. Operations can send
 * this logger elsewhere (e.g. a SIEM) by its name. Values are cut short and stripped of control
 * characters, so a username cannot forge a log line.
 */
public final class SecurityEvents {

    static final Logger log = LoggerFactory.getLogger("security");

    private SecurityEvents() {}

    static void loginFailed(String username, String address, String reason) {
        log.warn(
                "event=LOGIN_FAILED user=\"{}\" address={} path={} reason={}",
                clean(username),
                clean(address),
                clean(currentPath()),
                reason);
    }

    static void loginThrottled(String username, String address, long retryAfterSeconds) {
        log.warn(
                "event=LOGIN_THROTTLED user=\"{}\" address={} path={} reason=TOO_MANY_FAILURES retryAfter={}s",
                clean(username),
                clean(address),
                clean(currentPath()),
                retryAfterSeconds);
    }

    static void disabledRefused(String username, HttpServletRequest request) {
        log.warn(
                "event=ACCOUNT_DISABLED user=\"{}\" address={} path={} reason=DISABLED_OR_REMOVED",
                clean(username),
                clean(request.getRemoteAddr()),
                clean(request.getRequestURI()));
    }

    /** Issue 15: an enabled account's session refused because its role, scope or user-admin right changed. */
    static void scopeChangedRefused(String username, HttpServletRequest request) {
        log.warn(
                "event=ACCOUNT_CHANGED user=\"{}\" address={} path={} reason=ROLE_OR_SCOPE_CHANGED",
                clean(username),
                clean(request.getRemoteAddr()),
                clean(request.getRequestURI()));
    }

    /**
     * A person signed in at the identity provider and was refused here (unknown, disabled, ambiguous e-mail): the
     * provider's subject, never a token.
     */
    static void oidcRefused(String subject, String reason) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        String address = attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : "";
        log.warn(
                "event=OIDC_REFUSED subject=\"{}\" address={} path={} reason={}",
                clean(subject),
                clean(address),
                clean(currentPath()),
                clean(reason));
    }

    /** A 403: the signed-in user (if any) was refused something; {@code reason} says what refused it. */
    public static void forbidden(HttpServletRequest request, String reason) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String user = authentication == null ? "" : authentication.getName();
        log.warn(
                "event=FORBIDDEN user=\"{}\" address={} path={} method={} reason={}",
                clean(user),
                clean(request.getRemoteAddr()),
                clean(request.getRequestURI()),
                clean(request.getMethod()),
                clean(reason));
    }

    private static String currentPath() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRequestURI()
                : "";
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 100));
        value.codePoints()
                .limit(100)
                .forEach(c -> out.appendCodePoint(
                        Character.isISOControl(c) || c == '"' || Character.getType(c) == Character.FORMAT ? '?' : c));
        return out.toString();
    }
}
