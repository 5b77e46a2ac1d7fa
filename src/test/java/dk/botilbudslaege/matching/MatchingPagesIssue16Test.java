package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 item 6: the doctor's openings page has filters (municipality, distance, legal basis) and page numbers
 * kept in the URL; an opening whose facility has got a doctor is gone from it and from the round's table; the
 * outcome of a round or a plan comes first and is the anchor the run lands on.
 */
@IntegrationTest
class MatchingPagesIssue16Test {

    private static final Pattern SHOWING = Pattern.compile("Viser (\\d+)–(\\d+) af (\\d+) ledige botilbud");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static int total(String page) {
        Matcher m = SHOWING.matcher(page);
        return m.find() ? Integer.parseInt(m.group(3)) : 0;
    }

    private static int rows(String page) {
        int start = page.indexOf("id=\"openings\"");
        if (start < 0) {
            return 0;
        }
        String table = page.substring(start, page.indexOf("</table>", start));
        return table.split("<tr>", -1).length - 2; // the header row
    }

    @Test
    void the_doctors_openings_page_has_filters_and_pages_kept_in_the_url() {
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        String all = doctor.get("/matching/wishes?size=10").body();
        int total = total(all);
        assertThat(total).as("the demo round's openings near Norddjurs").isGreaterThan(0);
        assertThat(all).contains("id=\"opening-filters\"", "Afstand fra praksis", "Pr. side");
        assertThat(rows(all)).isEqualTo(Math.min(10, total));

        String near = doctor.get("/matching/wishes?maxKm=10&size=50").body();
        assertThat(total(near)).isLessThanOrEqualTo(total);
        assertThat(near).contains("<option value=\"10\" selected=\"selected\">Højst 10 km</option>", "Nulstil filtre");

        String norddjurs =
                doctor.get("/matching/wishes?municipality=707&size=50").body();
        int inNorddjurs = total(norddjurs);
        assertThat(inNorddjurs).isPositive().isLessThanOrEqualTo(total);
        String table = norddjurs.substring(norddjurs.indexOf("id=\"openings\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table.split("<td>Norddjurs</td>", -1).length - 1).isEqualTo(rows(norddjurs));

        if (total > 10) {
            assertThat(all)
                    .contains(
                            "id=\"openings-pages\"",
                            "aria-current=\"page\"",
                            "href=\"/matching/wishes?size=10&amp;page=2\"");
            String second = doctor.get("/matching/wishes?size=10&page=2").body();
            assertThat(second).contains("Viser 11–");
        }
        // a page past the last is the last page, never a 500
        assertThat(doctor.get("/matching/wishes?page=999&size=7").statusCode()).isEqualTo(200);
        assertThat(doctor.get("/matching/wishes?municipality=xyz").body())
                .contains("Ingen ledige botilbud passer til filtrene");
    }

    @Test
    void adding_a_wish_from_a_filtered_page_comes_back_to_that_page() {
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        Matcher id = Pattern.compile("name=\"doctorId\" value=\"(\\d+)\"")
                .matcher(doctor.get("/matching/wishes").body());
        assertThat(id.find()).isTrue();

        var response = doctor.post(
                "/matching/wishes",
                "/matching/wishes",
                java.util.Map.of(
                        "doctorId", id.group(1),
                        "facilityId", "-1",
                        "move", "REMOVE",
                        "municipality", "707",
                        "maxKm", "25",
                        "size", "25",
                        "page", "2"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
                .endsWith("/matching/wishes?municipality=707&maxKm=25&size=25&page=2");
    }

    @Test
    void an_opening_whose_facility_has_a_doctor_is_gone_from_the_doctors_page_and_the_rounds_table() {
        long round = jdbc.sql("""
                        select r.id from matching_round r join matching_opening o on o.round_id = r.id
                          join facility f on f.id = o.facility_id
                         where r.status = 'OPEN' and r.region_code = '1082' and f.municipality_code = '707'
                         order by r.id limit 1
                        """).query(Long.class).single();
        record Covered(long id, String name) {}
        Covered covered = jdbc.sql("""
                        select f.id, f.name from agreement_coverage c join facility f on f.id = c.facility_id
                         where f.municipality_code = '707' and c.period && daterange(current_date, null)
                           and f.latitude is not null
                           and not exists (select 1 from matching_opening o where o.facility_id = f.id)
                         order by f.id limit 1
                        """).query(Covered.class).single();
        jdbc.sql("insert into matching_opening (round_id, facility_id) values (:r, :f)")
                .param("r", round)
                .param("f", covered.id())
                .update();
        try {
            String doctorPage = WebSession.signIn(port, "laege-norddjurs")
                    .get("/matching/wishes?size=50&municipality=707")
                    .body();
            assertThat(doctorPage).doesNotContain(">" + covered.name() + "<");

            String roundPage = WebSession.signIn(port, "region-midt")
                    .get("/matching/rounds/" + round)
                    .body();
            String table = roundPage.substring(roundPage.indexOf("id=\"openings\""));
            table = table.substring(0, table.indexOf("</table>"));
            assertThat(table).doesNotContain(covered.name());
            assertThat(roundPage).contains("id=\"openings-covered\"", "har fået fast læge", covered.name());
        } finally {
            jdbc.sql("delete from matching_opening where round_id = :r and facility_id = :f")
                    .param("r", round)
                    .param("f", covered.id())
                    .update();
        }
    }

    @Test
    void the_outcome_of_a_run_comes_first_and_the_run_lands_on_it() {
        long round = jdbc.sql(
                        "select id from matching_round where status = 'OPEN' and region_code = '1082' order by id limit 1")
                .query(Long.class)
                .single();
        WebSession region = WebSession.signIn(port, "region-midt");

        String before = region.get("/matching/rounds/" + round).body();
        assertThat(before).doesNotContain("id=\"result\"").contains("/matching/rounds/" + round + "#result");

        String run = region.get(
                        "/matching/rounds/" + round + "?method=STABLE_MATCHING&proposing=DOCTORS&maxDistanceKm=25")
                .body();
        assertThat(run).contains("id=\"result\"", "Forslag (ikke gemt)");
        assertThat(run.indexOf("id=\"result\""))
                .as("the outcome before the openings and the run form")
                .isLessThan(run.indexOf("id=\"openings\""))
                .isLessThan(run.indexOf("id=\"run\""));

        String plan = region.get("/matching/plan?municipalityCode=707&maxDistanceKm=30")
                .body();
        assertThat(plan).contains("action=\"/matching/plan#result\"", "id=\"result\"");
    }
}
