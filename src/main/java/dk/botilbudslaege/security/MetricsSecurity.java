package dk.botilbudslaege.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Issue 17 item 4: {@code /actuator/prometheus} in a chain of its own. Readable by the administrator's session (role
 * ADMIN, as on every page) and by the scraper's own HTTP Basic credential, {@code botilbud.metrics.username} and
 * {@code botilbud.metrics.password-hash} (BCrypt, from the environment; the secret itself lives only in the
 * scraper's configuration). Anyone else: 401 without credentials, 403 signed in with another role.
 *
 * <p>Why not an API client (security.api): those act for a role and scope in the domain (and a METRICS role would
 * need a migration), their key is looked up in PostgreSQL, and a scraper must still read the metrics while
 * PostgreSQL is away, which is when they matter most. The scraper's credential is checked in memory, never against
 * app_user, and a person's password is never accepted here.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    static final String PATH = "/actuator/prometheus";
    static final String SCRAPER_ROLE = "METRICS";

    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(
            HttpSecurity http,
            @Value("${botilbud.metrics.username:metrics}") String username,
            @Value("${botilbud.metrics.password-hash:}") String passwordHash)
            throws Exception {
        ScraperCredential scraper = ScraperCredential.of(username, passwordHash);
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        http.securityMatcher(PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Role.ADMIN.name(), SCRAPER_ROLE))
                // the administrator's existing session is read (the default); a scraper never gets one
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .authenticationManager(new ProviderManager(List.of(scraper)))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, denied) -> {
                            SecurityEvents.forbidden(
                                    request, "METRICS_" + denied.getClass().getSimpleName());
                            forbidden.handle(request, response, denied);
                        }));
        return http.build();
    }

    /** The one scraper credential, compared in memory; none when no hash is configured. */
    record ScraperCredential(String username, String passwordHash, BCryptPasswordEncoder bcrypt)
            implements org.springframework.security.authentication.AuthenticationProvider {

        static ScraperCredential of(String username, String passwordHash) {
            String hash = passwordHash == null ? "" : passwordHash.trim();
            if (hash.startsWith("{bcrypt}")) {
                hash = hash.substring("{bcrypt}".length());
            }
            if (!hash.isEmpty() && !hash.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalStateException(
                        "botilbud.metrics.password-hash must be a BCrypt hash ($2y$12$...), never the secret itself");
            }
            return new ScraperCredential(
                    username == null ? "" : username.trim(), hash.isEmpty() ? null : hash, new BCryptPasswordEncoder());
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String name = authentication.getName();
            Object credentials = authentication.getCredentials();
            boolean ok = passwordHash != null
                    && !username.isEmpty()
                    && MessageDigest.isEqual(
                            username.getBytes(StandardCharsets.UTF_8), name.getBytes(StandardCharsets.UTF_8))
                    && credentials != null
                    && bcrypt.matches(credentials.toString(), passwordHash);
            if (!ok) {
                SecurityEvents.loginFailed(name, remoteAddress(), "BAD_METRICS_CREDENTIALS");
                throw new BadCredentialsException("bad metrics credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                    "metrics:" + username, null, List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE)));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private static String remoteAddress() {
            var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
            return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                    ? servlet.getRequest().getRemoteAddr()
                    : "";
        }

        @Override
        public String toString() {
            return "ScraperCredential[" + username + "]"; // never the hash
        }
    }
}
