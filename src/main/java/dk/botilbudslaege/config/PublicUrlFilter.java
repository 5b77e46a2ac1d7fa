package dk.botilbudslaege.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where a request comes from and which address it was sent to, as far as we can trust it.
 *
 * <p>The client address is taken from X-Forwarded-For only when the request comes straight from a
 * trusted proxy ({@code botilbud.trusted-proxies}, by default this machine); it is the rightmost
 * address that the trusted proxies did not add. From anywhere else the header is ignored.
 *
 * <p>Behind a TLS proxy ({@code botilbud.public-url} set, e.g. {@code https://botilbud.example.dk}) every
 * request reports the configured scheme, host and port, whatever Host, X-Forwarded-Host or
 * X-Forwarded-Proto header it came with: a forged Host header cannot make the application build a URL
 * (a redirect, a link) to another host, and with https the request is secure (HSTS, Secure cookies,
 * see PublicUrlConfiguration). Without it the request's own scheme and host stand, and redirects are
 * relative (server.tomcat.use-relative-redirects). Forwarded headers are hidden from the rest of the
 * application either way.
 */
final class PublicUrlFilter extends OncePerRequestFilter {

    private static final Set<String> FORWARDED = Set.of(
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-forwarded-port",
            "x-forwarded-prefix",
            "x-forwarded-ssl");

    private final String scheme;
    private final String host;
    private final int port;
    private final Set<String> trustedProxies;

    /** @param publicUrl the address people use, or null to keep each request's own */
    PublicUrlFilter(URI publicUrl, Set<String> trustedProxies) {
        this.scheme = publicUrl == null ? null : publicUrl.getScheme().toLowerCase();
        this.host = publicUrl == null ? null : publicUrl.getHost();
        this.port = publicUrl == null
                ? 0
                : publicUrl.getPort() > 0 ? publicUrl.getPort() : "https".equals(scheme) ? 443 : 80;
        this.trustedProxies = trustedProxies;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientAddress = clientAddress(request);
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getScheme() {
                        return host == null ? super.getScheme() : scheme;
                    }

                    @Override
                    public boolean isSecure() {
                        return host == null ? super.isSecure() : "https".equals(scheme);
                    }

                    @Override
                    public String getServerName() {
                        return host == null ? super.getServerName() : host;
                    }

                    @Override
                    public int getServerPort() {
                        return host == null ? super.getServerPort() : port;
                    }

                    @Override
                    public StringBuffer getRequestURL() {
                        if (host == null) {
                            return super.getRequestURL();
                        }
                        StringBuffer url =
                                new StringBuffer(scheme).append("://").append(host);
                        if (port != ("https".equals(scheme) ? 443 : 80)) {
                            url.append(':').append(port);
                        }
                        return url.append(getRequestURI());
                    }

                    @Override
                    public String getRemoteAddr() {
                        return clientAddress;
                    }

                    @Override
                    public String getRemoteHost() {
                        return clientAddress;
                    }

                    @Override
                    public String getHeader(String name) {
                        if (host != null && "host".equalsIgnoreCase(name)) {
                            return host;
                        }
                        return FORWARDED.contains(name.toLowerCase()) ? null : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        if (host != null && "host".equalsIgnoreCase(name)) {
                            return Collections.enumeration(List.of(host));
                        }
                        return FORWARDED.contains(name.toLowerCase())
                                ? Collections.emptyEnumeration()
                                : super.getHeaders(name);
                    }

                    @Override
                    public Enumeration<String> getHeaderNames() {
                        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                                .filter(name -> !FORWARDED.contains(name.toLowerCase()))
                                .toList());
                    }
                },
                response);
    }

    private String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
