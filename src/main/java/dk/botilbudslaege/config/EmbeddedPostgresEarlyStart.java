package dk.botilbudslaege.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.support.SQLErrorCodesFactory;

/**
 * Issue 17, startup: in the local mode with a data directory ({@code ./mvnw spring-boot:run}, {@code java -jar}) the
 * embedded PostgreSQL starts on a thread of its own while the context is being prepared, so that its start overlaps
 * Spring's parsing of the configuration classes on the main thread; {@link EmbeddedPostgresConfiguration} takes it
 * from there (README "Startup"). The same thread then loads what the database chain loads later on the main thread
 * anyway (Spring JDBC's SQL error codes, which Spring Session's repository reads from XML, and Flyway). The tests (a throw-away
 * database: blank data directory) and production (an external database) start as before.
 * {@code botilbud.local-db.early-start=false} turns it off. Registered in {@code META-INF/spring.factories}.
 */
public class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "embeddedPostgresEarlyStart";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!LocalDatabaseCondition.isLocal(environment)
                || !environment.getProperty("botilbud.local-db.early-start", Boolean.class, true)) {
            return;
        }
        LocalDatabaseProperties properties = Binder.get(environment)
                .bind("botilbud.local-db", LocalDatabaseProperties.class)
                .orElse(null);
        if (properties == null
                || properties.dataDir() == null
                || properties.dataDir().isBlank()) {
            return;
        }
        Started started = Started.start(properties);
        var beanFactory = context.getBeanFactory();
        beanFactory.registerSingleton(BEAN_NAME, started);
        if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN_NAME, started);
        }
    }

    /**
     * A PostgreSQL being started for these properties. Taken by {@link EmbeddedPostgresConfiguration}, which then
     * owns it; one that nobody took is stopped with the context (and, like every zonky PostgreSQL, when the JVM ends).
     */
    static final class Started implements DisposableBean {

        private final LocalDatabaseProperties properties;
        private final CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
        private volatile boolean taken;

        private Started(LocalDatabaseProperties properties) {
            this.properties = properties;
        }

        static Started start(LocalDatabaseProperties properties) {
            Started started = new Started(properties);
            Thread thread = new Thread(started::run, "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
            return started;
        }

        private void run() {
            try {
                postgres.complete(EmbeddedPostgresConfiguration.start(properties));
            } catch (Throwable e) {
                postgres.completeExceptionally(e);
                return;
            }
            // what the main thread loads a little later anyway, loaded here while it parses configuration classes:
            // Spring JDBC's SQL error codes, which Spring Session's repository reads from XML (once per JVM), and
            // Flyway's classes and plug-ins (no command runs here)
            SQLErrorCodesFactory.getInstance();
            Flyway.configure(EmbeddedPostgresEarlyStart.class.getClassLoader()).load();
        }

        /** The started PostgreSQL if it was started for these properties, else null; waits for its start. */
        EmbeddedPostgres take(LocalDatabaseProperties wanted) throws IOException {
            if (!properties.equals(wanted)) {
                return null;
            }
            taken = true;
            try {
                return postgres.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the embedded PostgreSQL started", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) e.getCause();
            }
        }

        @Override
        public void destroy() throws IOException {
            if (taken) {
                return;
            }
            EmbeddedPostgres started;
            try {
                started = postgres.join();
            } catch (RuntimeException notStarted) {
                return;
            }
            started.close();
        }
    }
}
