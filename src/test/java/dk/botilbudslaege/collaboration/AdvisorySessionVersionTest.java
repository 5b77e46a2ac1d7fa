package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * A decision holds for the content the facility side saw (review 13b: a facility confirmed 1440 minutes it
 * never saw): sessions carry a {@code version}, a stale PATCH or PUT is 409 CONCURRENT_CHANGE with nothing
 * changed, and the page's forms send the version shown. The audit trail keeps no free text. Racing
 * withdrawals: the loser gets the 404 of a session that is gone. The pages: a locked session has no form.
 */
@IntegrationTest
class AdvisorySessionVersionTest extends AdvisorySessionTestBase {

    String page() {
        return "/agreements/" + agreement + "/sessions";
    }

    long logged(int minutes) {
        return logged(LocalDate.of(2025, 9, 10), minutes);
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("select status, duration_minutes, version from advisory_session where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }

    @Test
    void a_confirmation_of_a_version_since_corrected_is_409_and_changes_nothing() {
        long id = logged(45);
        String path = sessions() + "/" + id;
        int seen = doctor.get(sessions()).json().get(0).path("version").asInt();

        Api.Response corrected = doctor.put(path, session(LocalDate.of(2025, 9, 10), 1440));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("version").asInt()).isGreaterThan(seen);

        Api.Response stale = contact.patch(path, Map.of("status", "CONFIRMED", "version", seen));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().path("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(row(id).get("status")).isEqualTo("LOGGED");

        int current = corrected.json().path("version").asInt();
        Api.Response fresh = contact.patch(path, Map.of("status", "CONFIRMED", "version", current));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().path("version").asInt()).isGreaterThan(current);
        // a stale correction is refused as well
        Map<String, Object> body = new HashMap<>(session(LocalDate.of(2025, 9, 10), 30));
        body.put("version", seen);
        assertThat(doctor.put(path, body).status()).isEqualTo(409);
    }

    @Test
    void the_audit_trail_keeps_that_a_text_changed_never_the_text() {
        long id = logged(60);
        String path = sessions() + "/" + id;
        assertThat(contact.patch(path, Map.of("status", "QUESTIONED", "comment", "Spørgsmål om varigheden"))
                        .status())
                .isEqualTo(200);
        Map<String, Object> body = new HashMap<>(session(LocalDate.of(2025, 9, 10), 45));
        body.put("topic", "Kost og væske");
        body.put("notes", "Rettet note om kosten");
        assertThat(doctor.put(path, body).status()).isEqualTo(200);
        assertThat(doctor.delete(path).status()).isEqualTo(204);

        List<String> changes = jdbc.sql("select changes::text from audit_event where entity_type = 'ADVISORY_SESSION'"
                        + " and entity_id = :id order by id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .list();
        assertThat(changes).hasSize(4);
        assertThat(String.join("\n", changes))
                .doesNotContain("Inhalationsteknik", "Spørgsmål", "Kost og væske", "Rettet note", "KOL")
                .contains("(tekst)", "durationMinutes", "45");
    }

    @Test
    void of_two_simultaneous_withdrawals_the_loser_gets_404_not_a_confirmed_conflict() throws Exception {
        Api realDoctor = Api.on(port).as(pageUser(Role.DOCTOR, null, doctorId));
        for (int round = 0; round < 4; round++) {
            long id = logged(30);
            String path = sessions() + "/" + id;
            List<Integer> statuses = CollaborationFixtures.twoAtOnce(
                    () -> realDoctor.delete(path).status());
            assertThat(statuses).containsExactlyInAnyOrder(204, 404);
        }
    }

    @Test
    void the_page_sends_the_version_shown_and_a_stale_decision_is_a_flash() {
        long id = logged(45);
        WebSession facilitySide = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        String shown = facilitySide.get(page()).body();
        int seen = ((Number) row(id).get("version")).intValue();
        assertThat(shown).contains("name=\"version\" value=\"" + seen + "\"");

        assertThat(doctor.put(sessions() + "/" + id, session(LocalDate.of(2025, 9, 10), 1440))
                        .status())
                .isEqualTo(200);
        HttpResponse<String> stale = facilitySide.post(
                page() + "/" + id + "/decision",
                page(),
                Map.of("status", "CONFIRMED", "version", String.valueOf(seen)));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(row(id).get("status")).isEqualTo("LOGGED");
        assertThat(text(facilitySide.get(page()))).contains("Sessionen er ændret, siden du åbnede siden");

        int now = ((Number) row(id).get("version")).intValue();
        facilitySide.post(
                page() + "/" + id + "/decision", page(), Map.of("status", "CONFIRMED", "version", String.valueOf(now)));
        assertThat(row(id).get("status")).isEqualTo("CONFIRMED");
        assertThat(text(facilitySide.get(page()))).contains("Sessionen er bekræftet.");
    }

    @Test
    void the_page_refuses_ret_and_withdrawal_of_a_confirmed_session_and_a_second_withdrawal_is_a_flash() {
        long confirmed = logged(45);
        assertThat(contact.patch(sessions() + "/" + confirmed, Map.of("status", "CONFIRMED"))
                        .status())
                .isEqualTo(200);
        WebSession web = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctorId));

        HttpResponse<String> edit = web.get(page() + "/" + confirmed + "/edit");
        assertThat(edit.statusCode()).isEqualTo(302);
        assertThat(text(web.get(page()))).contains("kan ikke længere rettes").doesNotContain("Ret sessionen");

        HttpResponse<String> withdraw = web.get(page() + "/" + confirmed + "/withdraw");
        assertThat(withdraw.statusCode()).isEqualTo(302);
        assertThat(withdraw.headers().firstValue("Location").orElse("")).endsWith(page());
        assertThat(text(web.get(page()))).contains("kan ikke længere rettes").doesNotContain("slettes");

        long open = logged(30);
        String list = web.get(page()).body();
        assertThat(list).contains("/sessions/" + open + "/edit#edit-session");
        String editing = web.get(page() + "/" + open + "/edit").body();
        assertThat(editing.indexOf("id=\"edit-session\"")).isLessThan(editing.indexOf("id=\"sessions\""));
        assertThat(editing.indexOf("id=\"edit-session\"")).isLessThan(editing.indexOf("<table"));

        assertThat(web.post(page() + "/" + open + "/withdraw", page(), Map.of("confirmed", "true"))
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<String> again = web.post(page() + "/" + open + "/withdraw", page(), Map.of("confirmed", "true"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElse("")).endsWith(page());
        assertThat(text(web.get(page()))).contains("Sessionen findes ikke længere.");
    }

    @Test
    void the_topic_page_flashes_and_keeps_bad_input_on_its_field() {
        WebSession admin = WebSession.signIn(port, AdvisorySessionFixtures.ADMIN);
        String topicPage = "/admin/session-topics";
        String name = "Søvn " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.post(topicPage, topicPage, Map.of("name", name)).statusCode())
                .isEqualTo(302);
        assertThat(text(admin.get(topicPage))).contains("er tilføjet");

        HttpResponse<String> control = admin.post(topicPage, topicPage, Map.of("name", "Søvn\u0001 igen"));
        assertThat(control.statusCode()).isEqualTo(200);
        assertThat(text(control)).contains("styretegn", "igen");

        HttpResponse<String> duplicate = admin.post(topicPage, topicPage, Map.of("name", name));
        assertThat(duplicate.statusCode()).isEqualTo(200);
        assertThat(text(duplicate)).contains("allerede", name);

        long id = jdbc.sql("select id from session_topic where name = :n and active")
                .param("n", name)
                .query(Long.class)
                .single();
        assertThat(admin.post(topicPage + "/" + id + "/remove", topicPage, Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(text(admin.get(topicPage))).contains("Emnet er fjernet");
    }
}
