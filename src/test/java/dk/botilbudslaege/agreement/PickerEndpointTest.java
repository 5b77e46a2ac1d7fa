package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 16 item 3 (i16-pickers): GET /pickers/{kind} offers each role only what its form may take. */
@IntegrationTest
class PickerEndpointTest {

    private static final Pattern VALUE = Pattern.compile("data-value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static List<Long> ids(String body) {
        Matcher m = VALUE.matcher(body);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private List<String> municipalitiesOf(List<Long> facilities) {
        return facilities.stream()
                .map(id -> jdbc.sql("select municipality_code from registry_facility where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .distinct()
                .toList();
    }

    @Test
    void anonymous_is_sent_to_login() {
        HttpResponse<String> r = WebSession.anonymous(port).get("/pickers/facilities?for=agreement&q=a");
        assertThat(r.statusCode()).isIn(302, 401);
        assertThat(r.body()).doesNotContain("data-value");
    }

    @Test
    void a_municipality_gets_only_its_own_facilities_at_most_twenty() {
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        for (String purpose : List.of("agreement", "application", "scope")) {
            HttpResponse<String> r = kommune.get("/pickers/facilities?for=" + purpose + "&field=facilityIds");
            assertThat(r.statusCode()).isEqualTo(200);
            List<Long> ids = ids(r.body());
            assertThat(ids.size()).isLessThanOrEqualTo(20);
            assertThat(municipalitiesOf(ids)).allMatch("707"::equals);
        }
        assertThat(ids(kommune.get("/pickers/facilities?for=agreement").body())).isNotEmpty();
        // no doctors for the scope of a municipality's user administrator, none for the region's dispensations
        assertThat(ids(kommune.get("/pickers/doctors?for=scope").body())).isEmpty();
        assertThat(ids(kommune.get("/pickers/doctors?for=dispensations").body()))
                .isEmpty();
    }

    @Test
    void a_region_gets_its_regional_facilities_and_its_doctors() {
        WebSession region = WebSession.signIn(port, "region-midt");
        List<Long> facilities =
                ids(region.get("/pickers/facilities?for=agreement&q=").body());
        for (long id : facilities) {
            assertThat(jdbc.sql("""
                            select r.region_code || ' ' || f.operator from registry_facility f
                              join current_municipality_region r on r.municipality_code = f.municipality_code
                             where f.id = :id
                            """).param("id", id).query(String.class).single())
                    .isEqualTo("1082 REGIONAL");
        }
        List<Long> doctors = ids(region.get("/pickers/doctors?for=agreement").body());
        assertThat(doctors).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        for (long id : doctors) {
            assertThat(jdbc.sql("""
                            select r.region_code from registry_doctor d join registry_practice p on p.id = d.practice_id
                              join current_municipality_region r on r.municipality_code = p.municipality_code
                             where d.id = :id
                            """).param("id", id).query(String.class).single())
                    .isEqualTo("1082");
        }
    }

    @Test
    void the_search_narrows_by_name() {
        WebSession region = WebSession.signIn(port, "region-midt");
        String name = jdbc.sql("""
                        select d.name from registry_doctor d join registry_practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where r.region_code = '1082' order by d.id limit 1
                        """).query(String.class).single();
        String part = name.substring(0, Math.min(name.length(), 5)).toUpperCase();
        String body = region.get("/pickers/doctors?for=agreement&field=doctorId&doctorIdQ="
                        + URLEncoder.encode(part, StandardCharsets.UTF_8))
                .body();
        assertThat(body).contains(name, "role=\"option\"", "id=\"doctorId-opt-0\"");
    }

    // review 17: "Skov" gave twenty facilities in Favrskov (found by their municipality) and not Skovstjernen
    @Test
    void a_facility_named_by_the_search_comes_before_those_found_by_their_municipality() {
        WebSession region = WebSession.signIn(port, "region-midt");
        long skovstjernen = jdbc.sql("select id from registry_facility where name = 'Skovstjernen'")
                .query(Long.class)
                .single();
        List<Long> found = ids(region.get("/pickers/facilities?for=scope&field=facilityId&facilityIdQ=Skov")
                .body());
        assertThat(found).hasSizeLessThanOrEqualTo(20).contains(skovstjernen);
        assertThat(found.get(0))
                .as("a name starting with the search word first")
                .isIn(jdbc.sql("select id from registry_facility where name ilike 'skov%' or name ilike '% skov%'")
                        .query(Long.class)
                        .list());
    }

    @Test
    void a_doctor_a_facility_and_the_national_viewer_get_no_one_elses_choices() {
        for (String user : List.of("laege-norddjurs", "national")) {
            WebSession s = WebSession.signIn(port, user);
            for (String purpose : List.of("agreement", "dispensations", "scope")) {
                assertThat(ids(s.get("/pickers/doctors?for=" + purpose).body())).isEmpty();
            }
            assertThat(ids(s.get("/pickers/facilities?for=scope").body())).isEmpty();
            assertThat(ids(s.get("/pickers/facilities?for=agreement").body())).isEmpty();
        }
        WebSession facility = WebSession.signIn(port, "botilbud-skovstjernen");
        assertThat(ids(facility.get("/pickers/facilities?for=agreement").body()))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(ids(facility.get("/pickers/facilities?for=scope").body())).isEmpty();
    }

    @Test
    void hostile_queries_are_answered_with_at_most_twenty_matches_and_never_an_error() {
        WebSession admin = WebSession.signIn(port, "admin");
        for (String q : List.of("x".repeat(5000), "%", "_", "'", "' or 1=1 --", "æøå ÆØÅ 🩺", "\\", "%_%", "  ")) {
            for (String kind : List.of("facilities", "doctors")) {
                HttpResponse<String> r = admin.get("/pickers/" + kind + "?for=scope&field=facilityId&facilityIdQ="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8));
                assertThat(r.statusCode()).as(q).isLessThan(500);
                assertThat(ids(r.body()).size()).isLessThanOrEqualTo(20);
            }
        }
        assertThat(admin.get("/pickers/facilities?for=scope&field=%3Cscript%3E").body())
                .doesNotContain("<script>");
        assertThat(admin.get("/pickers/patients?for=scope").statusCode()).isEqualTo(404);
        assertThat(admin.get("/pickers/facilities?for=other").statusCode()).isEqualTo(404);
    }

    @Test
    void without_javascript_the_search_button_re_shows_the_form_with_the_matches_as_radio_buttons() {
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        List<Long> own = ids(kommune.get("/pickers/facilities?for=agreement").body());
        String name = jdbc.sql("select name from registry_facility where id = :id")
                .param("id", own.get(0))
                .query(String.class)
                .single();
        HttpResponse<String> page = kommune.get("/agreements/new?pickerSearch=facilityIds&facilityIdsQ="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("type=\"radio\" name=\"facilityIds\" value=\"" + own.get(0) + "\"")
                .doesNotContain("id=\"facilityIds-value\"");
        // a plain form page has the hidden field and the combobox, and no select of all facilities
        String plain = kommune.get("/agreements/new").body();
        assertThat(plain)
                .contains("id=\"facilityIds-value\"", "role=\"combobox\"")
                .doesNotContain("<select id=\"facilityIds\"");
        // review 16: "Søg" submits the layout's own empty GET form, so Enter in another field submits the page's
        // form, and neither the CSRF token nor the other fields end up in the URL
        assertThat(plain)
                .contains("<form id=\"picker-search\" method=\"get\" hidden></form>")
                .contains(
                        "class=\"picker-search\" form=\"picker-search\" formaction=\"/agreements/new\" name=\"pickerSearch\"")
                .doesNotContain("formmethod=\"get\"");
        // re-check of review 16: "Søg" goes back to the form's own page (not the list the form posts to), and the
        // other picker's choice goes along and is kept, if it is one this user may make
        assertThat(plain).contains("formaction=\"/agreements/new\"");
        String doctor =
                ids(kommune.get("/pickers/doctors?for=agreement").body()).get(0).toString();
        HttpResponse<String> kept = kommune.get("/agreements/new?facilityIds=" + own.get(0) + "&doctorId=" + doctor
                + "&pickerSearch=facilityIds&facilityIdsQ=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(kept.body())
                .contains("type=\"hidden\" form=\"picker-search\" name=\"doctorId\" value=\"" + doctor + "\"")
                .contains("name=\"doctorId\" id=\"doctorId-value\" value=\"" + doctor + "\"");
        Long elsewhere = jdbc.sql(
                        "select id from registry_facility where municipality_code <> '707' order by id limit 1")
                .query(Long.class)
                .single();
        HttpResponse<String> foreign = kommune.get("/agreements/new?facilityIds=" + elsewhere + "&doctorId=999999999");
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body())
                .doesNotContain("name=\"facilityIds\" value=\"" + elsewhere + "\"")
                .doesNotContain("value=\"999999999\"");
    }

    @Test
    void the_form_still_refuses_a_facility_outside_the_scope_submitted_directly() {
        long aarhus = jdbc.sql("select id from registry_facility where municipality_code = '751' order by id limit 1")
                .query(Long.class)
                .single();
        long doctor = ids(WebSession.signIn(port, "region-midt")
                        .get("/pickers/doctors?for=agreement")
                        .body())
                .get(0);
        WebSession kommune = WebSession.signIn(port, "kommune-norddjurs");
        HttpResponse<String> r = kommune.post(
                "/agreements",
                "/agreements/new",
                java.util.Map.of(
                        "facilityIds", String.valueOf(aarhus),
                        "doctorId", String.valueOf(doctor),
                        "startDate", java.time.LocalDate.now().withDayOfMonth(1).toString(),
                        "matchMethod", "PRIORITY_LIST"));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotMatch(".*/agreements/\\d+$");
        assertThat(r.statusCode()).isIn(200, 400, 403, 404, 422);
    }
}
