package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.Problems;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * i19-hours, the Low review findings on the hours pages: a single municipality shows no subtotal table, a municipality
 * of the area without running agreements is named, and who may read which hours (API.md, unchanged: the overview with
 * the agreements only in the caller's own area; the aggregates per region at the national level for regions,
 * municipalities and the national roles, per municipality of any region in the coverage report for every role) is
 * what the 403 says.
 */
@IntegrationTest
class HoursReviewTest {

    /** The rule the 403 of another area's overview states. */
    static final String RULE = "Andre områders timer ses kun som samlede tal";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void one_municipality_shows_its_key_figures_without_a_subtotal_table() {
        for (String user : new String[] {"kommune-norddjurs", "laege-norddjurs"}) {
            String page = WebSession.signIn(port, user).get("/hours").body();
            assertThat(page).as(user).contains("id=\"agreements\"").doesNotContain("hours-municipalities");
        }
        String region = WebSession.signIn(port, "region-midt").get("/hours").body();
        assertThat(region).contains("hours-municipalities", "I alt");
    }

    @Test
    void a_municipality_of_the_area_without_running_agreements_is_named_an_unknown_code_is_repeated() {
        JsonNode overview = Api.on(port).as("region-midt").get("/api/v1/hours").json();
        Set<String> withAgreements = new HashSet<>();
        overview.path("municipalities")
                .forEach(m -> withAgreements.add(m.path("code").asString()));
        record Municipality(String code, String name) {}
        Municipality without = jdbc.sql("""
                        select m.code, m.name from registry_municipality m
                          join current_municipality_region r on r.municipality_code = m.code
                         where r.region_code = '1082' order by m.code
                        """).query(Municipality.class).list().stream()
                .filter(m -> !withAgreements.contains(m.code()))
                .findFirst()
                .orElseThrow();
        WebSession web = WebSession.signIn(port, "region-midt");

        String named = web.get("/hours?municipality=" + without.code()).body();
        assertThat(named)
                .contains("hours-unknown-municipality", without.name() + " har ingen løbende aftaler i denne oversigt")
                .doesNotContain("Kommunen med koden");
        // Aalborg is not Midtjylland's: its code, as asked for
        assertThat(web.get("/hours?municipality=851").body()).contains("Kommunen med koden &quot;851&quot;");
        String long_ = "9".repeat(200);
        assertThat(web.get("/hours?municipality=" + long_).body())
                .contains("Kommunen med koden &quot;99999999999999999...&quot;")
                .doesNotContain(long_);
        // a municipality's overview is of itself alone: another municipality's code, as asked for
        String kommune = WebSession.signIn(port, "kommune-aarhus")
                .get("/hours?municipality=665")
                .body();
        assertThat(kommune).contains("Kommunen med koden &quot;665&quot;");
    }

    @Test
    void the_national_totals_per_region_are_for_regions_municipalities_and_the_national_roles() {
        Api api = Api.on(port);
        for (String user : new String[] {"national", "admin", "region-nord", "region-midt", "kommune-aarhus"}) {
            Api.Response answer = api.as(user).get("/api/v1/hours?level=NATIONAL");
            assertThat(answer.status()).as(user).isEqualTo(200);
            assertThat(answer.json().path("rows").size()).as(user).isZero();
        }
        for (String user : new String[] {"laege-norddjurs", "botilbud-skovstjernen"}) {
            Problems.assertProblem(api.as(user).get("/api/v1/hours?level=NATIONAL"), 403, "FORBIDDEN");
        }
    }

    @Test
    void another_areas_overview_is_forbidden_and_the_403_says_the_rule_enforced() {
        Api api = Api.on(port);
        String[][] refused = {
            {"region-nord", "?level=REGION&code=1082"},
            {"region-nord", "?level=MUNICIPALITY&code=707"},
            {"kommune-aarhus", "?level=REGION&code=1082"},
            {"kommune-aarhus", "?level=MUNICIPALITY&code=707"},
            {"laege-norddjurs", "?level=REGION&code=1082"},
        };
        for (String[] r : refused) {
            Api.Response answer = api.as(r[0]).get("/api/v1/hours" + r[1]);
            Problems.assertProblem(answer, 403, "FORBIDDEN");
            assertThat(answer.body()).as(r[0] + r[1]).contains(RULE, "rapporten om dækningsgrad");
            HttpResponse<String> page = WebSession.signIn(port, r[0]).get("/hours" + r[1]);
            assertThat(page.statusCode()).as(r[0] + r[1]).isEqualTo(403);
            assertThat(page.body()).as(r[0] + r[1]).contains(RULE);
        }
        // the aggregates per municipality of another region: the coverage report, for every role (API.md)
        for (String user : new String[] {"region-nord", "kommune-aarhus", "laege-norddjurs"}) {
            assertThat(api.as(user)
                            .getBytes("/api/v1/reports/coverage.xlsx?regionCode=1082")
                            .statusCode())
                    .as(user)
                    .isEqualTo(200);
        }
        // and the own area
        assertThat(api.as("region-midt")
                        .get("/api/v1/hours?level=MUNICIPALITY&code=707")
                        .status())
                .isEqualTo(200);
        assertThat(api.as("kommune-aarhus").get("/api/v1/hours").status()).isEqualTo(200);
    }
}
