package dk.botilbudslaege.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 item 8: the startup banner prints the logins the database really has, no others. */
class DemoBannerTest {

    @Test
    void the_national_data_set_banner_names_its_own_logins_and_no_region_midt() {
        List<String> national = List.of(
                "region-1081",
                "region-1082",
                "region-1083",
                "region-1084",
                "region-1085",
                "kommune-aarhus",
                "botilbud-aarhus",
                "laege-aarhus",
                "national",
                "admin");

        String banner = DemoDataLoader.banner("8080", national, List.of("admin"));

        assertThat(banner)
                .contains(
                        "http://localhost:8080/",
                        "password 'demo'",
                        "region-1081,",
                        "laege-aarhus,",
                        "admin (everyone)")
                .doesNotContain("region-midt", "region-nord", "kommune-norddjurs", "skovstjernen");
        assertThat(banner.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(70));
    }

    @Test
    void a_database_without_demo_logins_says_so() {
        assertThat(DemoDataLoader.banner("8080", List.of(), List.of()))
                .contains("No demo logins")
                .doesNotContain("password 'demo'", "User administrators");
    }
}
