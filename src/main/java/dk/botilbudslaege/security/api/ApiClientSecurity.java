package dk.botilbudslaege.security.api;

import dk.botilbudslaege.security.SecurityChainCustomizer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Plugs API clients into the security set-up: the client filter on the API chain (before CSRF, see
 * ApiClientFilter), and a chain of its own for {@code POST /oauth2/token}: stateless, no session, no CSRF; the
 * endpoint authenticates the client itself (RFC 6749 answers).
 */
@Configuration(proxyBeanMethods = false)
class ApiClientSecurity {

    @Bean
    SecurityChainCustomizer apiClientCustomizer(ApiClients clients, ApiRateLimiter limiter, ApiProblems problems) {
        return new SecurityChainCustomizer() {
            @Override
            public void api(HttpSecurity http) {
                http.addFilterBefore(new ApiClientFilter(clients, limiter, problems), CsrfFilter.class);
            }
        };
    }

    @Bean
    @Order(0)
    SecurityFilterChain tokenEndpointChain(HttpSecurity http) throws Exception {
        http.securityMatcher(TokenEndpoint.PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                // any other method than POST: a 405 in the endpoint's own JSON, not the HTML error page
                .addFilterBefore(
                        (request, response, chain) -> {
                            HttpServletResponse answer = (HttpServletResponse) response;
                            if ("POST".equals(((HttpServletRequest) request).getMethod())) {
                                chain.doFilter(request, response);
                                return;
                            }
                            answer.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                            answer.setHeader("Allow", "POST");
                            answer.setHeader("Cache-Control", "no-store");
                            answer.setContentType("application/json");
                            answer.setCharacterEncoding("UTF-8");
                            answer.getWriter()
                                    .write("{\"error\":\"invalid_request\",\"error_description\":\"use POST\"}");
                        },
                        CsrfFilter.class);
        return http.build();
    }
}
