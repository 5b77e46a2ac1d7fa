package dk.botilbudslaege.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * i18-misc: {@code /actuator/prometheus} answers in the text formats only. The protobuf exposition (2 MB of shaded
 * protobuf, {@code prometheus-metrics-exposition-formats}) is left out of the jar, but the endpoint still offers
 * it, and a scraper that asks for it first (Prometheus with native histograms) got a 500. This filter takes the
 * protobuf types out of that endpoint's {@code Accept} header, so content negotiation picks the text format the
 * scraper also accepts ({@code text/plain} when it named nothing else).
 */
final class TextMetricsFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";
    private static final String PROTOBUF = "application/vnd.google.protobuf";
    private static final String FALLBACK = "text/plain;version=0.0.4;q=0.1";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null
                || !accept.toLowerCase(java.util.Locale.ROOT).contains(PROTOBUF)
                || !PATH.equals(request.getRequestURI()
                        .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new TextOnly(request, textTypes(request.getHeader("Accept"))), response);
    }

    static String textTypes(String accept) {
        String kept = Arrays.stream(accept.split(","))
                .map(String::strip)
                .filter(type -> !type.isEmpty()
                        && !type.toLowerCase(java.util.Locale.ROOT).startsWith(PROTOBUF))
                .collect(Collectors.joining(","));
        return kept.isEmpty() ? FALLBACK : kept + "," + FALLBACK;
    }

    private static final class TextOnly extends HttpServletRequestWrapper {

        private final String accept;

        TextOnly(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(accept))
                    : super.getHeaders(name);
        }
    }
}
