package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.InvalidRowsException;
import dk.botilbudslaege.common.Problem;
import dk.botilbudslaege.common.RequestLocale;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses an import upload larger than the server accepts before anything reads it. Past that size
 * the servlet container cannot parse the form (not even its CSRF token) and would answer with its
 * own English error page; here the API gets the same 400 {@code IMPORT_FAILED} as for any file over
 * the import's limit, and a person the import page saying so (SPEC §2). Uploads up to that size
 * reach {@link ImportFile}, which allows 5 MB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ImportUploadLimit extends OncePerRequestFilter {

    static final String TOO_LARGE = "fileTooLarge";
    private static final Set<String> PAGES = Set.of("/import/facilities", "/import/practices");
    private static final Set<String> API = Set.of("/api/v1/facilities/import", "/api/v1/practices/import");

    private final long maxRequestBytes;
    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    ImportUploadLimit(
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize,
            MessageSource messages,
            LocaleResolver localeResolver) {
        this.maxRequestBytes = maxRequestSize.toBytes();
        this.messages = messages;
        this.localeResolver = localeResolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod())
                || !(PAGES.contains(path) || API.contains(path))
                || request.getContentLengthLong() <= maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PAGES.contains(path)) {
            response.sendRedirect(request.getContextPath() + "/import?error=" + TOO_LARGE);
            return;
        }
        // The app's language choice, except a "lang" parameter: reading one would parse the oversized body.
        var locale = RequestLocale.withoutParameters(localeResolver, request);
        // The same answer as for a file over 5 MB that was read (see ImportFile and ErrorResponses).
        var error = new Problem.RowError(
                null,
                "file",
                null,
                messages.getMessage(
                        "import.file.tooLarge", new Object[] {ImportFile.MAX_BYTES / (1024 * 1024)}, locale));
        Problem.write(
                response,
                Problem.of(
                        messages,
                        locale,
                        HttpStatus.BAD_REQUEST,
                        InvalidRowsException.CODE,
                        messages.getMessage("import.failed.detail", null, locale),
                        request.getRequestURI(),
                        List.of(error)));
    }
}
