package dk.botilbudslaege.agreement;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the agreement API tests share: the API client through MockMvc in the shared application context
 * ({@code api}) and the scenarios that build doctors, practices and facilities for a rule ({@code given}).
 * Tests that need real HTTP (pages, concurrency) build their own with {@code Api.on(port)}.
 */
abstract class AgreementTestBase {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    Api api;
    AgreementScenarios given;

    @BeforeEach
    void setUpScenarios() {
        api = Api.through(context);
        given = new AgreementScenarios(api, jdbc, users);
    }
}
