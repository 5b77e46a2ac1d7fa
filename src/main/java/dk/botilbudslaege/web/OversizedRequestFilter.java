package dk.botilbudslaege.web;

import dk.botilbudslaege.common.Problem;
import dk.botilbudslaege.common.RequestLocale;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A form body over {@code server.tomcat.max-http-form-post-size} (2 MB): Tomcat refuses to parse it, and the first
 * {@code getParameter} anywhere (a security filter, a controller, the error page) threw its
 * InvalidParameterException, which came out as Tomcat's own HTML 413 page and several ERROR entries with stack
 * traces per request, so an anonymous caller could flood the log. This filter, before every other one, answers such a
 * request itself with 413 in the endpoint's format (problem+json {@code PAYLOAD_TOO_LARGE} on {@code /api/**},
 * RFC 6749 {@code invalid_request} JSON on {@code /oauth2/token}, a short Danish page elsewhere) and logs one WARN
 * line without a stack trace. It parses the form (what the next filter would do anyway) only for form posts.
 */
@Component
@Order(-120)
class OversizedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OversizedRequestFilter.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final long maxFormSize;

    OversizedRequestFilter(
            MessageSource messages,
            LocaleResolver localeResolver,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.maxFormSize = maxFormSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            long length = request.getContentLengthLong();
            boolean tooLarge = maxFormSize >= 0 && length > maxFormSize;
            if (!tooLarge) {
                try {
                    request.getParameterMap();
                } catch (InvalidParameterException e) {
                    if (e.getErrorCode() != HttpStatus.CONTENT_TOO_LARGE.value()) {
                        throw e;
                    }
                    tooLarge = true;
                }
            }
            if (tooLarge) {
                log.warn(
                        "Request body too large on {} {} from {} ({} bytes)",
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getRemoteAddr(),
                        length);
                tooLarge(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        // the locale from the cookie or Accept-Language only: reading a parameter (?lang=) would parse the body again
        Locale locale = RequestLocale.withoutParameters(localeResolver, request);
        String text = messages.getMessage("problem.requestTooLarge", null, "Forespørgslen er for stor.", locale);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/oauth2/token")) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream()
                    .write("{\"error\":\"invalid_request\",\"error_description\":\"request body too large\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (ErrorResponses.isApi(request)) {
            Problem.write(
                    response,
                    Problem.of(
                            messages,
                            locale,
                            HttpStatus.CONTENT_TOO_LARGE,
                            "PAYLOAD_TOO_LARGE",
                            text,
                            request.getRequestURI(),
                            List.of()));
            return;
        }
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String title = messages.getMessage("problem.requestTooLarge.title", null, "For stor forespørgsel", locale);
        response.getOutputStream()
                .write(("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                                + escape(title) + "</title></head><body><main><h1>"
                                + escape(title) + "</h1><p>" + escape(text)
                                + "</p><p><a href=\"" + escape(request.getContextPath()) + "/\">"
                                + escape(messages.getMessage(
                                        "problem.requestTooLarge.back", null, "Til forsiden", locale))
                                + "</a></p></main></body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
