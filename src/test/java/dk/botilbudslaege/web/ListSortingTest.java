package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 item 3, lists: columns sort on the server (asc, then desc the exact reverse thanks to the id tiebreak),
 * page numbers and a page size kept in the URL with the filters, and whatever is typed into the address bar gives a
 * page, never a 500.
 */
@IntegrationTest
class ListSortingTest {

    private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("href=\"/(?:facilities|agreements)/(\\d+)\"");
    private static final Pattern NUM = Pattern.compile("<td class=\"num\">([\\d.]+)</td>");

    @LocalServerPort
    int port;

    WebSession region;

    @BeforeEach
    void signIn() {
        region = WebSession.signIn(port, "region-midt");
    }

    @Test
    void facilitiesSortByEveryColumnBothWays() {
        for (String key : List.of("name", "municipality", "operator", "legalBasis", "residents", "places", "inScope")) {
            List<String> asc = ids(page("/facilities?municipalityCode=751&size=200&sort=" + key + "&dir=asc"));
            List<String> desc = ids(page("/facilities?municipalityCode=751&size=200&sort=" + key + "&dir=desc"));
            assertThat(asc).as(key).hasSizeGreaterThan(2);
            List<String> reversed = new ArrayList<>(desc);
            Collections.reverse(reversed);
            assertThat(asc).as(key + " desc is asc reversed").isEqualTo(reversed);
        }
        List<Integer> residents = numbers(page("/facilities?size=200&sort=residents&dir=asc"), 0);
        assertThat(residents).isSorted();
        List<Integer> places = numbers(page("/facilities?size=200&sort=places&dir=desc"), 1);
        assertThat(places).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void sortedHeaderSaysSoAndLinksKeepTheFilters() {
        String body = page("/facilities?operator=MUNICIPAL&q=a&sort=residents&dir=asc&size=50");
        assertThat(body).contains("aria-sort=\"ascending\"");
        assertThat(body)
                .containsPattern(
                        "<th[^>]*aria-sort=\"ascending\"[^>]*><a class=\"sort\" href=\"[^\"]*sort=residents&amp;dir=desc");
        // header links keep the filters and the size, and go back to the first page
        assertThat(body)
                .contains("href=\"/facilities?q=a&amp;operator=MUNICIPAL&amp;sort=name&amp;dir=asc&amp;size=50\"");
        // the filter form carries the sort and the size, so a new filter keeps them
        assertThat(body).contains("name=\"sort\" value=\"residents\"").contains("name=\"dir\" value=\"asc\"");
        assertThat(body).containsPattern("<option value=\"50\" selected");
        String desc = page("/facilities?sort=residents&dir=desc");
        assertThat(desc).contains("aria-sort=\"descending\"").contains("▼");
    }

    @Test
    void pageNumbersKeepFiltersSortAndSize() {
        String body = page("/facilities?size=1&sort=name&dir=desc&page=1");
        assertThat(body).contains("aria-current=\"page\"").contains("Viser 2–2 af");
        assertThat(body).contains("href=\"/facilities?sort=name&amp;dir=desc&amp;size=1\""); // page 1, the first
        assertThat(body).contains("href=\"/facilities?sort=name&amp;dir=desc&amp;size=1&amp;page=2\"");
        assertThat(body).containsPattern("aria-label=\"Sider\"");
        String filtered = page("/agreements?status=ACTIVE&size=1");
        assertThat(filtered)
                .contains("href=\"/agreements?status=ACTIVE&amp;sort=start&amp;dir=desc&amp;size=1&amp;page=1\"");
    }

    @Test
    void agreementsSortBothWays() {
        // (an agreement without an end date comes last both ways, so "end" is not simply reversed)
        for (String key : List.of("unit", "doctor", "status", "start")) {
            List<String> asc = ids(page("/agreements?size=200&sort=" + key + "&dir=asc"));
            List<String> desc = ids(page("/agreements?size=200&sort=" + key + "&dir=desc"));
            assertThat(asc).as(key).isNotEmpty();
            List<String> reversed = new ArrayList<>(desc);
            Collections.reverse(reversed);
            assertThat(asc).as(key + " desc is asc reversed").isEqualTo(reversed);
        }
        assertThat(page("/agreements?sort=end&dir=desc")).contains("aria-sort=\"descending\"");
        // default: newest start first, as before
        assertThat(ids(page("/agreements?size=200"))).isEqualTo(ids(page("/agreements?size=200&sort=start&dir=desc")));
    }

    @Test
    void whateverIsTypedGivesAPageNeverA500() {
        for (String path : List.of("/facilities", "/agreements", "/practices", "/doctors", "/notifications")) {
            for (String query : List.of(
                    "sort=nonsense",
                    "sort=name;drop table facility&dir=asc",
                    "dir=sideways",
                    "size=100000",
                    "size=-1",
                    "size=abc",
                    "page=99999",
                    "page=-3",
                    "page=abc",
                    "page=2147483647&size=200")) {
                HttpResponse<String> response =
                        region.get(path + "?" + query.replace(" ", "%20").replace(";", "%3B"));
                assertThat(response.statusCode()).as(path + "?" + query).isEqualTo(200);
                assertThat(response.body()).as(path + "?" + query).doesNotContain("??");
            }
        }
        String clamped = page("/facilities?size=100000");
        assertThat(clamped).containsPattern("<option value=\"200\" selected");
        String unknown = page("/facilities?sort=nonsense&dir=sideways");
        assertThat(ids(unknown)).isEqualTo(ids(page("/facilities")));
    }

    private String page(String path) {
        HttpResponse<String> response = region.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        Matcher rows = ROW.matcher(body.substring(body.indexOf("<tbody>")));
        while (rows.find()) {
            Matcher id = ID.matcher(rows.group(1));
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    private static List<Integer> numbers(String body, int column) {
        List<Integer> values = new ArrayList<>();
        Matcher rows = ROW.matcher(body.substring(body.indexOf("<tbody>")));
        while (rows.find()) {
            Matcher num = NUM.matcher(rows.group(1));
            for (int i = 0; i <= column && num.find(); i++) {
                if (i == column) {
                    values.add(Integer.parseInt(num.group(1).replace(".", "")));
                }
            }
        }
        return values;
    }
}
