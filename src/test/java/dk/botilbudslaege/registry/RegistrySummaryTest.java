package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * i19-misc: the registry's counts of a scope are kept while the tables they count are unchanged (V46); a change shows
 * at once in every scope it touches, whoever writes it (here plain SQL, as a migration or an import would), and each
 * scope keeps its own counts.
 */
@IntegrationTest
class RegistrySummaryTest {

    static final CurrentUser NATIONAL =
            new CurrentUser("national", "National læser", Role.NATIONAL, null, null, null, null, null);
    static final CurrentUser MIDT =
            new CurrentUser("region-midt", "Region Midtjylland", Role.REGION, "1082", null, null, null, null);
    static final CurrentUser AARHUS =
            new CurrentUser("kommune-aarhus", "Aarhus Kommune", Role.MUNICIPALITY, "1082", "751", null, null, null);

    @Autowired
    RegistryOverview overview;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_doctor_and_a_facilitys_places_written_with_plain_sql_count_at_once() {
        RegistryOverview.Summary national = overview.summary(NATIONAL);
        RegistryOverview.Summary midt = overview.summary(MIDT);
        assertThat(overview.summary(NATIONAL)).isEqualTo(national);
        RegistryOverview.Summary aarhus = overview.summary(AARHUS);
        assertThat(aarhus.facilities()).isLessThan(midt.facilities());

        long practice = jdbc.sql("select min(p.id) from practice p join current_municipality_region r"
                        + " on r.municipality_code = p.municipality_code where r.region_code = '1082'")
                .query(Long.class)
                .single();
        long facility = jdbc.sql("select min(f.id) from facility f join current_municipality_region r"
                        + " on r.municipality_code = f.municipality_code where r.region_code = '1082'")
                .query(Long.class)
                .single();
        long doctor = jdbc.sql("insert into doctor (practice_id, name) values (:p, 'i19-misc Læge') returning id")
                .param("p", practice)
                .query(Long.class)
                .single();
        boolean placesAdded = false;
        try {
            assertThat(overview.summary(NATIONAL).doctors()).isEqualTo(national.doctors() + 1);
            assertThat(overview.summary(MIDT).doctors()).isEqualTo(midt.doctors() + 1);

            jdbc.sql("update facility set places = places + 3 where id = :id")
                    .param("id", facility)
                    .update();
            placesAdded = true;
            assertThat(overview.summary(NATIONAL).places()).isEqualTo(national.places() + 3);
            assertThat(overview.summary(MIDT).places()).isEqualTo(midt.places() + 3);
        } finally {
            jdbc.sql("delete from doctor where id = :id").param("id", doctor).update();
            if (placesAdded) {
                jdbc.sql("update facility set places = places - 3 where id = :id")
                        .param("id", facility)
                        .update();
            }
        }
        assertThat(overview.summary(NATIONAL)).isEqualTo(national);
        assertThat(overview.summary(MIDT)).isEqualTo(midt);
        assertThat(overview.summary(AARHUS)).isEqualTo(aarhus);
    }
}
