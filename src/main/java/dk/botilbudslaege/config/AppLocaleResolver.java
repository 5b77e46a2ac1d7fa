package dk.botilbudslaege.config;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Danish by default (SPEC §9). A person switches language with {@code ?lang=en}, remembered in a
 * cookie; an API client asks for English with {@code Accept-Language: en} (API.md).
 */
public class AppLocaleResolver implements LocaleResolver {

    public static final Locale DANISH = Locale.forLanguageTag("da-DK");
    static final String COOKIE = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = chosen(request);
        if (chosen != null) {
            return chosen;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            String header = request.getHeader("Accept-Language");
            if (header != null && header.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return DANISH;
    }

    private static Locale chosen(HttpServletRequest request) {
        // never read parameters of an upload: that would parse (and size-check) the whole body here
        String contentType = request.getContentType();
        boolean upload =
                contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        String param = upload ? null : request.getParameter("lang");
        if (param == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    param = cookie.getValue();
                }
            }
        }
        if ("en".equals(param)) {
            return Locale.ENGLISH;
        }
        if ("da".equals(param)) {
            return DANISH;
        }
        return null;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Cookie cookie = new Cookie(COOKIE, locale != null && "en".equals(locale.getLanguage()) ? "en" : "da");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(365 * 24 * 3600);
        response.addCookie(cookie);
    }
}
