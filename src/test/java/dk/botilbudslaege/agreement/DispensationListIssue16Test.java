package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 16 item 7: ended dispensations are marked "Udløbet" and kept apart; the list shows those in force first. */
@IntegrationTest
class DispensationListIssue16Test {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long insert(long doctor, String reason, String from, String to) {
        return jdbc.sql("""
                        insert into dispensation (doctor_id, kind, valid_from, valid_to, reason, granted_by)
                        values (:d, 'NURSING_HOME_AND_FACILITY', cast(:from as date), cast(:to as date), :reason, 'test')
                        returning id
                        """)
                .param("d", doctor)
                .param("from", from)
                .param("to", to)
                .param("reason", reason)
                .query(Long.class)
                .single();
    }

    @Test
    void in_force_by_default_and_the_expired_ones_apart_marked_udloebet() {
        long doctor = jdbc.sql("""
                        select d.id from doctor d join practice p on p.id = d.practice_id
                         where p.municipality_code = '707' order by d.id limit 1
                        """).query(Long.class).single();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long ended = insert(doctor, "Udløbet prøve " + tag, "2020-01-01", "2020-12-31");
        long running = insert(doctor, "Gældende prøve " + tag, "2021-01-01", null);
        try {
            WebSession region = WebSession.signIn(port, "region-midt");
            String current = region.get("/dispensations").body();
            assertThat(current)
                    .contains("id=\"dispensation-tabs\"", "Gældende prøve " + tag, "I kraft")
                    .doesNotContain("Udløbet prøve " + tag);
            assertThat(current).containsPattern("aria-current=\"page\"[^>]*>I kraft og kommende \\(\\d+\\)");

            String expired = region.get("/dispensations?show=expired").body();
            assertThat(expired).contains("Udløbet prøve " + tag, ">Udløbet<").doesNotContain("Gældende prøve " + tag);
            assertThat(expired).doesNotContain("/dispensations/" + ended + "/end");

            String all = region.get("/dispensations?show=all").body();
            assertThat(all)
                    .contains("Udløbet prøve " + tag, "Gældende prøve " + tag, "/dispensations/" + running + "/end");
            assertThat(region.get("/dispensations?show=nonsense").statusCode()).isEqualTo(200);
        } finally {
            jdbc.sql("delete from dispensation where id in (:ids)")
                    .param("ids", java.util.List.of(ended, running))
                    .update();
        }
    }
}
