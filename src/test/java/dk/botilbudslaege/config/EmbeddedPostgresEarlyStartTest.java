package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17, startup: the local mode's embedded PostgreSQL starts while the context is prepared, and the configuration
 * takes that one instead of starting a second; the tests' throw-away database and production start as before.
 */
class EmbeddedPostgresEarlyStartTest {

    @TempDir
    Path dataDir;

    @Test
    void the_local_mode_with_a_data_directory_starts_postgres_early_and_the_configuration_takes_it() throws Exception {
        GenericApplicationContext context = context(Map.of("botilbud.local-db.data-dir", dataDir.toString()));
        new EmbeddedPostgresEarlyStart().initialize(context);

        assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresEarlyStart.BEAN_NAME))
                .isTrue();
        var beanFactory = context.getBeanFactory();
        EmbeddedPostgresEarlyStart.Started started = beanFactory.getBean(EmbeddedPostgresEarlyStart.Started.class);
        assertThat(started.take(
                        new LocalDatabaseProperties(dataDir.resolve("other").toString(), 0)))
                .as("started for other properties: the configuration starts its own")
                .isNull();
        try (EmbeddedPostgres postgres = new EmbeddedPostgresConfiguration()
                .embeddedPostgres(
                        new LocalDatabaseProperties(dataDir.toString(), 0),
                        beanFactory.getBeanProvider(EmbeddedPostgresEarlyStart.Started.class))) {
            String served = JdbcClient.create(postgres.getPostgresDatabase())
                    .sql("show data_directory")
                    .query(String.class)
                    .single();
            assertThat(Path.of(served).toRealPath()).isEqualTo(dataDir.toRealPath());
            beanFactory.destroySingletons();
            assertThat(JdbcClient.create(postgres.getPostgresDatabase())
                            .sql("select 1")
                            .query(Integer.class)
                            .single())
                    .as("taken: the context's end leaves it to its owner")
                    .isEqualTo(1);
        }
    }

    @Test
    void a_postgres_started_early_that_nobody_took_stops_with_the_context() throws Exception {
        GenericApplicationContext context = context(Map.of("botilbud.local-db.data-dir", dataDir.toString()));
        new EmbeddedPostgresEarlyStart().initialize(context);
        Path pid = dataDir.resolve("postmaster.pid");
        waitFor(() -> Files.exists(pid));

        context.getBeanFactory().destroySingletons();

        assertThat(pid).doesNotExist();
    }

    @Test
    void the_tests_throw_away_database_and_production_start_as_before() {
        for (Map<String, Object> properties : new Map[] {
            Map.of("botilbud.local-db.data-dir", ""),
            Map.of("botilbud.local-db.data-dir", "data/x", "spring.datasource.url", "jdbc:postgresql://db/app"),
            Map.of("botilbud.local-db.data-dir", "data/x", "botilbud.local-db.early-start", "false")
        }) {
            GenericApplicationContext context = context(properties);
            new EmbeddedPostgresEarlyStart().initialize(context);
            assertThat(context.getBeanFactory().containsSingleton(EmbeddedPostgresEarlyStart.BEAN_NAME))
                    .as("%s", properties)
                    .isFalse();
        }
    }

    private static GenericApplicationContext context(Map<String, Object> properties) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return context;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
