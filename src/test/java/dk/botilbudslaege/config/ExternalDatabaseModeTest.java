package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.BotilbudslaegeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Production mode: with SPRING_DATASOURCE_URL the application uses that PostgreSQL, starts nothing
 * embedded, loads no demo data, creates no demo accounts, and refuses the demo password.
 */
class ExternalDatabaseModeTest {

    static EmbeddedPostgres external;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() throws IOException {
        external = EmbeddedPostgres.builder().start();
        app = new SpringApplicationBuilder(BotilbudslaegeApplication.class)
                .run(
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--server.address=127.0.0.1");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        external.close();
    }

    @Test
    void no_embedded_database_is_started_and_the_schema_is_migrated_into_the_external_one() {
        assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        assertThat(jdbc.sql("select count(*) from municipality")
                        .query(Long.class)
                        .single())
                .isEqualTo(98);
    }

    @Test
    void no_demo_data_and_no_demo_accounts_exist() {
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from facility").query(Long.class).single())
                .isZero();
    }

    @Test
    void an_account_whose_password_is_demo_cannot_sign_in() throws Exception {
        JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, region_code)
                        values ('smuggled', :hash, 'Smuggled demo account', 'REGION', '1082')
                        """).param("hash", new BCryptPasswordEncoder().encode("demo")).update();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/regions"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                "smuggled:demo".getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }
}
