package dk.botilbudslaege.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Issue 16, login: after signing in (the password form or the identity provider) a person lands on the page they
 * asked for before the login page (a link in a mail, a bookmark), else on the start page. Only a GET of a page of
 * this application is kept, and only as a same-site relative path (the saved request's own absolute URL is built
 * from the request's Host header and is never used): never another site, never {@code //host}, never an htmx
 * fragment.
 */
class DeepLinkSuccessHandler implements AuthenticationSuccessHandler {

    private final RequestCache requestCache;

    DeepLinkSuccessHandler() {
        this(new HttpSessionRequestCache());
    }

    DeepLinkSuccessHandler(RequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        String target = saved instanceof DefaultSavedRequest page ? target(request.getContextPath(), page) : null;
        response.sendRedirect(request.getContextPath() + (target == null ? "/" : target));
    }

    /** The saved page as a path (with its query) below the context path, or null when it is not one to go back to. */
    static String target(String contextPath, DefaultSavedRequest saved) {
        if (!"GET".equals(saved.getMethod())
                || !saved.getHeaderValues("HX-Request").isEmpty()) {
            return null;
        }
        String uri = saved.getRequestURI();
        if (uri == null || !uri.startsWith(contextPath + "/")) {
            return null;
        }
        String path = uri.substring(contextPath.length());
        String query = saved.getQueryString();
        if (query != null) {
            // Spring Security's own marker of a replayed request (HttpSessionRequestCache's "continue")
            query = query.replaceAll("(^|&)continue(=[^&]*)?", "").replaceFirst("^&", "");
        }
        String target = query == null || query.isEmpty() ? path : path + "?" + query;
        return safe(target) ? target : null;
    }

    /** A path of this site: one leading slash, no scheme or host, no backslash or control character. */
    static boolean safe(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return !target.equals("/login") && !target.startsWith("/login?") && !target.startsWith("/logout");
    }
}
