package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.EmptyRegion;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Review 16 (i16-fixc), findings 9 and 11: the Kommune filter lists the municipalities by name in Danish order
 * (Aarhus last); "hele landet" mid-sentence; a region without facilities has nothing to settle.
 */
@IntegrationTest
class PagesReview16Test {

    private static final Pattern SELECT = Pattern.compile("(?s)<select id=\"municipalityCode\"[^>]*>(.*?)</select>");
    private static final Pattern OPTION = Pattern.compile("<option value=\"\\d+\"[^>]*>([^<]+)</option>");

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    Users users;

    @Test
    void the_kommune_filter_is_in_danish_alphabetical_order() {
        WebSession region = WebSession.signIn(port, "region-midt");
        for (String page : new String[] {"/facilities", "/practices"}) {
            Matcher select = SELECT.matcher(region.get(page).body());
            assertThat(select.find()).as(page).isTrue();
            List<String> names = new ArrayList<>();
            Matcher option = OPTION.matcher(select.group(1));
            while (option.find()) {
                names.add(option.group(1));
            }
            assertThat(names).as(page).hasSizeGreaterThan(10).endsWith("Aarhus");
            assertThat(names.indexOf("Favrskov")).as(page).isLessThan(names.indexOf("Herning"));
            assertThat(names.indexOf("Herning")).as(page).isLessThan(names.indexOf("Horsens"));
        }
    }

    @Test
    void the_admin_start_page_says_hele_landet_mid_sentence() {
        String body = WebSession.signIn(port, "admin").get("/").body();
        assertThat(body).contains("Tallene gælder hele landet.").doesNotContain("Tallene gælder Hele landet");
    }

    @Test
    void a_region_without_facilities_has_nothing_to_settle() {
        // a region no test gives a facility (in a full run other tests give Region Nordjylland some)
        EmptyRegion empty = EmptyRegion.signInUser(jdbc, users);
        String body = WebSession.signIn(port, empty.username()).get("/").body();
        assertThat(body).contains("id=\"start-months-nothing\"").doesNotContain("ikke kørt");
    }
}
