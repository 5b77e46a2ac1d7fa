package dk.botilbudslaege.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL of the local mode.
 *
 * @param dataDir where the database files live between runs; blank means a fresh temporary
 *                database that is thrown away when the application stops (tests)
 * @param port    the port to listen on, 0 for any free port
 */
@ConfigurationProperties("botilbud.local-db")
public record LocalDatabaseProperties(String dataDir, int port) {}
