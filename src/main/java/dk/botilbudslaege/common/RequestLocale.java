package dk.botilbudslaege.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request whose parameters must not be read: a body too large to parse, parameters that cannot be
 * decoded. The app's choice from its cookie (or an API client's Accept-Language), never from a {@code lang} parameter,
 * since reading one would parse the body or query string again.
 */
public final class RequestLocale {

    private RequestLocale() {}

    public static Locale withoutParameters(LocaleResolver resolver, HttpServletRequest request) {
        return resolver.resolveLocale(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return null;
            }
        });
    }
}
