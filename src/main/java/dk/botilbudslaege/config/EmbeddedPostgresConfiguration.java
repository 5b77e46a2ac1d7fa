package dk.botilbudslaege.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Local mode: a real PostgreSQL started from Maven artifacts (zonky), so that
 * {@code ./mvnw spring-boot:run} and the tests need nothing installed. With
 * {@code SPRING_DATASOURCE_URL} set, this configuration is skipped and Spring Boot connects to that
 * database instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalDatabase
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Started here, or taken from its early start (i18-start: {@link EmbeddedPostgresEarlyStart}). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            LocalDatabaseProperties properties, ObjectProvider<EmbeddedPostgresEarlyStart.Started> earlyStart)
            throws IOException {
        EmbeddedPostgresEarlyStart.Started started = earlyStart.getIfAvailable();
        EmbeddedPostgres early = started == null ? null : started.take(properties);
        return early != null ? early : start(properties);
    }

    static EmbeddedPostgres start(LocalDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                // i18-start: the context stops it (the bean's destroy method) after the beans that use it; zonky's own
                // JVM shutdown hook ran beside Spring's and stopped it while Spring Modulith's event registry still
                // read from it on shutdown (an ERROR on every stop of spring-boot:run)
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        String dataDir = properties.dataDir();
        if (dataDir != null && !dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with data in {}", dir);
        } else {
            log.info("Starting embedded PostgreSQL in a temporary directory");
        }
        return builder.start();
    }

    /** The pool's timeouts come from {@code spring.datasource.hikari.*}, as for an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
