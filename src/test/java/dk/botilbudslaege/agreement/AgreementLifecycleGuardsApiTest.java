package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorFields;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The lifecycle only moves along its arrows (SPEC §3: draft → submitted → active → notice given →
 * ended, or rejected/withdrawn): a step from the wrong status answers 409 INVALID_STATUS, a step on a
 * stale version 409 CONCURRENT_CHANGE, and neither changes anything. Every step is in the history.
 */
@IntegrationTest
class AgreementLifecycleGuardsApiTest extends AgreementTestBase {

    private static final LocalDate START = LocalDate.of(2025, 10, 1);

    private String path(long id) {
        return "/api/v1/agreements/" + id;
    }

    private long draft() {
        return given.draft(given.doctorInRoomyPractice(), given.facility(12), START);
    }

    private long submitted() {
        return given.submitted(given.doctorInRoomyPractice(), given.facility(12), START);
    }

    private long active() {
        return given.active(given.doctorInRoomyPractice(), given.facility(12), START);
    }

    @Test
    void a_draft_cannot_be_approved_before_it_is_filed() {
        long draft = draft();

        JsonNode problem = assertProblem(given.approve(draft), 409, "INVALID_STATUS");

        assertThat(problem.path("detail").asString()).isEqualTo("Kun en indsendt aftale kan godkendes eller afvises.");
        assertThat(given.status(draft)).isEqualTo("DRAFT");
    }

    @Test
    void an_agreement_is_filed_only_once() {
        long filed = submitted();

        JsonNode problem = assertProblem(given.submit(NORDDJURS, filed), 409, "INVALID_STATUS");

        assertThat(problem.path("detail").asString()).isEqualTo("Kun en kladde kan indsendes.");
    }

    @Test
    void notice_cannot_be_given_on_an_agreement_not_yet_approved() {
        long filed = submitted();

        JsonNode problem = assertProblem(given.notice(NORDDJURS, filed, "2026-01-15"), 409, "INVALID_STATUS");

        assertThat(problem.path("detail").asString()).isEqualTo("Kun en aktiv aftale kan opsiges.");
        assertThat(given.read(filed).path("endDate").isNull()).isTrue();
    }

    @Test
    void notice_is_given_only_once() {
        long id = active();
        String yesterday = LocalDate.now().minusDays(1).toString();
        assertThat(given.notice(NORDDJURS, id, yesterday).status()).isEqualTo(200);

        assertProblem(given.notice(NORDDJURS, id, LocalDate.now().toString()), 409, "INVALID_STATUS");
        assertThat(given.read(id).path("noticeDate").asString()).isEqualTo(yesterday);
    }

