package dk.botilbudslaege.demo;

import dk.botilbudslaege.config.LocalDatabaseCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the national synthetic registry (no accounts) into an external database when started with
 * {@code --botilbud.synthetic.load=true}, e.g. to benchmark against a real PostgreSQL server. Only an
 * empty registry is filled; the local mode uses {@link DemoDataLoader} instead.
 */
@Component
@ConditionalOnProperty(name = "botilbud.synthetic.load", havingValue = "true")
class ExternalSyntheticDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExternalSyntheticDataLoader.class);

    private final RegistryLoader loader;
    private final DemoProperties properties;
    private final Environment environment;

    ExternalSyntheticDataLoader(RegistryLoader loader, DemoProperties properties, Environment environment) {
        this.loader = loader;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (LocalDatabaseCondition.isLocal(environment)) {
            return;
        }
        if (!loader.registryIsEmpty()) {
            log.warn("The registry is not empty: the synthetic data set is not loaded");
            return;
        }
        var nation = loader.municipalities();
        var registry = new SyntheticRegistry(properties.seed()).generate(nation, nation);
        loader.insertFacilities(registry.facilities());
        loader.insertPractices(registry.practices());
        log.info(
                "Loaded the national synthetic data set (seed {}): {} facilities, {} practices, {} doctors",
                properties.seed(),
                registry.facilities().size(),
                registry.practices().size(),
                registry.doctorCount());
    }
}
