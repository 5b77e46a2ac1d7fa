package dk.botilbudslaege.security;

import dk.botilbudslaege.config.LocalDatabaseCondition;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two doors: {@code /api/**} for API clients (HTTP Basic, or the browser's session) answering
 * problem+json, and everything else for people (form login, CSRF on every form). Scope checks are
 * made by the modules on every request, on top of "signed in". Both doors throttle failed logins
 * (LoginThrottle), refuse a disabled account at its next request (EnabledAccountFilter), log failures
 * and refusals (SecurityEvents) and send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Every page passes it: no inline script or style, htmx from our own origin (layout.html, app.js). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " + "interest-cohort=()";

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ProblemResponses problems,
            JdbcClient jdbc,
            CachingAuthenticationProvider passwords,
            ObjectProvider<SecurityChainCustomizer> customizers)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName("Botilbudslaege").authenticationEntryPoint(problems))
                // the API never starts a session (a browser's own session is used as it is): an anonymous
                // call must not hand an integration a cookie that then makes its POSTs need a CSRF token
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A client with its own credentials (HTTP Basic) and no session needs no CSRF token; a
                // browser session does, whatever Authorization header comes along with it.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
                        request -> !SAFE_METHODS.contains(request.getMethod()) && !basicWithoutSession(request)))
                .addFilterBefore(
                        new EnabledAccountFilter(jdbc, problems, true, passwords::forget), AuthorizationFilter.class);
        headers(http);
        for (SecurityChainCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.api(http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            ProblemResponses problems,
            JdbcClient jdbc,
            CachingAuthenticationProvider passwords,
            ObjectProvider<SecurityChainCustomizer> customizers)
            throws Exception {
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true); // never a redirect to whatever Host header the request came with
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .failureHandler(new FormLoginFailureHandler())
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(toLogin)
                        .accessDeniedHandler((request, response, denied) -> {
                            SecurityEvents.forbidden(request, denied.getClass().getSimpleName());
                            forbidden.handle(request, response, denied);
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .addFilterBefore(
                        new EnabledAccountFilter(jdbc, problems, false, passwords::forget), AuthorizationFilter.class);
        headers(http);
        for (SecurityChainCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.web(http);
        }
        return http.build();
    }

    /**
     * The API explorer (Swagger UI, /api/v1/docs) is a third-party page that sets style attributes from
     * its script; it alone may apply inline styles. Inline script stays refused there too.
     */
    static final String API_EXPLORER_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static void headers(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.addHeaderWriter((request, response) -> response.setHeader(
                        "Content-Security-Policy",
                        request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/docs")
                                        || request.getRequestURI()
                                                .startsWith(request.getContextPath() + "/api/v1/swagger-ui")
                                ? API_EXPLORER_POLICY
                                : CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
    }

    /** HTTP Basic credentials and no session, neither an existing one nor one the request names. */
    static boolean basicWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getRequestedSessionId() == null
                && request.getSession(false) == null;
    }

    /**
     * BCrypt. Against an external (production) database the demo password is refused outright,
     * whatever account carries it.
     */
    @Bean
    PasswordEncoder passwordEncoder(Environment environment) {
        PasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return LocalDatabaseCondition.isLocal(environment) ? bcrypt : new DemoPasswordRefusingEncoder(bcrypt);
    }
}
