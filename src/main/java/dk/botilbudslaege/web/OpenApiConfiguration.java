package dk.botilbudslaege.web;

import dk.botilbudslaege.security.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/v1/openapi.json (API.md is the contract it describes). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // the signed-in user is resolved from the session or HTTP Basic, never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
    }

    @Bean
    OpenAPI botilbudslaegeOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Botilbudslæge API")
                        .version("v1")
                        .description("Faste læger på botilbud (Aftale25): registry, agreements, settlement, "
                                + "coverage and matching. HTTP Basic with the same accounts as the web login; "
                                + "errors are RFC 9457 problem+json with a stable code."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        // issue 15 part C: API clients, a token from POST /oauth2/token or an API key
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An opaque access token from POST /oauth2/token "
                                                + "(grant_type=client_credentials), valid 15 minutes"))
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
