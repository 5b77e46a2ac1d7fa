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

    private RegistryOverview.RegionCount midt() {
        return dashboard.byRegion().stream()
                .filter(r -> r.code().equals("1082"))
                .findFirst()
                .orElseThrow();
    }
}
