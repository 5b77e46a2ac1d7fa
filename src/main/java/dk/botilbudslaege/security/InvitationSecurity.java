package dk.botilbudslaege.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The invitation link {@code /invitation/**} is opened by someone not signed in yet: its own small chain, open to
 * all, CSRF on its form, the same security headers as every page, and no Referer (the path holds the token).
 */
@Configuration(proxyBeanMethods = false)
class InvitationSecurity {

    @Bean
    @Order(-1)
    SecurityFilterChain invitationLinks(HttpSecurity http) throws Exception {
        http.securityMatcher("/invitation/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.addHeaderWriter(new StaticHeadersWriter(
                                "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY)));
        return http.build();
    }
}
