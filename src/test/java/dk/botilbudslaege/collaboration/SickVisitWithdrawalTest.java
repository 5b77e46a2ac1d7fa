package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.SickVisitScenarios.request;
import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facility side withdraws a sick-visit request not yet done (DELETE, deleted at once, audited without
 * the references; DONE 409); a doctor probing another doctor's visit gets the 404 of no visit; the pages:
 * withdraw after a confirmation, a second Kvitter is a flash, a tampered post a 403 page, bad text a field
 * error with the input kept, the facility's list with its note and a multi-day window's two dates.
 */
@IntegrationTest
class SickVisitWithdrawalTest extends SickVisitTestBase {

    @Test
    void the_facility_withdraws_a_request_and_the_audit_keeps_no_references() {
        long id = ask(request(inDays(2), 2, List.of("værelse 4", "værelse 7")));
        Api.Response gone = facilityUser.delete(path + "/" + id);
        assertThat(gone.status()).as(gone.body()).isEqualTo(204);
        assertThat(count(id)).isZero();
        List<Map<String, Object>> audit = jdbc.sql(
                        "select action, changes::text as changes from audit_event where entity_type = 'SICK_VISIT'"
                                + " and entity_id = :id order by id")
                .param("id", String.valueOf(id))
                .query()
                .listOfRows();
        assertThat(audit).extracting(r -> r.get("action")).containsExactly("VISIT_REQUESTED", "VISIT_WITHDRAWN");
        assertThat(audit.get(1).get("changes").toString())
                .contains("REQUESTED", "residents")
                .doesNotContain("værelse");
        assertThat(doctorUser.get(path).json().size()).isZero();
        assertThat(facilityUser.delete(path + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void an_acknowledged_request_may_be_withdrawn_a_done_one_not() {
        long acknowledged = ask(request(inDays(2), 1, List.of("værelse 1")));
        assertThat(doctorUser
                        .patch(path + "/" + acknowledged, Map.of("status", "ACKNOWLEDGED"))
                        .status())
                .isEqualTo(200);
        assertThat(api.as("kommune-norddjurs").delete(path + "/" + acknowledged).status())
                .isEqualTo(204);

        long done = ask(request(inDays(3), 1, List.of("værelse 2")));
        doctorUser.patch(path + "/" + done, Map.of("status", "ACKNOWLEDGED"));
        assertThat(doctorUser.patch(path + "/" + done, Map.of("status", "DONE")).status())
                .isEqualTo(200);
        Api.Response refused = facilityUser.delete(path + "/" + done);
        assertProblem(refused, 409, "SICK_VISIT_DONE");
        assertThat(count(done)).isOne();
    }

    @Test
    void only_the_facility_side_withdraws() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        String one = path + "/" + id;
        assertProblem(doctorUser.delete(one), 403, "FORBIDDEN");
        assertProblem(api.as("region-midt").delete(one), 403, "FORBIDDEN");
        assertProblem(api.as("national").delete(one), 403, "FORBIDDEN");
        assertThat(api.as("kommune-aarhus").delete(one).status()).isEqualTo(404);
        assertThat(api.as("region-nord").delete(one).status()).isEqualTo(404);
        long other = given.facility(5);
        assertThat(given.facilityUser(other).delete(one).status()).isEqualTo(404);
        // a visit of this facility through another facility's path is the same 404 as none
        assertThat(given.facilityUser(other)
                        .delete("/api/v1/facilities/" + other + "/sick-visits/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(api.anonymous().delete(one).status()).isEqualTo(401);
        assertThat(count(id)).isOne();
    }

    @Test
    void a_doctor_probing_another_doctors_visit_gets_the_404_of_no_visit() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        long otherDoctor = given.doctor();
        given.agreement(otherDoctor, given.facility(6), LocalDate.of(2025, 1, 1));
        Api stranger = given.doctorUser(otherDoctor);
        Api.Response probe = stranger.patch(path + "/" + id, Map.of("status", "ACKNOWLEDGED"));
        Api.Response none = stranger.patch(path + "/999999999", Map.of("status", "ACKNOWLEDGED"));
        assertThat(probe.status()).isEqualTo(404).isEqualTo(none.status());
        assertThat(probe.code()).isEqualTo(none.code());
        assertThat(probe.body().replace(String.valueOf(id), "X"))
                .isEqualTo(none.body().replace("999999999", "X"));
        assertThat(api.as("laege-norddjurs")
                        .patch(path + "/" + id, Map.of("status", "ACKNOWLEDGED"))
                        .status())
                .isEqualTo(404);
    }

    // ---- the pages ----------------------------------------------------------------------------------

    @Test
    void the_page_withdraws_after_a_confirmation_and_the_doctor_no_longer_sees_it() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        WebSession web = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        String page = "/facilities/" + facility + "/sick-visits";
        assertThat(web.get(page).body()).contains("Træk anmodning tilbage");
        HttpResponse<String> confirmation = web.get(page + "/" + id + "/withdraw");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("slettes straks", "name=\"confirmed\"");
        assertThat(count(id)).isOne();
        HttpResponse<String> done = web.post(page + "/" + id + "/withdraw", page, Map.of("confirmed", "true"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(count(id)).isZero();
        WebSession doctorWeb = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctor));
        assertThat(doctorWeb.get("/sick-visits").body()).doesNotContain("visit-" + id + "\"");
    }

    @Test
    void the_withdrawal_confirmation_is_a_get_page_that_survives_a_language_switch_and_a_reload() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        WebSession web = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        String page = "/facilities/" + facility + "/sick-visits";
        String confirmPage = page + "/" + id + "/withdraw";
        // the list's button is a link to the confirmation page, no form posting
        assertThat(web.get(page).body())
                .contains("href=\"" + confirmPage + "\"")
                .doesNotContain("action=\"" + confirmPage + "\"");
        // a post without confirmed (an old tab) is sent to the confirmation page and deletes nothing
        HttpResponse<String> unconfirmed = web.post(confirmPage, page, Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(unconfirmed.headers().firstValue("Location").orElseThrow()).endsWith(confirmPage);
        assertThat(count(id)).isOne();

        HttpResponse<String> danish = web.get(confirmPage);
        assertThat(danish.statusCode()).isEqualTo(200);
        assertThat(danish.body()).contains("slettes straks", "href=\"" + confirmPage + "?lang=en\"");
        HttpResponse<String> english = web.get(confirmPage + "?lang=en");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
        assertThat(english.body()).contains("Withdraw the sick-visit request", "is deleted at once");
        // a reload is harmless: the same page, nothing deleted
        assertThat(web.get(confirmPage + "?lang=da").statusCode()).isEqualTo(200);
        assertThat(web.get(confirmPage).body()).contains("slettes straks");
        assertThat(count(id)).isOne();

        HttpResponse<String> done = web.post(confirmPage, confirmPage, Map.of("confirmed", "true"));
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(count(id)).isZero();
        assertThat(web.get(page).body()).contains("Anmodningen er trukket tilbage og slettet.");
        // the confirmation page of a request gone (a second tab, the back button) is the list with a flash
        HttpResponse<String> gone = web.get(confirmPage);
        assertThat(gone.statusCode()).isEqualTo(302);
        assertThat(gone.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(web.get(page).body()).contains("Anmodningen findes ikke længere; den er allerede trukket tilbage.");
        // a second confirmed post (found by the issue 13 re-check) does not claim to have withdrawn it now
        web.post(confirmPage, confirmPage, Map.of("confirmed", "true"));
        assertThat(web.get(page).body())
                .contains("Anmodningen findes ikke længere; den er allerede trukket tilbage.")
                .doesNotContain("Anmodningen er trukket tilbage og slettet.");
    }

    @Test
    void a_done_request_has_no_withdrawal_confirmation() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        String one = path + "/" + id;
        assertThat(doctorUser.patch(one, Map.of("status", "ACKNOWLEDGED")).status())
                .isEqualTo(200);
        assertThat(doctorUser.patch(one, Map.of("status", "DONE")).status()).isEqualTo(200);
        WebSession web = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        String page = "/facilities/" + facility + "/sick-visits";
        HttpResponse<String> refused = web.get(page + "/" + id + "/withdraw");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(web.get(page).body()).contains("Besøget er udført; anmodningen kan ikke trækkes tilbage");
        assertThat(count(id)).isOne();
    }

    @Test
    void only_the_facility_side_sees_the_withdrawal_confirmation() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        String confirmPage = "/facilities/" + facility + "/sick-visits/" + id + "/withdraw";
        for (String other : new String[] {pageUser(Role.DOCTOR, null, doctor), "region-midt", "national"}) {
            WebSession web = WebSession.signIn(port, other);
            assertThat(web.get(confirmPage).statusCode()).as(other).isEqualTo(403);
            assertThat(web.post(confirmPage, confirmPage, Map.of("confirmed", "true"))
                            .statusCode())
                    .as(other)
                    .isEqualTo(403);
        }
        long other = given.facility(5);
        for (String outsider : new String[] {"kommune-aarhus", "region-nord", pageUser(Role.FACILITY, other, null)}) {
            WebSession web = WebSession.signIn(port, outsider);
            assertThat(web.get(confirmPage).statusCode()).as(outsider).isIn(403, 404);
            assertThat(web.post(confirmPage, confirmPage, Map.of("confirmed", "true"))
                            .statusCode())
                    .as(outsider)
                    .isIn(403, 404);
        }
        // a visit of this facility through another facility's path: back to that list with a flash, never the page
        WebSession otherSide = WebSession.signIn(port, pageUser(Role.FACILITY, other, null));
        HttpResponse<String> probe = otherSide.get("/facilities/" + other + "/sick-visits/" + id + "/withdraw");
        assertThat(probe.statusCode()).isEqualTo(302);
        assertThat(count(id)).isOne();
    }

    @Test
    void a_second_kvitter_is_a_flash_not_an_error_page() {
        long id = ask(request(inDays(2), 1, List.of("værelse 4")));
        WebSession web = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctor));
        String action = "/sick-visits/" + facility + "/" + id;
        assertThat(web.post(action, "/sick-visits", Map.of("status", "ACKNOWLEDGED"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> again = web.post(action, "/sick-visits", Map.of("status", "ACKNOWLEDGED"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(web.get("/sick-visits").body()).contains("Anmodningen er allerede kvitteret");
        web.post(action, "/sick-visits", Map.of("status", "DONE"));
        assertThat(web.post(action, "/sick-visits", Map.of("status", "DONE")).statusCode())
                .isEqualTo(302);
        assertThat(web.get("/sick-visits").body()).contains("Besøget er allerede udført");
    }

    @Test
    void a_tampered_post_is_a_403_page_and_bad_text_a_field_error_with_the_input_kept() {
        String page = "/facilities/" + facility + "/sick-visits";
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("wantedFrom", inDays(2).format(minutes));
        form.put("wantedTo", inDays(2).plusHours(2).format(minutes));
        form.put("residents", "1");
        form.put("references", "værelse 4");
        form.put("note", "Feber\u0007 siden i går");
        WebSession region = WebSession.signIn(port, "region-midt");
        assertThat(region.post(page, page, form).statusCode()).isEqualTo(403);

        WebSession web = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        HttpResponse<String> bad = web.post(page, page, form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("styretegn", "relse 4", "siden i g");
        assertThat(jdbc.sql("select count(*) from sick_visit where facility_id = :f")
                        .param("f", facility)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_facility_list_shows_its_note_and_a_multi_day_window_with_both_dates() {
        Map<String, Object> body = request(inDays(2), 1, List.of("værelse 4"));
        body.put("wantedTo", inDays(4).toString());
        body.put("note", "Ring før ankomst");
        ask(body);
        WebSession web = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        String html = web.get("/facilities/" + facility + "/sick-visits").body();
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
        assertThat(html).contains("Ring før ankomst");
        assertThat(html).contains(inDays(2).format(shown) + " – " + inDays(4).format(shown));
    }
}
