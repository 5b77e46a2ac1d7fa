package dk.botilbudslaege.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo and synthetic data.
 *
 * @param enabled  load demo data (local mode only) when the registry is empty
 * @param dataset  {@code MIDT}: Region Midtjylland with Norddjurs as in seed 001; {@code NATIONAL}: the
 *                 whole synthetic country (benchmarks)
 * @param seed     the seed of the synthetic generator; the same seed gives the same data
 */
@ConfigurationProperties("botilbud.demo")
public record DemoProperties(boolean enabled, Dataset dataset, long seed) {

    public DemoProperties {
        dataset = dataset == null ? Dataset.MIDT : dataset;
        seed = seed == 0 ? 2025 : seed;
    }

    public enum Dataset {
        MIDT,
        NATIONAL
    }
}
