package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.common.PageRequest;
import dk.botilbudslaege.common.PageResult;
import dk.botilbudslaege.common.SortColumns;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review 16 findings 6 and 7: a page past the end of a list shows the last page (never "607 resultater" with "Ingen
 * resultater", never a "Næste" that overflows to page 1), and every list page takes whatever is typed as page or size
 * the same lenient way (/matching/wishes too), never a 400 or a 500.
 */
@IntegrationTest
class ListPagingLenienceTest {

    private static final Pattern SHOWING = Pattern.compile("Viser ([\\d.]+)–([\\d.]+) af ([\\d.]+)");

    private static final List<String> TYPED =
            List.of("page=abc", "size=abc", "page=2147483648", "page=99999", "page=2147483647&size=200", "page=-1");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPagePastTheEndShowsTheLastPage() {
        WebSession region = WebSession.signIn(port, "region-midt");
        for (String path : List.of("/facilities", "/practices", "/doctors", "/agreements")) {
            for (String query : List.of("page=99999", "page=2147483647&size=200", "page=2147483648&size=1")) {
                String body = ok(region, path + "?" + query);
                assertThat(body)
                        .as(path + "?" + query)
                        .doesNotContain("Ingen resultater")
                        .doesNotContain("rel=\"next\"");
                Matcher showing = SHOWING.matcher(body);
                if (showing.find()) { // more than one page: the last one, marked as the current page
                    assertThat(showing.group(2)).as(path + "?" + query).isEqualTo(showing.group(3));
                    assertThat(body).as(path + "?" + query).contains("aria-current=\"page\"");
                } else {
                    assertThat(query)
                            .as(path + ": one page only when 200 a page")
                            .contains("size=200");
                }
            }
        }
        // the far page's "Forrige" goes to the page before the last, not to a page past the end
        String last = ok(region, "/facilities?page=2147483647&size=200");
        int total = Integer.parseInt(matched(last).group(3).replace(".", ""));
        int lastPage = (total + 199) / 200 - 1;
        assertThat(last)
                .contains("rel=\"prev\" href=\"/facilities?sort=name&amp;dir=asc&amp;size=200"
                        + (lastPage - 1 > 0 ? "&amp;page=" + (lastPage - 1) : "") + "\"");
    }

    @Test
    void everyListTakesWhateverIsTypedAsPageOrSize() {
        Map<String, List<String>> pagesByUser = Map.of(
                "region-midt",
                        List.of(
                                "/facilities",
                                "/practices",
                                "/doctors",
                                "/agreements",
                                "/dispensations",
                                "/dispensation-applications",
                                "/admin/users",
                                "/notifications",
                                "/matching/wishes?doctorId=" + anyDoctorOfTheDemo()),
                "laege-norddjurs", List.of("/matching/wishes", "/notifications", "/dispensation-applications"));
        pagesByUser.forEach((user, paths) -> {
            WebSession session = WebSession.signIn(port, user);
            for (String path : paths) {
                for (String query : TYPED) {
                    ok(session, path + (path.contains("?") ? "&" : "?") + query);
                }
            }
        });
        // the doctor's openings: a page past the end is the last page, a page that is not a number the first
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        String first = ok(doctor, "/matching/wishes");
        String abc = ok(doctor, "/matching/wishes?page=abc&size=abc&maxKm=abc");
        assertThat(openingCount(abc)).isEqualTo(openingCount(first));
        String far = ok(doctor, "/matching/wishes?page=2147483648&size=10");
        Matcher showing = SHOWING.matcher(far);
        if (showing.find()) {
            assertThat(showing.group(2)).isEqualTo(showing.group(3));
        }
    }

    @Test
    void pageRequestNeverOverflows() {
        SortColumns columns = new SortColumns(Map.of("name", "name"), "name", false, "id");
        PageRequest far = PageRequest.forPage("2147483648", "200", 25, null, null, columns);
        assertThat(far.page()).isEqualTo(Integer.MAX_VALUE);
        assertThat(PageRequest.forPage("99999999999999999999", "-99999999999", 25, null, null, columns))
                .extracting(PageRequest::page, PageRequest::size)
                .containsExactly(Integer.MAX_VALUE, 1);
        PageResult<String> result = new PageResult<>(List.of(), Integer.MAX_VALUE, 200, 607);
        assertThat(result.hasNext()).isFalse();
        PageResult<String> clamped = PageResult.showingLastWhenPast(
                far, r -> new PageResult<>(r.page() == 3 ? List.of("x") : List.of(), r.page(), r.size(), 607));
        assertThat(clamped.page()).isEqualTo(3);
        assertThat(clamped.firstShown()).isEqualTo(601);
    }

    private static String ok(WebSession session, String path) {
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.body()).as(path).doesNotContain("??");
        return response.body();
    }

    private static Matcher matched(String body) {
        Matcher m = SHOWING.matcher(body);
        assertThat(m.find()).isTrue();
        return m;
    }

    private static String openingCount(String body) {
        Matcher m = Pattern.compile("id=\"opening-count\">([^<]*)<").matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private long anyDoctorOfTheDemo() {
        return jdbc.sql("select doctor_id from app_user where username = 'laege-norddjurs'")
                .query(Long.class)
                .single();
    }
}
