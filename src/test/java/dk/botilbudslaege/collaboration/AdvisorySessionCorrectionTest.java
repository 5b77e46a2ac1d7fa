package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.AARHUS;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.DEMO_DOCTOR;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.NATIONAL;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.NORDDJURS;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.REGION_MIDT;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.REGION_NORD;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.SKOVSTJERNEN;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.START;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.created;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.errorMessage;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.Problems;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The doctor corrects (PUT) or withdraws (DELETE) a session while it is LOGGED or QUESTIONED; a CONFIRMED
 * session is locked (409 SESSION_CONFIRMED); only the agreement's doctor; a session of another agreement is
 * the same 404 as none; each change audited. The page: Ret with the input kept on errors, Træk tilbage after
 * a confirmation, a tampered post is a 403 page, bad text a field error.
 */
@IntegrationTest
class AdvisorySessionCorrectionTest extends AdvisorySessionTestBase {

    Map<String, Object> row(long id) {
        return jdbc.sql("select status, duration_minutes, topic, comment from advisory_session where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    List<String> actions(long id) {
        return jdbc.sql("select action from audit_event where entity_type = 'ADVISORY_SESSION' and entity_id = :id"
                        + " order by id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .list();
    }

    @Test
    void the_doctor_corrects_a_questioned_session_and_it_is_logged_again() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String path = sessions() + "/" + id;
        assertThat(contact.patch(path, Map.of("status", "QUESTIONED", "comment", "Det var 45 minutter"))
                        .status())
                .isEqualTo(200);

        Api.Response corrected = doctor.put(path, session(LocalDate.of(2025, 9, 10), 45));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().path("status").asString()).isEqualTo("LOGGED");
        assertThat(corrected.json().path("durationMinutes").asInt()).isEqualTo(45);
        assertThat(corrected.json().path("comment").isNull()).isTrue();
        assertThat(actions(id)).containsExactly("SESSION_LOGGED", "SESSION_QUESTIONED", "SESSION_CORRECTED");

        // the facility confirms the corrected session again
        assertThat(contact.patch(path, Map.of("status", "CONFIRMED")).status()).isEqualTo(200);
    }

