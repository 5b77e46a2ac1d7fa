package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.EmptyRegion;
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

/** Review 16 findings 2–5 (misuse from inside a scope): what each role sees of others' figures, badges and links. */
@IntegrationTest
class Review16FixesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    private String page(String user, String path) {
        HttpResponse<String> page = WebSession.signIn(port, user).get(path);
        assertThat(page.statusCode()).as(user + " " + path).isEqualTo(200);
        return page.body();
    }

    // finding 2
    @Test
    void a_region_sees_its_own_coverage_figures_named_and_an_empty_region_says_it_has_no_facilities() {
        String nord = page("region-nord", "/coverage");
        assertThat(nord)
                .contains("Dækningsgrad, Region Nordjylland", "Tallene gælder Region Nordjylland.")
                .doesNotContain("Region Midtjylland", "Norddjurs"); // (in a full run other tests give it facilities)
        EmptyRegion empty = EmptyRegion.signInUser(jdbc, users);
        assertThat(page(empty.username(), "/coverage"))
                .contains("id=\"coverage-empty\"", empty.name() + " har endnu ingen botilbud registreret")
                .doesNotContain("Region Midtjylland", "Norddjurs", "id=\"coverage-value\"");
        // the whole country is a choice, labelled as such
        assertThat(page("region-nord", "/coverage?scope=national"))
                .contains(
                        "Dækningsgrad, Hele landet",
                        "Tallene gælder hele landet.",
                        "Se tallene for Region Nordjylland");
    }

    @Test
    void a_municipality_sees_its_regions_figures_labelled_and_the_national_viewer_the_whole_country() {
        assertThat(page("kommune-aarhus", "/coverage"))
                .contains("Dækningsgrad, Region Midtjylland", "Tallene gælder Region Midtjylland.")
                .contains(
                        "Botilbud og beboere gælder Aarhus Kommune; praksisser og læger gælder Region Midtjylland.",
                        "id=\"coverage-value\"")
                .doesNotContain("Region Nordjylland");
        assertThat(page("kommune-aarhus", "/coverage/figures")).contains("Tallene gælder Region Midtjylland.");
        assertThat(page("national", "/coverage")).contains("Dækningsgrad, Hele landet", "Tallene gælder hele landet.");
    }

    // review 17: a facility's counts at the top are its own, named by the facility, not by the person signed in
    @Test
    void a_facility_sees_its_counts_named_by_the_facility() {
        assertThat(page("botilbud-skovstjernen", "/coverage"))
                .contains("Tallene gælder Skovstjernen.")
                .doesNotContain("kontaktperson.");
    }

    // finding 3
    @Test
    void who_has_a_dispensation_is_shown_to_the_region_and_the_doctor_only() {
        record Dispensed(long doctorId, long practiceId) {}
        List<Dispensed> found = jdbc.sql("""
                        select d.id as doctor_id, d.practice_id from dispensation x
                          join doctor d on d.id = x.doctor_id join practice p on p.id = d.practice_id
                         where p.municipality_code = '707' and x.valid_from <= current_date
                           and (x.valid_to is null or x.valid_to >= current_date)
                           and d.id <> (select doctor_id from app_user where username = 'laege-norddjurs')
                         order by d.id
                        """).query(Dispensed.class).list();
        String badge = "class=\"badge\">Dispensation<";
        Dispensed shown = null;
        for (Dispensed d : found) {
            if (page("region-midt", "/practices/" + d.practiceId()).contains(badge)) {
                shown = d;
                break;
            }
        }
        assertThat(shown)
                .as("a Norddjurs practice whose page shows a dispensation")
                .isNotNull();
        String path = "/practices/" + shown.practiceId();
        for (String other :
                List.of("laege-norddjurs", "botilbud-skovstjernen", "kommune-aarhus", "kommune-norddjurs")) {
            String body = page(other, path);
            assertThat(body).as(other).doesNotContain(badge).contains("Læger i praksissen med dispensation: ");
        }
        String username = "fixa-doctor-" + shown.doctorId();
        if (!users.exists(username)) {
            users.create(
                    new Users.NewUser(username, Api.PASSWORD, "Læge", Role.DOCTOR, null, null, null, shown.doctorId()));
        }
        assertThat(page(username, path)).contains(badge);
    }

    // finding 4
    @Test
    void the_fixed_doctor_links_to_the_agreement_only_for_those_who_may_open_it() {
        List<Long> agreements = jdbc.sql("""
                        select a.id from agreement_overview a join app_user u on u.username = 'laege-norddjurs'
                         where a.status in ('ACTIVE', 'NOTICE_GIVEN') and a.doctor_id <> u.doctor_id
                           and a.municipality_code = '707' order by a.id limit 3
                        """).query(Long.class).list();
        assertThat(agreements).isNotEmpty();
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        WebSession region = WebSession.signIn(port, "region-midt");
        boolean checked = false;
        for (long agreement : agreements) {
            List<Long> facilities = jdbc.sql("select unnest(facility_ids) from agreement_overview where id = :a")
                    .param("a", agreement)
                    .query(Long.class)
                    .list();
            for (long facility : facilities) {
                String asRegion = region.get("/facilities/" + facility).body();
                if (!asRegion.contains("href=\"/agreements/" + agreement + "\"")) {
                    continue;
                }
                checked = true;
                String asDoctor = doctor.get("/facilities/" + facility).body();
                assertThat(asDoctor).contains("id=\"fixed-doctor\"");
                Matcher m = Pattern.compile("href=\"(/agreements/\\d+)\"").matcher(asDoctor);
                while (m.find()) {
                    assertThat(doctor.get(m.group(1)).statusCode())
                            .as("doctor follows " + m.group(1))
                            .isEqualTo(200);
                }
                assertThat(asDoctor).doesNotContain("href=\"/agreements/" + agreement + "\"");
            }
        }
        assertThat(checked)
                .as("a facility page linking another doctor's agreement")
                .isTrue();
    }

    // finding 5
    @Test
    void the_doctors_application_picks_facilities_with_a_picker_and_keeps_them() {
        WebSession doctor = WebSession.signIn(port, "laege-norddjurs");
        String form = doctor.get("/dispensation-applications/new").body();
        assertThat(form)
                .doesNotContain("<select multiple", "multiple=\"multiple\"")
                .contains("data-picker-multi", "hx-get=\"/pickers/facilities?for=application&amp;field=facilityIds\"");
        // without JavaScript: "Søg" lists matches as checkboxes and keeps the facilities chosen before
        Matcher option = Pattern.compile("data-value=\"(\\d+)\"")
                .matcher(doctor.get("/pickers/facilities?for=application&field=facilityIds&q=a")
                        .body());
        assertThat(option.find()).as("a facility the doctor may choose").isTrue();
        long skovstjernen = Long.parseLong(option.group(1));
        String searched = doctor.get("/dispensation-applications/new?pickerSearch=facilityIds&facilityIdsQ=Skov"
                        + "&facilityIds=" + skovstjernen + "&facilityIds=abc")
                .body();
        assertThat(searched)
                .contains("class=\"picker-chip\"", "name=\"facilityIds\" value=\"" + skovstjernen + "\" checked")
                .contains("picker-results");
        // a form error keeps the chosen facility as a chip
        HttpResponse<String> refused = doctor.post(
                "/dispensation-applications",
                "/dispensation-applications/new",
                Map.of("kind", "MULTIPLE_FACILITIES", "facilityIds", String.valueOf(skovstjernen), "reason", " "));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("name=\"facilityIds\" value=\"" + skovstjernen + "\" checked");
    }
}
