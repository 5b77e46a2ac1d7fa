package dk.botilbudslaege.start;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.EmptyRegion;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each role's start page (issue 16 item 1): the blocks of its work, each figure naming its scope, and a region
 * without facilities saying so instead of showing another region's figures.
 */
@IntegrationTest
class StartPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    private String home(String user) {
        HttpResponse<String> page = WebSession.signIn(port, user).get("/");
        assertThat(page.statusCode()).as(user).isEqualTo(200);
        assertThat(page.body()).as(user).doesNotContain("??", "Du er læge i Anne Kjær");
        return page.body();
    }

    @Test
    void the_region_sees_forms_months_requests_and_surveys_of_its_region() {
        String page = home("region-midt");
        assertThat(page)
                .contains("id=\"start-forms\"", "id=\"start-months\"", "id=\"start-requests\"", "id=\"start-surveys\"")
                .contains("Tallene gælder Region Midtjylland.", "dækningsgrad, Region Midtjylland")
                .contains("Blanketter der venter på godkendelse", "ældste først")
                .contains("href=\"/agreements?status=SUBMITTED\"", "href=\"/settlements\"", "href=\"/coverage\"")
                .doesNotContain("Region Nordjylland", "Region Syddanmark", "id=\"start-empty\"");
    }

    @Test
    void a_region_without_facilities_says_so_and_shows_no_other_regions_figures() {
        // other tests create facilities in Region Nordjylland: the empty state is read in a region with none now
        EmptyRegion empty = EmptyRegion.signInUser(jdbc, users);
        String page = home(empty.username());
        assertThat(page)
                .contains("id=\"start-empty\"", empty.name() + " har endnu ingen botilbud registreret")
                .doesNotContain("Region Midtjylland", "Norddjurs", "Skovstjernen", "id=\"start-coverage\"");
        // region-nord, with or without facilities, never shows another region's figures
        assertThat(home("region-nord"))
                .contains("Region Nordjylland")
                .doesNotContain("Region Midtjylland", "Norddjurs", "Skovstjernen");
    }

    @Test
    void the_municipality_sees_facilities_without_a_doctor_proposals_drafts_and_surveys() {
        String page = home("kommune-norddjurs");
        assertThat(page)
                .contains(
                        "id=\"start-uncovered\"",
                        "id=\"start-proposals\"",
                        "id=\"start-drafts\"",
                        "id=\"start-surveys\"")
                .contains("Tallene gælder Norddjurs Kommune.", "i Norddjurs Kommune")
                .contains("href=\"/facilities?doctor=none\"", "href=\"/agreements?status=DRAFT\"")
                .doesNotContain("Aarhus Kommune", "Region Nordjylland");
    }

    @Test
    void the_facility_sees_its_doctor_plan_sessions_and_sick_visits() {
        String page = home("botilbud-skovstjernen");
        assertThat(page)
                .contains(
                        "id=\"start-doctor\"", "id=\"start-plan\"", "id=\"start-sessions\"", "id=\"start-sick-visits\"")
                .contains("Tallene gælder Skovstjernen", "Jeres faste læge")
                .contains("/sick-visits\"");
    }

    @Test
    void the_doctor_sees_own_agreements_openings_wishes_sessions_and_fees() {
        String page = home("laege-norddjurs");
        assertThat(page)
                .contains(
                        "id=\"start-agreements\"", "id=\"start-to-log\"", "id=\"start-openings\"", "id=\"start-fees\"")
                .contains("Du er læge i Lægerne ved Torvet.", "Din ønskeliste", "href=\"/matching/wishes\"");
    }

    @Test
    void the_national_viewer_sees_the_national_figures_and_the_administrator_a_short_admin_start() {
        assertThat(home("national")).contains("id=\"coverage-value\"", "Hele landet", "id=\"region-table\"");
        assertThat(home("admin"))
                .contains("id=\"start-admin\"", "href=\"/admin/users\"", "href=\"/admin/api-clients\"")
                .contains("href=\"/admin/regions\"", "id=\"start-failed-mails\"", "Tallene gælder hele landet.");
    }

    @Test
    void the_coverage_dashboard_moved_to_its_own_page() {
        String page = WebSession.signIn(port, "region-midt").get("/coverage").body();
        assertThat(page).contains("id=\"coverage-value\"", "action=\"/coverage\"");
    }

    // issue 16 item 2
    @Test
    void the_facility_list_has_a_fixed_doctor_column_and_filter_kept_in_the_url() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String none = region.get("/facilities?doctor=none").body();
        assertThat(none).contains("Fast læge", "<option value=\"none\" selected=\"selected\">uden læge</option>");
        assertThat(none).doesNotContain("badge ok\">med læge<", "\"badge\">delvist<");
        String covered = region.get("/facilities?doctor=covered").body();
        assertThat(covered).contains("badge ok\">med læge<").doesNotContain("\"badge\">uden læge<");
        assertThat(region.get("/facilities?doctor=COVERED").body()).contains("badge ok\">med læge<");
        assertThat(region.get("/facilities?doctor=nonsense").statusCode()).isEqualTo(200);
    }

    @Test
    void the_facility_page_says_who_its_doctor_is_and_since_when() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String list = region.get("/facilities?q=Skovstjernen").body();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("href=\"/facilities/(\\d+)\"").matcher(list);
        assertThat(m.find()).isTrue();
        String page = region.get("/facilities/" + m.group(1)).body();
        assertThat(page).contains("id=\"fixed-doctor\"", "Fast læge");
        assertThat(page).containsPattern("siden \\d\\d-\\d\\d-\\d{4}|uden læge");
    }
}