    @Test
    void only_the_doctor_of_the_agreement_corrects_or_withdraws() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String path = sessions() + "/" + id;
        Map<String, Object> body = session(LocalDate.of(2025, 9, 10), 30);
        for (Api other : new Api[] {contact, api.as(NORDDJURS), api.as(REGION_MIDT)}) {
            assertThat(other.put(path, body).status()).isEqualTo(403);
            assertThat(other.delete(path).status()).isEqualTo(403);
        }
        for (String outsider : new String[] {AARHUS, REGION_NORD, DEMO_DOCTOR, SKOVSTJERNEN}) {
            assertThat(api.as(outsider).put(path, body).status()).as(outsider).isIn(403, 404);
            assertThat(api.as(outsider).delete(path).status()).as(outsider).isIn(403, 404);
        }
        Problems.assertProblem(api.as(NATIONAL).put(path, body), 403, "FORBIDDEN");
        Problems.assertProblem(api.as(NATIONAL).delete(path), 403, "FORBIDDEN");
        assertThat(api.anonymous().delete(path).status()).isEqualTo(401);
        assertThat(row(id).get("duration_minutes")).isEqualTo(60);
        assertThat(actions(id)).containsExactly("SESSION_LOGGED");
    }

    @Test
    void a_confirmed_session_is_locked() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String path = sessions() + "/" + id;
        assertThat(contact.patch(path, Map.of("status", "CONFIRMED")).status()).isEqualTo(200);
        Api.Response put = doctor.put(path, session(LocalDate.of(2025, 9, 10), 30));
        Problems.assertProblem(put, 409, "SESSION_CONFIRMED");
        assertThat(put.body()).contains("bekræftet");
        Problems.assertProblem(doctor.delete(path), 409, "SESSION_CONFIRMED");
        assertThat(row(id).get("status")).isEqualTo("CONFIRMED");
        assertThat(row(id).get("duration_minutes")).isEqualTo(60);
    }

    @Test
    void a_bad_correction_is_refused_on_its_field_and_nothing_changes() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String path = sessions() + "/" + id;
        Map<String, Object> body = session(LocalDate.of(2025, 6, 30), 0);
        body.put("notes", "Om beboeren 010203-1234");
        Api.Response answer = doctor.put(path, body);
        Problems.assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "durationMinutes")).contains("mindst 1");
        assertThat(errorMessage(answer, "notes")).contains("CPR");
        Map<String, Object> control = session(LocalDate.of(2025, 9, 10), 30);
        control.put("topic", "KOL\u0007");
        Problems.assertProblem(doctor.put(path, control), 400, "VALIDATION_FAILED");
        assertThat(row(id).get("duration_minutes")).isEqualTo(60);
        assertThat(actions(id)).containsExactly("SESSION_LOGGED");
    }

    @Test
    void the_doctor_withdraws_a_session_and_it_no_longer_counts() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        Api.Response gone = doctor.delete(sessions() + "/" + id);
        assertThat(gone.status()).as(gone.body()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from advisory_session where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(actions(id)).containsExactly("SESSION_LOGGED", "SESSION_WITHDRAWN");
        assertThat(doctor.delete(sessions() + "/" + id).status()).isEqualTo(404);
        assertThat(doctor.get(sessions()).json().size()).isZero();
    }

    @Test
    void a_session_of_another_agreement_is_the_same_404_as_none() {
        long otherDoctor = given.doctor();
        long otherAgreement = given.active(otherDoctor, given.facility(), START);
        long foreign = created(given.doctorUser(otherDoctor)
                .post("/api/v1/agreements/" + otherAgreement + "/sessions", session(LocalDate.of(2025, 9, 10), 60)));
        Map<String, Object> body = session(LocalDate.of(2025, 9, 10), 30);
        Api.Response viaOwn = doctor.put(sessions() + "/" + foreign, body);
        Api.Response none = doctor.put(sessions() + "/999999999", body);
        assertThat(viaOwn.status()).isEqualTo(404).isEqualTo(none.status());
        assertThat(viaOwn.code()).isEqualTo(none.code());
        assertThat(doctor.delete(sessions() + "/" + foreign).status()).isEqualTo(404);
        assertThat(contact.patch(sessions() + "/" + foreign, Map.of("status", "CONFIRMED"))
                        .status())
                .isEqualTo(404);
        assertThat(row(foreign).get("duration_minutes")).isEqualTo(60);
    }

    // ---- the page -----------------------------------------------------------------------------------

    /** The edit form of a teaching session of 45 minutes on 10 September 2025, with this topic and more. */
    static Map<String, String> correctedTo45(String topic, Map<String, String> more) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "date",
                "2025-09-10",
                "durationMinutes",
                "45",
                "kind",
                "TEACHING",
                "format",
                "PHYSICAL",
                "topic",
                topic));
        form.putAll(more);
        return form;
    }

    @Test
    void the_page_corrects_keeps_bad_input_on_its_field_and_withdraws_after_a_confirmation() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        WebSession web = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctorId));
        String page = "/agreements/" + agreement + "/sessions";
        assertThat(web.get(page).body()).contains("/sessions/" + id + "/edit", "Træk tilbage");

        HttpResponse<String> edit = web.get(page + "/" + id + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("Ret sessionen", "value=\"60\"");

        HttpResponse<String> bad = web.post(
                page + "/" + id,
                page + "/" + id + "/edit",
                correctedTo45("KOL\u0007", Map.of("notes", "Inhalation, behold mig")));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("styretegn", "Inhalation, behold mig", "Ret sessionen");
        assertThat(row(id).get("duration_minutes")).isEqualTo(60);

        HttpResponse<String> good =
                web.post(page + "/" + id, page + "/" + id + "/edit", correctedTo45("KOL", Map.of()));
        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(row(id).get("duration_minutes")).isEqualTo(45);

        HttpResponse<String> confirmation = web.get(page + "/" + id + "/withdraw");
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("slettes og tæller ikke længere", "name=\"confirmed\"");
        assertThat(row(id)).isNotNull();
        HttpResponse<String> done = web.post(page + "/" + id + "/withdraw", page, Map.of("confirmed", "true"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(sessionCount(id)).isZero();
    }

    long sessionCount(long id) {
        return jdbc.sql("select count(*) from advisory_session where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    @Test
    void the_withdrawal_confirmation_is_a_get_page_that_survives_a_language_switch_and_a_reload() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        WebSession web = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctorId));
        String page = "/agreements/" + agreement + "/sessions";
        String confirmPage = page + "/" + id + "/withdraw";
        // the list's button is a link to the confirmation page, no form posting
        String list = web.get(page).body();
        assertThat(list).contains("href=\"" + confirmPage + "\"").doesNotContain("action=\"" + confirmPage + "\"");
        // a post without confirmed (an old tab) is sent to the confirmation page and withdraws nothing
        HttpResponse<String> unconfirmed = web.post(confirmPage, page, Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(unconfirmed.headers().firstValue("Location").orElseThrow()).endsWith(confirmPage);
        assertThat(sessionCount(id)).isOne();

        HttpResponse<String> danish = web.get(confirmPage);
        assertThat(danish.statusCode()).isEqualTo(200);
        assertThat(danish.body()).contains("Sessionen den 10-09-2025 (60 minutter", "slettes og tæller ikke længere");
        assertThat(danish.body()).contains("href=\"" + confirmPage + "?lang=en\"");
        HttpResponse<String> english = web.get(confirmPage + "?lang=en");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
        assertThat(english.body()).contains("Withdraw the session", "is deleted and no longer counts in the hours");
        // a reload is harmless: the same page, nothing withdrawn
        assertThat(web.get(confirmPage + "?lang=da").statusCode()).isEqualTo(200);
        assertThat(web.get(confirmPage).body()).contains("slettes og tæller ikke længere");
        assertThat(sessionCount(id)).isOne();
        assertThat(actions(id)).containsExactly("SESSION_LOGGED");

        assertThat(web.post(confirmPage, confirmPage, Map.of("confirmed", "true"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith(page);
        assertThat(sessionCount(id)).isZero();
        assertThat(web.get(page).body()).contains("Sessionen er trukket tilbage");
        // the confirmation page of a session gone (a second tab, the back button) is the list with a flash
        HttpResponse<String> gone = web.get(confirmPage);
        assertThat(gone.statusCode()).isEqualTo(302);
        assertThat(gone.headers().firstValue("Location").orElseThrow()).endsWith(page);
        assertThat(web.get(page).body()).contains("Sessionen findes ikke længere.");
    }

    @Test
    void only_the_doctor_of_the_agreement_sees_the_withdrawal_confirmation() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String confirmPage = "/agreements/" + agreement + "/sessions/" + id + "/withdraw";
        for (String other : new String[] {pageUser(Role.FACILITY, facility, null), NORDDJURS, REGION_MIDT, NATIONAL}) {
            WebSession web = WebSession.signIn(port, other);
            assertThat(web.get(confirmPage).statusCode()).as(other).isEqualTo(403);
            assertThat(web.post(confirmPage, confirmPage, Map.of("confirmed", "true"))
                            .statusCode())
                    .as(other)
                    .isEqualTo(403);
        }
        for (String outsider : new String[] {AARHUS, REGION_NORD, DEMO_DOCTOR, SKOVSTJERNEN}) {
            WebSession web = WebSession.signIn(port, outsider);
            assertThat(web.get(confirmPage).statusCode()).as(outsider).isIn(403, 404);
            assertThat(web.post(confirmPage, confirmPage, Map.of("confirmed", "true"))
                            .statusCode())
                    .as(outsider)
                    .isIn(403, 404);
        }
        assertThat(sessionCount(id)).isOne();
        assertThat(actions(id)).containsExactly("SESSION_LOGGED");
    }

    @Test
    void bad_text_on_the_new_session_form_and_the_question_is_a_field_error_with_the_input_kept() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String page = "/agreements/" + agreement + "/sessions";
        WebSession web = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctorId));
        HttpResponse<String> bad = web.post(
                page,
                page,
                Map.of(
                        "date", "2025-09-11",
                        "durationMinutes", "30",
                        "kind", "ADVICE",
                        "format", "VIDEO",
                        "topic", "Ernæring",
                        "notes", "Noter\u0000 her"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("styretegn", "Ern&aelig;ring");

        WebSession facilitySide = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        HttpResponse<String> question = facilitySide.post(
                page + "/" + id + "/decision",
                page,
                Map.of("status", "QUESTIONED", "comment", "Hvorfor\u0007 så lang"));
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body()).contains("styretegn", "Hvorfor");
        assertThat(row(id).get("status")).isEqualTo("LOGGED");
    }

    @Test
    void a_tampered_post_is_a_403_page_and_nothing_is_saved() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String page = "/agreements/" + agreement + "/sessions";
        WebSession facilitySide = WebSession.signIn(port, pageUser(Role.FACILITY, facility, null));
        Map<String, String> form = Map.of(
                "date", "2025-09-11", "durationMinutes", "30", "kind", "ADVICE", "format", "VIDEO", "topic", "KOL");
        assertThat(facilitySide.post(page, page, form).statusCode()).isEqualTo(403);
        assertThat(facilitySide.post(page + "/" + id, page, form).statusCode()).isEqualTo(403);
        assertThat(facilitySide
                        .post(page + "/" + id + "/withdraw", page, Map.of("confirmed", "true"))
                        .statusCode())
                .isEqualTo(403);
        WebSession doctorSide = WebSession.signIn(port, pageUser(Role.DOCTOR, null, doctorId));
        assertThat(doctorSide
                        .post(page + "/" + id + "/decision", page, Map.of("status", "CONFIRMED"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(row(id).get("status")).isEqualTo("LOGGED");
        assertThat(jdbc.sql("select count(*) from advisory_session where agreement_id = :a")
                        .param("a", agreement)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
