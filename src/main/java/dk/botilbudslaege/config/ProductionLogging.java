package dk.botilbudslaege.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Issue 17 item 4: JSON log lines (Elastic Common Schema, Spring Boot's structured logging) in production, i.e. with
 * an external database; the local mode keeps readable lines. Runs before the logging system starts (registered in
 * META-INF/spring.factories). An explicit {@code logging.structured.format.console} wins, and
 * {@code botilbud.log.json=false} (BOTILBUD_LOG_JSON) keeps readable lines in production.
 */
public class ProductionLogging implements EnvironmentPostProcessor {

    static final String FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (LocalDatabaseCondition.isLocal(environment)
                || environment.containsProperty(FORMAT)
                || !environment.getProperty("botilbud.log.json", Boolean.class, true)) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("botilbudProductionLogging", Map.of(FORMAT, "ecs")));
    }
}
