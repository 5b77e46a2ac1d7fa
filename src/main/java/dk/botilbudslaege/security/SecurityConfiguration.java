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
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Two doors: {@code /api/**} for API clients (HTTP Basic in the local mode only, or the browser's session)
 * answering problem+json, and everything else for people (the password form unless
 * {@code botilbud.login.password-enabled=false}, the identity provider over OpenID Connect when
 * {@code spring.security.oauth2.client.registration.idp.*} is configured, CSRF on every form). Scope checks are
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
            Environment environment,
            LoginSettings settings,
            ObjectProvider<SecurityChainCustomizer> customizers)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs", "/api/v1/docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // the API never starts a session (a browser's own session is used as it is): an anonymous
                // call must not hand an integration a cookie that then makes its POSTs need a CSRF token
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A client with its own credentials (HTTP Basic, a bearer token, an API key) and no session
                // needs no CSRF token; a browser session does, whatever Authorization header comes along with it.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
                        request -> !SAFE_METHODS.contains(request.getMethod()) && !credentialsWithoutSession(request)))
                .addFilterBefore(
                        new EnabledAccountFilter(jdbc, problems, true, passwords::forget), AuthorizationFilter.class);
        // A person's password on the API: the local mode only (API.md); in production an integration uses its own
        // credentials (API clients), and Basic is refused (401) like any other missing authentication.
        if (basicAllowed(environment, settings)) {
            http.httpBasic(basic -> basic.realmName("Botilbudslaege").authenticationEntryPoint(problems));
        }
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
            LoginSettings settings,
            LastLogins lastLogins,
            AppOidcUserService oidcUsers,
            ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<SecurityChainCustomizer> customizers)
            throws Exception {
        ClientRegistrationRepository identityProvider = registrations.getIfAvailable();
        LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        toLogin.setFavorRelativeUris(true); // never a redirect to whatever Host header the request came with
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/login/refused",
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
                .exceptionHandling(e -> e.authenticationEntryPoint(toLogin)
                        .accessDeniedHandler((request, response, denied) -> {
                            SecurityEvents.forbidden(request, denied.getClass().getSimpleName());
                            if (denied instanceof CsrfException) {
                                // a missing or stale CSRF token: the page was old, not the role wrong (the error
                                // page, web.ErrorResponses.failed, shows this message key's text)
                                request.setAttribute("dk.botilbudslaege.error.detailKey", "error.403.csrf");
                            }
                            forbidden.handle(request, response, denied);
                        }))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess(settings, identityProvider))
                        .permitAll())
                .addFilterBefore(
                        new EnabledAccountFilter(jdbc, problems, false, passwords::forget), AuthorizationFilter.class);
        if (settings.passwordEnabled()) {
            // issue 16, login: back to the page asked for (a same-site path only), else the start page
            http.formLogin(form -> form.loginPage("/login")
                    .successHandler(lastLogins.then(new DeepLinkSuccessHandler()))
                    .failureHandler(new FormLoginFailureHandler())
                    .permitAll());
        } // else a POST /login reaches LoginController, which refuses it (403)
        if (identityProvider != null) {
            http.oauth2Login(login -> login.loginPage("/login") // ours, with the button: no generated page
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
                    .successHandler(lastLogins.then(new DeepLinkSuccessHandler()))
                    .failureHandler(new OidcLoginFailureHandler()));
        }
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

    /** HTTP Basic with a person's password on the API: local mode only, and only while passwords are on. */
    static boolean basicAllowed(Environment environment, LoginSettings settings) {
        return LocalDatabaseCondition.isLocal(environment) && settings.passwordEnabled();
    }

    /** Logout ends the session here and, with {@code botilbud.oidc.rp-logout}, at the identity provider too. */
    private static LogoutSuccessHandler logoutSuccess(LoginSettings settings, ClientRegistrationRepository provider) {
        if (settings.rpLogout() && provider != null) {
            OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(provider);
            handler.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            handler.setDefaultTargetUrl("/login?logout"); // a password user, or a provider without end_session
            return handler;
        }
        SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl("/login?logout");
        return local;
    }

    /**
     * Credentials of a client's own (HTTP Basic, {@code Authorization: Bearer}, {@code X-API-Key}) and no session,
     * neither an existing one nor one the request names: no CSRF token needed.
     */
    static boolean credentialsWithoutSession(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        boolean credentials = authorization != null
                        && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
                                || authorization.regionMatches(true, 0, "Bearer ", 0, 7))
                || request.getHeader("X-API-Key") != null;
        return credentials && request.getRequestedSessionId() == null && request.getSession(false) == null;
    }

    @Bean
    LoginSettings loginSettings(Environment environment) {
        return LoginSettings.from(environment);
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
