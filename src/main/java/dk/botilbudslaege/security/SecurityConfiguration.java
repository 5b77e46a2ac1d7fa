package dk.botilbudslaege.security;

import java.util.Set;

import dk.botilbudslaege.config.LocalDatabaseCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors: {@code /api/**} for API clients (HTTP Basic, or the browser's session) answering
 * problem+json, and everything else for people (form login, CSRF on every form). Scope checks are
 * made by the modules on every request, on top of "signed in".
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs",
                                "/api/v1/docs/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Botilbudslaege").authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A client with its own credentials (HTTP Basic) needs no CSRF token; a browser session does.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request ->
                        !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
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