    @Test
    void notice_before_the_agreement_starts_is_not_allowed() {
        LocalDate start = LocalDate.now().withDayOfMonth(1).plusMonths(1);
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), start);

        Api.Response answer = given.notice(NORDDJURS, id, LocalDate.now().toString());

        assertProblem(answer, 422, "NOTICE_DATE_NOT_ALLOWED");
        assertThat(errorMessage(answer, "noticeDate"))
                .isEqualTo("Aftalen starter " + DanishFormats.date(start) + "; den kan først opsiges fra den dag.");
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void a_draft_and_a_filed_agreement_can_be_withdrawn_but_an_active_one_cannot() {
        long draft = draft();
        long filed = submitted();
        long active = active();

        Api.Response withdrawnDraft = api.as(NORDDJURS).post(path(draft) + "/withdraw", "");
        Api.Response withdrawnFiled = api.as(NORDDJURS).post(path(filed) + "/withdraw", "");

        assertThat(withdrawnDraft.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawnFiled.json().path("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode problem = assertProblem(api.as(NORDDJURS).post(path(active) + "/withdraw", ""), 409, "INVALID_STATUS");
        assertThat(problem.path("detail").asString())
                .isEqualTo("Kun en kladde eller en indsendt aftale kan trækkes tilbage.");
        assertThat(given.status(active)).isEqualTo("ACTIVE");
        assertProblem(api.as(NORDDJURS).post(path(draft) + "/withdraw", ""), 409, "INVALID_STATUS");
        assertProblem(given.submit(NORDDJURS, draft), 409, "INVALID_STATUS");
    }

    @Test
    void the_region_rejects_with_a_reason_and_a_rejected_agreement_stays_rejected() {
        long filed = submitted();

        Api.Response rejected = api.as(REGION_MIDT)
                .post(path(filed) + "/reject", Map.of("reason", "  Lægen er allerede fast læge på et plejehjem  "));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("decisionReason").asString())
                .isEqualTo("Lægen er allerede fast læge på et plejehjem");
        assertThat(rejected.json().path("decidedBy").asString()).isEqualTo(REGION_MIDT);
        assertProblem(given.approve(filed), 409, "INVALID_STATUS");
        assertProblem(
                api.as(REGION_MIDT).post(path(filed) + "/reject", Map.of("reason", "igen")), 409, "INVALID_STATUS");
        assertProblem(api.as(NORDDJURS).post(path(filed) + "/withdraw", ""), 409, "INVALID_STATUS");
    }

    @Test
    void a_rejection_without_a_reason_is_refused_on_its_field_and_the_form_stays_filed() {
        long filed = submitted();

        for (Object body : List.of(Map.of(), Map.of("reason", "   "), "")) {
            Api.Response answer = api.as(REGION_MIDT).post(path(filed) + "/reject", body);

            assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(errorFields(answer)).containsExactly("reason");
            assertThat(errorMessage(answer, "reason")).isEqualTo("Skriv en begrundelse for afvisningen.");
        }
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_reason_longer_than_a_thousand_characters_is_refused() {
        long filed = submitted();

        Api.Response answer = api.as(REGION_MIDT).post(path(filed) + "/reject", Map.of("reason", "x".repeat(1001)));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("reason");
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_draft_can_be_changed_but_a_filed_agreement_cannot() {
        long doctor = given.doctorInRoomyPractice();
        long facility = given.facility(12);
        long draft = given.draft(doctor, facility, START);
        Map<String, Object> body = agreement(doctor, List.of(facility), LocalDate.of(2025, 11, 1));
        body.put("matchMethod", "WISH_LIST");

        Api.Response changed = api.as(NORDDJURS).put(path(draft), body);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("startDate").asString()).isEqualTo("2025-11-01");
        assertThat(changed.json().path("matchMethod").asString()).isEqualTo("WISH_LIST");
        assertThat(changed.json().path("version").asInt()).isEqualTo(1);
        assertThat(given.submit(NORDDJURS, draft).status()).isEqualTo(200);
        assertProblem(api.as(NORDDJURS).put(path(draft), body), 409, "INVALID_STATUS");
    }

    @Test
    void a_change_on_a_stale_version_is_refused_and_changes_nothing() {
        long doctor = given.doctorInRoomyPractice();
        long facility = given.facility(12);
        long draft = given.draft(doctor, facility, START);
        Map<String, Object> first = agreement(doctor, List.of(facility), LocalDate.of(2025, 11, 1));
        first.put("version", 0);
        assertThat(api.as(NORDDJURS).put(path(draft), first).status()).isEqualTo(200);

        Map<String, Object> stale = agreement(doctor, List.of(facility), LocalDate.of(2025, 12, 1));
        stale.put("version", 0);
        JsonNode problem = assertProblem(api.as(NORDDJURS).put(path(draft), stale), 409, "CONCURRENT_CHANGE");

        assertThat(problem.path("detail").asString()).startsWith("En anden har ændret dette");
        JsonNode now = given.read(draft);
        assertThat(now.path("startDate").asString()).isEqualTo("2025-11-01");
        assertThat(now.path("version").asInt()).isEqualTo(1);
    }

    @Test
    void an_approval_on_a_stale_version_is_refused_and_changes_nothing() {
        long filed = submitted();
        int version = given.read(filed).path("version").asInt();

        assertProblem(
                api.as(REGION_MIDT).post(path(filed) + "/approve?version=" + (version - 1), ""),
                409,
                "CONCURRENT_CHANGE");
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");

        Api.Response approved = api.as(REGION_MIDT).post(path(filed) + "/approve?version=" + version, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void a_notice_or_a_withdrawal_on_a_stale_version_is_refused() {
        long active = active();
        long draft = draft();

        assertProblem(
                api.as(NORDDJURS)
                        .post(
                                path(active) + "/notice?version=0",
                                Map.of("noticeDate", LocalDate.now().toString())),
                409,
                "CONCURRENT_CHANGE");
        assertProblem(api.as(NORDDJURS).post(path(draft) + "/withdraw?version=7", ""), 409, "CONCURRENT_CHANGE");
        assertThat(given.status(active)).isEqualTo("ACTIVE");
        assertThat(given.status(draft)).isEqualTo("DRAFT");
    }

    @Test
    void the_history_lists_every_step_with_who_took_it() {
        long id = active();
        assertThat(given.notice(NORDDJURS, id, LocalDate.now().toString()).status())
                .isEqualTo(200);

        Api.Response history = api.as(REGION_MIDT).get(path(id) + "/history");

        assertThat(history.status()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        for (JsonNode event : history.json()) {
            steps.add(event.path("action").asString() + " by "
                    + event.path("actor").asString());
            assertThat(event.path("occurredAt").asString()).isNotBlank();
        }
        assertThat(steps)
                .containsExactly(
                        "NOTICE_GIVEN by kommune-norddjurs",
                        "APPROVED by region-midt",
                        "SUBMITTED by kommune-norddjurs",
                        "CREATED by kommune-norddjurs");
        assertThat(history.json()
                        .get(0)
                        .path("changes")
                        .path("endDate")
                        .path("to")
                        .asString())
                .isEqualTo(NoticePeriod.endDate(LocalDate.now()).toString());
        assertThat(api.as(NORDDJURS).get(path(id) + "/history").status()).isEqualTo(200);
    }

    @Test
    void an_agreement_whose_notice_has_run_out_has_ended_and_nothing_more_can_happen_to_it() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), LocalDate.of(2025, 2, 1));
        assertThat(given.notice(NORDDJURS, id, LocalDate.now().toString()).status())
                .isEqualTo(200);
        // as if the notice had been given on 2025-03-10 (a notice is dated at most 30 days back)
        jdbc.sql("update agreement set notice_date = date '2025-03-10', end_date = date '2025-06-30' where id = :id")
                .param("id", id)
                .update();

        assertThat(given.status(id)).isEqualTo("ENDED");
        assertProblem(given.notice(NORDDJURS, id, LocalDate.now().toString()), 409, "INVALID_STATUS");
        assertProblem(
                api.as(REGION_MIDT)
                        .post(
                                path(id) + "/end",
                                Map.of("endDate", LocalDate.now().toString(), "reason", "Lukker")),
                409,
                "INVALID_STATUS");
        assertProblem(api.as(NORDDJURS).post(path(id) + "/withdraw", ""), 409, "INVALID_STATUS");
    }
}
