package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running application describes its public API (API.md: "The OpenAPI description is served"). */
@IntegrationTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void the_openapi_description_lists_the_registry_endpoints_without_signing_in() {
        Api.Response answer = Api.on(port).get("/api/v1/openapi.json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("paths").has("/api/v1/facilities")).isTrue();
        assertThat(answer.json().path("paths").has("/api/v1/facilities/{id}")).isTrue();
        assertThat(answer.json().path("paths").has("/api/v1/practices")).isTrue();
        assertThat(answer.json().path("paths").has("/api/v1/doctors/{id}")).isTrue();
        assertThat(answer.json().path("paths").has("/api/v1/municipalities")).isTrue();
    }

    @Test
    void the_swagger_ui_is_served_for_people_who_explore_the_api() {
        Api.Response answer = Api.on(port).get("/api/v1/docs");
        assertThat(answer.status()).isIn(200, 302);
    }
}
