package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.BotilbudslaegeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The documented command loads the national synthetic registry, without accounts, into an external database. */
class ExternalSyntheticLoadTest {

    @Test
    void the_national_data_set_is_loaded_into_an_empty_external_database_once() throws IOException {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String[] args = {
                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--botilbud.synthetic.load=true"
            };
            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(BotilbudslaegeApplication.class).run(args)) {
                JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
                assertThat(jdbc.sql("select count(*) from facility")
                                .query(Long.class)
                                .single())
                        .isEqualTo(2_640);
                assertThat(jdbc.sql("select count(*) from facility where legal_basis in ('SEL_108', 'ABL_105')")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1_136);
                assertThat(jdbc.sql("select count(*) from doctor")
                                .query(Long.class)
                                .single())
                        .isBetween(3_500L, 3_550L);
                assertThat(jdbc.sql("select count(*) from app_user")
                                .query(Long.class)
                                .single())
                        .isZero();
            }
            // a second start leaves the loaded registry as it is
            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(BotilbudslaegeApplication.class).run(args)) {
                JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
                assertThat(jdbc.sql("select count(*) from facility")
                                .query(Long.class)
                                .single())
                        .isEqualTo(2_640);
            }
        }
    }
}
