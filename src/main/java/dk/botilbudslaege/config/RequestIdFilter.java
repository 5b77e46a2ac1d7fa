package dk.botilbudslaege.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 17 item 4: every request has an id, in the MDC as {@code requestId} (so on every log line written while it
 * is handled, the {@code security} logger's too) and in the response header {@code X-Request-Id}. A well-formed
 * {@code X-Request-Id} from the caller (a load balancer, an integration) is kept: 1 to 64 letters, digits and
 * {@code . _ : -}. Anything else (a newline, 500 characters) is replaced by a fresh UUID and never logged.
 */
final class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page's lines belong to the request too (the id is still in the MDC)
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String previous = MDC.get(MDC_KEY);
        String id = previous != null && request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST
                ? previous
                : requestId(request.getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    static String requestId(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }
}
