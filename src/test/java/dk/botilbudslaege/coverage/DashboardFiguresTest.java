package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * i19-misc: the dashboard's figures of today are rendered once per coverage data version and kept
 * ({@link DashboardFigures}); what a person sees is what was rendered for their scope, language and municipality, and
 * a change shows at once.
 */
@IntegrationTest
class DashboardFiguresTest {

    private static final Pattern COVERED = Pattern.compile("dækket: (\\d+) af (\\d+) omfattede botilbud");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_swapped_figures_are_the_figures_of_the_page() {
        for (String user : new String[] {"national", "region-midt", "kommune-aarhus"}) {
            WebSession session = WebSession.signIn(port, user);
            for (String query : new String[] {"", "?scope=national", "?date=01-03-2025", "?date=not-a-date"}) {
                HttpResponse<String> swapped = session.get("/coverage/figures" + query);
                String page = session.get("/coverage" + query).body();
                assertThat(swapped.body()).as(user + query).isEqualTo(figuresOf(page));
                assertThat(swapped.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
                assertThat(swapped.headers().firstValue("Content-Language")).hasValue("da-DK");
            }
        }
    }

    @Test
    void each_scope_language_and_municipality_gets_its_own_figures() {
        WebSession national = WebSession.signIn(port, "national");
        WebSession aarhus = WebSession.signIn(port, "kommune-aarhus");
        String nationalPage = figuresOf(national.get("/coverage").body());
        String aarhusNational = figuresOf(aarhus.get("/coverage?scope=national").body());
        String aarhusRegion = figuresOf(aarhus.get("/coverage").body());

        assertThat(nationalPage).doesNotContain("Aarhus: ");
        assertThat(aarhusNational).contains("Aarhus: ").contains(firstMatch(nationalPage));
        assertThat(aarhusRegion).contains("Aarhus: ").isNotEqualTo(aarhusNational);
        assertThat(figuresOf(national.get("/coverage?lang=en").body())).contains("covered: ");
        assertThat(figuresOf(national.get("/coverage?lang=da").body())).isEqualTo(nationalPage);
    }

    @Test
    void the_figures_of_today_show_an_approved_agreement_at_once() {
        WebSession national = WebSession.signIn(port, "national");
        long[] before = covered(national.get("/coverage").body());
        assertThat(covered(national.get("/coverage").body())).isEqualTo(before);

        CoverageFixtures fixtures = new CoverageFixtures(Api.on(port));
        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 6), Coverage.today());

        long[] after = covered(national.get("/coverage").body());
        assertThat(after[0]).isEqualTo(before[0] + 1);
        assertThat(after[1]).isEqualTo(before[1] + 1);
    }

    /** A target written without an event (a migration): no new data version, yet the page shows it at once. */
    @Test
    void a_target_written_without_an_event_shows_at_once() {
        WebSession national = WebSession.signIn(port, "national");
        assertThat(national.get("/coverage").body()).doesNotContain(" / 7777<");
        LocalDate tomorrow = Coverage.today().plusDays(1);
        long id = jdbc.sql("insert into coverage_target (target_date, facilities, every_municipality, note, created_by)"
                        + " values (:d, 7777, true, 'i19-misc test', 'test') returning id")
                .param("d", tomorrow)
                .query(Long.class)
                .single();
        try {
            assertThat(national.get("/coverage").body()).contains(" / 7777<");
        } finally {
            jdbc.sql("delete from coverage_target where id = :id")
                    .param("id", id)
                    .update();
        }
        assertThat(national.get("/coverage").body()).doesNotContain(" / 7777<");
    }

    /** The figures' fragment as the page holds it. */
    static String figuresOf(String page) {
        int start = page.indexOf("<div id=\"figures\"");
        int end = page.indexOf("\n\n  <div class=\"grid2\">", start);
        assertThat(start).isPositive();
        assertThat(end).isGreaterThan(start);
        return page.substring(start, end);
    }

    private static String firstMatch(String figures) {
        Matcher m = COVERED.matcher(figures);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static long[] covered(String page) {
        Matcher m = COVERED.matcher(figuresOf(page));
        assertThat(m.find()).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
}
