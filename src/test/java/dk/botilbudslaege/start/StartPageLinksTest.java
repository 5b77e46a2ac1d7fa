package dk.botilbudslaege.start;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 16 finding 1: every link on each role's start page leads somewhere — no 404 "Siden findes ikke", no 500
 * (the settlement months linked /settlements/2026-09, a page that does not exist).
 */
@IntegrationTest
class StartPageLinksTest {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Set<String> followAllLinks(String user) {
        WebSession session = WebSession.signIn(port, user);
        String page = session.get("/").body();
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(page);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        assertThat(links).as(user).isNotEmpty();
        for (String link : links) {
            int status = session.get(link).statusCode();
            assertThat(status).as(user + " follows " + link).isNotEqualTo(404).isLessThan(500);
        }
        return links;
    }

    @Test
    void every_link_on_every_start_page_leads_to_a_page() {
        for (String user :
                new String[] {"region-midt", "region-nord", "kommune-norddjurs", "botilbud-skovstjernen", "national"}) {
            followAllLinks(user);
        }
    }

    @Test
    void the_regions_settlement_months_link_to_the_month_page() {
        Set<String> links = followAllLinks("region-midt");
        assertThat(links).anyMatch(l -> l.matches("/settlements\\?month=\\d{4}-\\d{2}"));
        assertThat(links).noneMatch(l -> l.matches("/settlements/\\d{4}-\\d{2}"));
    }

    @Test
    void the_doctors_fee_lines_link_leads_to_the_approved_month() {
        // the demo has no approved month: approve one of the doctor's region, long past, for this test only
        String region = jdbc.sql("select region_code from app_user where username = 'laege-norddjurs'")
                .query(String.class)
                .optional()
                .orElse("1082");
        int inserted = jdbc.sql("""
                        insert into settlement_month (region_code, month, status, approved_by, approved_at)
                        values (:r, date '2008-02-01', 'APPROVED', 'test', now()) on conflict do nothing
                        """).param("r", region).update();
        try {
            Set<String> links = followAllLinks("laege-norddjurs");
            assertThat(links).anyMatch(l -> l.matches("/settlements\\?month=\\d{4}-\\d{2}"));
        } finally {
            if (inserted == 1) {
                jdbc.sql("delete from settlement_month where region_code = :r and month = date '2008-02-01'")
                        .param("r", region)
                        .update();
            }
        }
    }
}
