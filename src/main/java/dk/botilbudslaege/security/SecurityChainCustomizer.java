package dk.botilbudslaege.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A part of the security set-up that plugs into the two doors without editing them: each bean is applied, in
 * its {@code @Order}, at the end of the API chain and of the web chain (SecurityConfiguration).
 */
public interface SecurityChainCustomizer {

    default void api(HttpSecurity http) throws Exception {}

    default void web(HttpSecurity http) throws Exception {}
}
