package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/** What every collaboration test base injects: the context (and the API through it), the database, users, the port. */
abstract class CollaborationTestBase {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void throughTheApi() {
        api = Api.through(context);
    }
}
