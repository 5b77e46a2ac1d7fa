package dk.botilbudslaege.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The address people use, behind a TLS proxy: {@code botilbud.public-url}, and the proxies whose
 * X-Forwarded-For is believed: {@code botilbud.trusted-proxies}. See {@link PublicUrlFilter}; with an
 * https public URL the session cookie is also marked Secure.
 */
@Configuration(proxyBeanMethods = false)
class PublicUrlConfiguration {

    @Bean
    FilterRegistrationBean<PublicUrlFilter> publicUrlFilter(
            @Value("${botilbud.public-url:}") String publicUrl,
            @Value("${botilbud.trusted-proxies:127.0.0.1,::1,0:0:0:0:0:0:0:1}") String trustedProxies) {
        FilterRegistrationBean<PublicUrlFilter> registration = new FilterRegistrationBean<>();
        URI url = publicUrl.isBlank() ? null : URI.create(publicUrl.trim());
        if (url != null
                && (url.getHost() == null
                        || !Set.of("http", "https")
                                .contains(String.valueOf(url.getScheme()).toLowerCase()))) {
            throw new IllegalStateException(
                    "botilbud.public-url must be an http(s) URL such as https://botilbud.example.dk");
        }
        Set<String> proxies = Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        registration.setFilter(new PublicUrlFilter(url, proxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(
                jakarta.servlet.DispatcherType.REQUEST,
                jakarta.servlet.DispatcherType.ERROR,
                jakarta.servlet.DispatcherType.ASYNC,
                jakarta.servlet.DispatcherType.FORWARD);
        return registration;
    }

    /** Behind https, the session cookie is only ever sent over https. */
    @Bean
    ServletContextInitializer secureSessionCookie(@Value("${botilbud.public-url:}") String publicUrl) {
        return servletContext -> {
            if (publicUrl.trim().toLowerCase().startsWith("https:")) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
