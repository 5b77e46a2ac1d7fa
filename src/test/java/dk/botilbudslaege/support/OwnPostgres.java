package dk.botilbudslaege.support;

import dk.botilbudslaege.BotilbudslaegeApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL of a test's own, for the tests that run the application in production mode (an external database):
 * on a fixed port and data directory, so that a test can stop it (an outage) and start it again on the same data;
 * {@link #close()} stops it and deletes its data directory.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private OwnPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A new, empty PostgreSQL, started; {@code name} names its temporary data directory. */
    public static OwnPostgres start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OwnPostgres own = new OwnPostgres(Files.createTempDirectory(name), port);
        own.startAgain();
        return own;
    }

    /** Starts it (again) on the same port and data. */
    public void startAgain() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    /** Stops it, keeping its data: the database is "away". */
    public void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /**
     * The application in production mode on this database, on 127.0.0.1 and a free port ({@code local.server.port}),
     * with the given further arguments.
     */
    public ConfigurableApplicationContext productionApp(String... arguments) {
        String[] all = Stream.concat(
                        Stream.of(
                                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                                "--spring.datasource.username=postgres",
                                "--spring.datasource.password=postgres",
                                "--server.port=0",
                                "--server.address=127.0.0.1"),
                        Stream.of(arguments))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BotilbudslaegeApplication.class).run(all);
    }

    /** The port the application answers on. */
    public static int portOf(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
