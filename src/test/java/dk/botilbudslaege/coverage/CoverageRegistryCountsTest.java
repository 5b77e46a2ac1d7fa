package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.registry.RegistryOverview;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * i17-cov: the registry's counts per region on the coverage dashboard are kept in the coverage cache; a facility
 * added (or its legal basis changed) shows at once, not after the cache's TTL, and the kept figures are the
 * registry's own.
 */
@IntegrationTest
class CoverageRegistryCountsTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    DashboardController dashboard;

    @Autowired
    RegistryOverview overview;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    CoverageFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new CoverageFixtures(Api.through(context));
    }

    @Test
    void the_kept_region_counts_change_at_once_when_a_facility_is_added() {
        RegistryOverview.RegionCount before = midt();
        assertThat(midt()).isEqualTo(before);
        assertThat(dashboard.byRegion()).isEqualTo(overview.byRegion());

        fixtures.facility("SEL_108", 7);
        RegistryOverview.RegionCount inScope = midt();
        assertThat(inScope.facilities()).isEqualTo(before.facilities() + 1);
        assertThat(inScope.facilitiesInScope()).isEqualTo(before.facilitiesInScope() + 1);
        assertThat(inScope.places()).isEqualTo(before.places() + 7);

        // SEL_107 (out of scope unless an administrator took it in): counted, in scope as the registry says today
        fixtures.facility("SEL_107", 5);
        RegistryOverview.RegionCount other = midt();
        assertThat(other.facilities()).isEqualTo(inScope.facilities() + 1);
        assertThat(other.places()).isEqualTo(inScope.places() + 5);
        assertThat(dashboard.byRegion()).isEqualTo(overview.byRegion());
    }

    /**
     * The history reads a region's coverage from its counted facilities only and the nation's from every facility's
     * (i17-cov): the regions' months add up to the nation's, and the current month is the figure of today.
     */
    @Test
    void the_regions_history_adds_up_to_the_national_history() {
        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 9), java.time.LocalDate.of(2025, 3, 1));
        Api national = Api.through(context).as("national");
        tools.jackson.databind.JsonNode nation =
                national.get("/api/v1/coverage/history?from=2025-01-01").json();
        long[][] sums = new long[nation.size()][4];
        for (String region : jdbc.sql("select trim(code) from registry_region")
                .query(String.class)
                .list()) {
            tools.jackson.databind.JsonNode months = national.get(
                            "/api/v1/coverage/history?from=2025-01-01&level=REGION&code=" + region)
                    .json();
            assertThat(months).hasSize(nation.size());
            for (int i = 0; i < months.size(); i++) {
                assertThat(months.get(i).path("date").asString())
                        .isEqualTo(nation.get(i).path("date").asString());
                sums[i][0] += months.get(i).path("inScopeFacilities").asLong();
                sums[i][1] += months.get(i).path("coveredFacilities").asLong();
                sums[i][2] += months.get(i).path("places").asLong();
                sums[i][3] += months.get(i).path("coveredPlaces").asLong();
            }
        }
        for (int i = 0; i < nation.size(); i++) {
            tools.jackson.databind.JsonNode month = nation.get(i);
            assertThat(sums[i])
                    .as(month.path("date").asString())
                    .containsExactly(
                            month.path("inScopeFacilities").asLong(),
                            month.path("coveredFacilities").asLong(),
                            month.path("places").asLong(),
                            month.path("coveredPlaces").asLong());
        }
        tools.jackson.databind.JsonNode today =
                national.get("/api/v1/coverage?level=NATIONAL").json().get(0);
        tools.jackson.databind.JsonNode last = nation.get(nation.size() - 1);
        assertThat(last.path("coveredFacilities").asLong())
                .isEqualTo(today.path("coveredFacilities").asLong());
        assertThat(last.path("coveredPlaces").asLong())
                .isEqualTo(today.path("coveredPlaces").asLong());
    }

    private RegistryOverview.RegionCount midt() {
        return dashboard.byRegion().stream()
                .filter(r -> r.code().equals("1082"))
                .findFirst()
                .orElseThrow();
    }
}
