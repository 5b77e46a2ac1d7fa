package dk.botilbudslaege.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.botilbudslaege.demo.SyntheticRegistry.FacilityRow;
import dk.botilbudslaege.demo.SyntheticRegistry.MunicipalityInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The national synthetic data set is calibrated to KL's table in seed 004 and reproducible by seed. */
class SyntheticRegistryTest {

    static List<MunicipalityInfo> nation;
    static SyntheticRegistry.Registry registry;

    @BeforeAll
    static void generate() throws IOException {
        nation = readMunicipalities();
        registry = new SyntheticRegistry(2025).generate(nation, nation);
    }

    /** The migration V1 holds the same rows as this reference file; read it directly to stay a unit test. */
    static List<MunicipalityInfo> readMunicipalities() throws IOException {
        Path csv = Path.of("src/main/resources/db/reference/municipalities.csv");
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return reader.lines()
                    .skip(1)
                    .map(line -> line.split(","))
                    .map(c -> new MunicipalityInfo(
                            c[0],
                            c[1],
                            c[4],
                            Double.parseDouble(c[5]),
                            Double.parseDouble(c[6]),
                            Integer.parseInt(c[7])))
                    .toList();
        }
    }

    @Test
    void the_country_has_2640_facilities_of_which_1136_under_sel_108_and_abl_105() {
        assertThat(nation).hasSize(98);
        assertThat(registry.facilities()).hasSize(2_640);
        long phaseOne = registry.facilities().stream()
                .filter(f -> f.legalBasis().equals("SEL_108") || f.legalBasis().equals("ABL_105"))
                .count();
        assertThat(phaseOne).isEqualTo(1_136);
    }

    @Test
    void each_legal_basis_has_the_table_s_count_of_facilities_over_and_under_30_places() {
        Map<String, List<FacilityRow>> byBasis =
                registry.facilities().stream().collect(Collectors.groupingBy(FacilityRow::legalBasis));
        for (SyntheticRegistry.Category category : SyntheticRegistry.NATIONAL_TABLE) {
            List<FacilityRow> rows = byBasis.get(category.legalBasis());
            assertThat(rows.stream().filter(f -> f.places() > 30).count())
                    .as(category.legalBasis())
                    .isEqualTo(category.large());
            assertThat(rows.stream().filter(f -> f.places() <= 30).count())
                    .as(category.legalBasis())
                    .isEqualTo(category.small());
            int places = rows.stream().mapToInt(FacilityRow::places).sum();
            assertThat((double) places)
                    .as(category.legalBasis() + " places")
                    .isCloseTo(category.totalPlaces(), within(category.totalPlaces() * 0.12));
        }
    }

    @Test
    void facilities_under_sel_108_and_abl_105_have_about_19_places_on_average() {
        double average = registry.facilities().stream()
                .filter(f -> f.legalBasis().equals("SEL_108") || f.legalBasis().equals("ABL_105"))
                .mapToInt(FacilityRow::places)
                .average()
                .orElseThrow();
        assertThat(average).isBetween(17.0, 21.0);
    }

    @Test
    void about_3500_doctors_work_in_about_1800_practices() {
        assertThat(registry.practices().size()).isBetween(1_800, 1_850);
        assertThat(registry.doctorCount()).isBetween(3_500, 3_550);
        assertThat(registry.practices().stream()
                        .map(SyntheticRegistry.PracticeRow::providerNumber)
                        .distinct()
                        .count())
                .isEqualTo(registry.practices().size());
    }

    @Test
    void facilities_and_doctors_are_spread_over_the_municipalities_by_population() {
        Map<String, Long> facilitiesPer = registry.facilities().stream()
                .collect(Collectors.groupingBy(FacilityRow::municipalityCode, Collectors.counting()));
        // the smallest islands may have no facility at all, as in reality
        assertThat(facilitiesPer.size()).isBetween(95, 98);
        assertThat(facilitiesPer.get("751")).isGreaterThan(facilitiesPer.get("707"));
        assertThat(registry.practices().stream()
                        .map(SyntheticRegistry.PracticeRow::municipalityCode)
                        .distinct())
                .hasSize(98);
    }

    @Test
    void residents_never_exceed_places_and_coordinates_lie_in_denmark() {
        assertThat(registry.facilities()).allSatisfy(f -> {
            assertThat(f.residents()).isBetween(0, f.places());
            assertThat(f.latitude()).isBetween(54.5, 57.8);
            assertThat(f.longitude()).isBetween(8.0, 15.3);
        });
    }

    @Test
    void the_same_seed_gives_the_same_data_set_and_another_seed_another() {
        assertThat(new SyntheticRegistry(2025).generate(nation, nation)).isEqualTo(registry);
        assertThat(new SyntheticRegistry(7).generate(nation, nation).facilities())
                .isNotEqualTo(registry.facilities());
    }

    @Test
    void a_region_alone_gets_the_same_rows_as_in_the_national_set() {
        List<MunicipalityInfo> midt =
                nation.stream().filter(m -> m.code().startsWith("7")).toList();
        var regional = new SyntheticRegistry(2025).generate(midt, nation);
        assertThat(registry.facilities()).containsAll(regional.facilities());
    }
}
