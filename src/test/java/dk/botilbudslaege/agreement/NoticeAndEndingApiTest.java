package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NATIONAL;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_NORD;
import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.createdId;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorFields;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Notice and ending (SPEC §3; issue 11 items 1-4): who gives notice (the doctor and the party that files
 * for the facility), when (the day of registration or up to 30 days before, never before the start, never
 * in the future), the rule as a service, and the region ending an agreement that can no longer run.
 */
@IntegrationTest
class NoticeAndEndingApiTest {

    private static final LocalDate START = LocalDate.of(2025, 6, 1);
    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    Api api;
    AgreementScenarios given;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        given = new AgreementScenarios(api, jdbc, users);
        today = LocalDate.now();
    }

    // ---- the rule as a service ----------------------------------------------------------------------

    @Test
    void the_notice_end_service_answers_the_spec_examples_to_every_signed_in_role() {
        Map<String, String> examples =
                Map.of("2025-11-15", "2026-03-31", "2025-12-31", "2026-03-31", "2026-01-01", "2026-06-30");
        for (String user : List.of(NORDDJURS, REGION_MIDT, AgreementScenarios.DEMO_DOCTOR, NATIONAL, "admin")) {
            examples.forEach((notice, end) -> {
                Api.Response answer = api.as(user).get("/api/v1/agreements/notice-end?noticeDate=" + notice);
                assertThat(answer.status()).as(user + " " + answer.body()).isEqualTo(200);
                assertThat(answer.json().path("noticeDate").asString()).isEqualTo(notice);
                assertThat(answer.json().path("endDate").asString()).isEqualTo(end);
            });
        }
    }

    @Test
    void the_notice_end_service_defaults_to_today_and_refuses_a_bad_date_on_its_field() {
        Api.Response todays = api.as(NORDDJURS).get("/api/v1/agreements/notice-end");
        assertThat(todays.json().path("noticeDate").asString()).isEqualTo(today.toString());
        assertThat(todays.json().path("endDate").asString())
                .isEqualTo(NoticePeriod.endDate(today).toString());

        for (String bad : List.of("9999-12-31", "2026-02-30", "soon")) {
            Api.Response answer = api.as(NORDDJURS).get("/api/v1/agreements/notice-end?noticeDate=" + bad);
            assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(errorFields(answer)).as(bad).containsExactly("noticeDate");
        }
        assertThat(api.anonymous().get("/api/v1/agreements/notice-end").status())
                .isEqualTo(401);
    }

    // ---- who gives notice ---------------------------------------------------------------------------

    @Test
    void the_region_gives_notice_on_its_regional_facilitys_agreement_and_a_municipality_may_not() {
        long id = regionalAgreement();

        assertProblem(given.notice(NORDDJURS, id, today.toString()), 403, "FORBIDDEN");
        assertProblem(given.notice(REGION_NORD, id, today.toString()), 404, "NOT_FOUND");
        Api.Response byRegion = given.notice(REGION_MIDT, id, today.toString());

        assertThat(byRegion.status()).as(byRegion.body()).isEqualTo(200);
        assertThat(byRegion.json().path("status").asString()).isEqualTo("NOTICE_GIVEN");
        assertThat(byRegion.json().path("noticeBy").asString()).isEqualTo(REGION_MIDT);
    }

    @Test
    void the_region_may_not_give_notice_on_a_municipal_facilitys_agreement_nor_a_municipal_facilitys_contact() {
        long facility = given.facility(12);
        long id = given.active(given.doctorInRoomyPractice(), facility, START);

        assertProblem(given.notice(REGION_MIDT, id, today.toString()), 403, "FORBIDDEN");
        assertProblem(
                given.facilityUser(facility)
                        .post("/api/v1/agreements/" + id + "/notice", Map.of("noticeDate", today.toString())),
                403,
                "FORBIDDEN");
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void the_municipality_gives_notice_for_a_private_facility_in_it() {
        long facility = given.facility("SEL_108", 12, "PRIVATE", NORDDJURS_CODE);
        long id = given.active(given.doctorInRoomyPractice(), facility, START);

        Api.Response notice = given.notice(NORDDJURS, id, today.toString());

        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
        assertThat(notice.json().path("noticeBy").asString()).isEqualTo(NORDDJURS);
    }

    // ---- when ---------------------------------------------------------------------------------------

    @Test
    void a_notice_may_be_dated_today_or_up_to_30_days_back() {
        for (LocalDate date : List.of(today, today.minusDays(30))) {
            long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
            Api.Response notice = given.notice(NORDDJURS, id, date.toString());
            assertThat(notice.status()).as(date + " " + notice.body()).isEqualTo(200);
            assertThat(notice.json().path("noticeDate").asString()).isEqualTo(date.toString());
            assertThat(notice.json().path("endDate").asString())
                    .isEqualTo(NoticePeriod.endDate(date).toString());
        }
    }

    @Test
    void a_notice_without_a_date_is_dated_today() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);

        Api.Response notice = api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/notice", Map.of());

        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
        assertThat(notice.json().path("noticeDate").asString()).isEqualTo(today.toString());
        assertThat(notice.json().path("endDate").asString())
                .isEqualTo(NoticePeriod.endDate(today).toString());
    }

    @Test
    void a_notice_dated_31_days_back_or_tomorrow_is_not_allowed_and_says_the_window() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        String window = "Opsigelsesdatoen skal ligge fra " + danish(today.minusDays(30)) + " til " + danish(today)
                + ": den dag, opsigelsen registreres, eller op til 30 dage før, aldrig før aftalens start og aldrig"
                + " i fremtiden.";

        for (LocalDate date : List.of(today.minusDays(31), today.plusDays(1), LocalDate.of(2025, 11, 15))) {
            Api.Response answer = given.notice(NORDDJURS, id, date.toString());
            AgreementScenarios.assertRefused(answer, "NOTICE_DATE_NOT_ALLOWED", "noticeDate", window);
        }
        assertThat(given.status(id)).isEqualTo("ACTIVE");
        assertThat(given.read(id).path("endDate").isNull()).isTrue();
    }

    @Test
    void a_notice_is_never_dated_before_the_agreement_starts() {
        LocalDate start = today.minusDays(10);
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), start);

        AgreementScenarios.assertRefused(
                given.notice(NORDDJURS, id, today.minusDays(11).toString()),
                "NOTICE_DATE_NOT_ALLOWED",
                "noticeDate",
                "Opsigelsesdatoen skal ligge fra " + danish(start) + " til "
                        + danish(today) + ": den dag, opsigelsen registreres, eller op til 30 dage før, aldrig før"
                        + " aftalens start og aldrig i fremtiden.");
        assertThat(given.notice(NORDDJURS, id, start.toString()).status()).isEqualTo(200);

        long later = given.active(given.doctorInRoomyPractice(), given.facility(12), today.plusMonths(1));
        AgreementScenarios.assertRefused(
                given.notice(NORDDJURS, later, today.toString()),
                "NOTICE_DATE_NOT_ALLOWED",
                "noticeDate",
                "Aftalen starter " + danish(today.plusMonths(1)) + "; den kan først opsiges fra den dag.");
    }

    // ---- the region ends an agreement ---------------------------------------------------------------

    @Test
    void the_region_ends_an_agreement_from_today_with_a_reason_both_parties_read_and_the_history_keeps() {
        long doctor = given.doctorInRoomyPractice();
        long facility = given.facility(12);
        long id = given.active(doctor, facility, START);
        String reason = "Lægen ophører i almen praksis.\nBotilbuddet er orienteret.";

        Api.Response ended = end(REGION_MIDT, id, today, reason);

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().path("status").asString()).isEqualTo("NOTICE_GIVEN");
        assertThat(ended.json().path("endDate").asString()).isEqualTo(today.toString());
        assertThat(ended.json().path("endReason").asString()).isEqualTo(reason);
        assertThat(ended.json().path("endedBy").asString()).isEqualTo(REGION_MIDT);
        for (Api party : List.of(api.as(NORDDJURS), given.doctorUser(doctor))) {
            assertThat(party.get("/api/v1/agreements/" + id)
                            .json()
                            .path("endReason")
                            .asString())
                    .isEqualTo(reason);
        }
        JsonNode history =
                api.as(REGION_MIDT).get("/api/v1/agreements/" + id + "/history").json();
        assertThat(history.toString()).contains("ENDED_BY_REGION", "Lægen ophører i almen praksis.");
        // the unit is free from the day after (R4 follows the shortened coverage)
        long next = given.submitted(given.doctorInRoomyPractice(), facility, today.plusDays(1));
        assertThat(given.approve(next).status()).isEqualTo(200);
    }

    @Test
    void an_ended_agreement_whose_end_date_has_passed_reads_as_ended() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        assertThat(end(REGION_MIDT, id, today, "Botilbuddet lukker.").status()).isEqualTo(200);

        jdbc.sql("update agreement set end_date = current_date - 1 where id = :id")
                .param("id", id)
                .update();

        assertThat(given.status(id)).isEqualTo("ENDED");
    }

    @Test
    void the_end_date_is_today_or_later_and_the_reason_is_required() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);

        AgreementScenarios.assertRefused(
                end(REGION_MIDT, id, today.minusDays(1), "Lukker"),
                "END_DATE_NOT_ALLOWED",
                "endDate",
                "Slutdatoen skal være i dag (" + danish(today) + ") eller senere.");
        Api.Response noReason = end(REGION_MIDT, id, today, "  ");
        assertProblem(noReason, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(noReason, "reason")).isEqualTo("Angiv begrundelsen for at afslutte aftalen.");
        Api.Response nothing = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/end", Map.of());
        assertProblem(nothing, 400, "VALIDATION_FAILED");
        assertThat(errorFields(nothing)).containsExactlyInAnyOrder("endDate", "reason");
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void only_the_region_of_the_agreement_ends_it() {
        long doctor = given.doctorInRoomyPractice();
        long facility = given.facility(12);
        long id = given.active(doctor, facility, START);

        assertProblem(end(NORDDJURS, id, today, "Lukker"), 403, "FORBIDDEN");
        assertProblem(
                given.doctorUser(doctor)
                        .post(
                                "/api/v1/agreements/" + id + "/end",
                                Map.of("endDate", today.toString(), "reason", "Lukker")),
                403,
                "FORBIDDEN");
        assertProblem(
                given.facilityUser(facility)
                        .post(
                                "/api/v1/agreements/" + id + "/end",
                                Map.of("endDate", today.toString(), "reason", "Lukker")),
                403,
                "FORBIDDEN");
        assertProblem(end(NATIONAL, id, today, "Lukker"), 403, "FORBIDDEN");
        assertProblem(end(REGION_NORD, id, today, "Lukker"), 404, "NOT_FOUND");
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void an_agreement_under_notice_may_be_ended_earlier_but_not_later() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        LocalDate noticeEnd = NoticePeriod.endDate(today);
        assertThat(given.notice(NORDDJURS, id, today.toString()).status()).isEqualTo(200);

        AgreementScenarios.assertRefused(
                end(REGION_MIDT, id, noticeEnd.plusDays(1), "Lukker"),
                "END_DATE_NOT_ALLOWED",
                "endDate",
                "Aftalen er allerede opsagt til " + danish(noticeEnd) + "; slutdatoen kan ikke ligge senere.");
        Api.Response earlier = end(REGION_MIDT, id, today.plusDays(5), "Botilbuddet lukker.");

        assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
        assertThat(earlier.json().path("endDate").asString())
                .isEqualTo(today.plusDays(5).toString());
        assertThat(earlier.json().path("noticeDate").asString()).isEqualTo(today.toString());
    }

    @Test
    void a_party_may_give_notice_after_a_far_future_ending_by_the_region_and_the_earlier_end_wins() {
        long doctor = given.doctorInRoomyPractice();
        long id = given.active(doctor, given.facility(12), START);
        LocalDate farAway = LocalDate.of(2100, 12, 31);
        assertThat(end(REGION_MIDT, id, farAway, "Botilbuddet lukker engang.").status())
                .isEqualTo(200);

        Api.Response byDoctor = given.doctorUser(doctor).post("/api/v1/agreements/" + id + "/notice", Map.of());

        assertThat(byDoctor.status()).as(byDoctor.body()).isEqualTo(200);
        assertThat(byDoctor.json().path("status").asString()).isEqualTo("NOTICE_GIVEN");
        assertThat(byDoctor.json().path("noticeDate").asString()).isEqualTo(today.toString());
        assertThat(byDoctor.json().path("endDate").asString())
                .isEqualTo(NoticePeriod.endDate(today).toString());
        assertThat(byDoctor.json().path("endReason").asString()).isEqualTo("Botilbuddet lukker engang.");
        // once a notice is given, a second notice is refused as before
        assertProblem(given.notice(NORDDJURS, id, today.toString()), 409, "INVALID_STATUS");
    }

    @Test
    void a_notice_is_refused_when_the_regions_ending_comes_first_and_says_when_the_agreement_ends() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        LocalDate noticeEnd = NoticePeriod.endDate(today);
        assertThat(end(REGION_MIDT, id, noticeEnd, "Botilbuddet lukker.").status())
                .isEqualTo(200);

        AgreementScenarios.assertRefused(
                api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/notice", Map.of()),
                "NOTICE_DATE_NOT_ALLOWED",
                "noticeDate",
                "Aftalen ophører allerede den " + danish(noticeEnd)
                        + ", som regionen har afsluttet den; en opsigelse nu ville først få virkning den "
                        + danish(noticeEnd) + ".");
        JsonNode after = given.read(id);
        assertThat(after.path("endDate").asString()).isEqualTo(noticeEnd.toString());
        assertThat(after.path("noticeDate").isNull() || after.path("noticeDate").isMissingNode())
                .isTrue();
    }

    @Test
    void the_history_page_names_the_regions_ending_and_a_second_ending_shows_the_old_values() {
        long id = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        assertThat(end(REGION_MIDT, id, today.plusDays(20), "Lægen stopper.").status())
                .isEqualTo(200);
        assertThat(end(REGION_MIDT, id, today.plusDays(10), "Botilbuddet lukker.")
                        .status())
                .isEqualTo(200);

        String page = HtmlUtils.htmlUnescape(
                WebSession.signIn(port, REGION_MIDT).get("/agreements/" + id).body());

        assertThat(page).doesNotContain("??", "None").contains("Afsluttet af regionen");
        assertThat(page.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "))
                .contains("Begrundelse : Lægen stopper. → Botilbuddet lukker.")
                // issue 16: Danish dates in the history
                .contains(today.plusDays(20).format(DANISH_DATE) + " → "
                        + today.plusDays(10).format(DANISH_DATE))
                .doesNotContain("NOTICE_GIVEN → NOTICE_GIVEN");
    }

    @Test
    void a_draft_cannot_be_ended() {
        long id = given.draft(given.doctorInRoomyPractice(), given.facility(12), START);

        assertProblem(end(REGION_MIDT, id, today, "Lukker"), 409, "INVALID_STATUS");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Api.Response end(String user, long id, LocalDate endDate, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endDate", endDate.toString());
        body.put("reason", reason);
        return api.as(user).post("/api/v1/agreements/" + id + "/end", body);
    }

    /** A regional facility's agreement, made, filed and approved by Region Midtjylland. */
    private long regionalAgreement() {
        long facility = given.facility("SEL_108", 12, "REGIONAL", NORDDJURS_CODE);
        long id = createdId(
                given.create(REGION_MIDT, agreement(given.doctorInRoomyPractice(), List.of(facility), START)));
        assertThat(given.submit(REGION_MIDT, id).status()).isEqualTo(200);
        assertThat(given.approve(id).status()).isEqualTo(200);
        return id;
    }

    private static String danish(LocalDate date) {
        return DanishFormats.date(date);
    }
}
