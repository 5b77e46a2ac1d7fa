package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.AARHUS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NATIONAL;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_NORD;
import static dk.botilbudslaege.agreement.AgreementScenarios.AARHUS_CODE;
import static dk.botilbudslaege.agreement.AgreementScenarios.DEMO_DOCTOR;
import static dk.botilbudslaege.agreement.AgreementScenarios.SKOVSTJERNEN;
import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.createdId;
import static dk.botilbudslaege.agreement.AgreementScenarios.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who may file, decide, give notice and read (SPEC §1, §3; AgreementAccess): the municipality files
 * for municipal and private facilities in it, the region for regional ones, a private facility for
 * itself; only the facility's region decides; the doctor and the filer give notice; each reads only its own.
 */
@IntegrationTest
class WhoMayDoWhatWithAgreementsApiTest {

    private static final LocalDate START = LocalDate.of(2025, 6, 1);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    Api api;
    AgreementScenarios given;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        given = new AgreementScenarios(api, jdbc, users);
    }

    private String path(long id) {
        return "/api/v1/agreements/" + id;
    }

    // ---- deciding ---------------------------------------------------------------------------------------

    @Test
    void only_the_region_of_the_facility_approves_a_filed_agreement() {
        long doctor = given.doctorInRoomyPractice();
        long filed = given.submitted(doctor, given.facility(12), START);

        assertProblem(given.approve(NORDDJURS, filed), 403, "FORBIDDEN");
        assertProblem(given.approve(AARHUS, filed), 404, "NOT_FOUND");
        assertProblem(given.approve(REGION_NORD, filed), 404, "NOT_FOUND");
        assertProblem(given.doctorUser(doctor).post(path(filed) + "/approve", ""), 403, "FORBIDDEN");
        assertProblem(given.approve(DEMO_DOCTOR, filed), 404, "NOT_FOUND");
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");

        Api.Response approved = given.approve(REGION_MIDT, filed);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(REGION_MIDT);
    }

    @Test
    void only_the_region_of_the_facility_rejects_a_filed_agreement() {
        long doctor = given.doctorInRoomyPractice();
        long filed = given.submitted(doctor, given.facility(12), START);
        Map<String, String> reason = Map.of("reason", "Lægen har ikke kapacitet");

        assertProblem(api.as(NORDDJURS).post(path(filed) + "/reject", reason), 403, "FORBIDDEN");
        assertProblem(api.as(REGION_NORD).post(path(filed) + "/reject", reason), 404, "NOT_FOUND");
        assertProblem(given.doctorUser(doctor).post(path(filed) + "/reject", reason), 403, "FORBIDDEN");
        assertProblem(api.as(DEMO_DOCTOR).post(path(filed) + "/reject", reason), 404, "NOT_FOUND");

        Api.Response rejected = api.as(REGION_MIDT).post(path(filed) + "/reject", reason);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
    }

    // ---- filing ------------------------------------------------------------------------------------------

    @Test
    void a_municipality_cannot_file_for_a_facility_in_another_municipality() {
        long norddjursFacility = given.facility(12);

        assertProblem(
                given.create(AARHUS, agreement(given.doctorInRoomyPractice(), List.of(norddjursFacility), START)),
                403,
                "FORBIDDEN");

        long aarhusFacility = given.facility("SEL_108", 12, "MUNICIPAL", AARHUS_CODE);
        assertThat(given.create(AARHUS, agreement(given.doctorInRoomyPractice(), List.of(aarhusFacility), START))
                        .status())
                .isEqualTo(201);
        assertProblem(
                given.create(NORDDJURS, agreement(given.doctorInRoomyPractice(), List.of(aarhusFacility), START)),
                403,
                "FORBIDDEN");
    }

    @Test
    void a_municipality_files_for_municipal_and_private_facilities_in_it_and_the_region_for_regional_ones() {
        long municipal = given.facility("SEL_108", 12, "MUNICIPAL", NORDDJURS_CODE);
        long privately = given.facility("SEL_108", 12, "PRIVATE", NORDDJURS_CODE);
        long regional = given.facility("SEL_108", 12, "REGIONAL", NORDDJURS_CODE);

        assertThat(given.create(NORDDJURS, agreement(given.doctorInRoomyPractice(), List.of(municipal), START))
                        .status())
                .isEqualTo(201);
        assertThat(given.create(NORDDJURS, agreement(given.doctorInRoomyPractice(), List.of(privately), START))
                        .status())
                .isEqualTo(201);
        assertProblem(
                given.create(NORDDJURS, agreement(given.doctorInRoomyPractice(), List.of(regional), START)),
                403,
                "FORBIDDEN");
        assertProblem(
                given.create(REGION_MIDT, agreement(given.doctorInRoomyPractice(), List.of(municipal), START)),
                403,
                "FORBIDDEN");
        assertProblem(
                given.create(REGION_NORD, agreement(given.doctorInRoomyPractice(), List.of(regional), START)),
                403,
                "FORBIDDEN");

        long regionalAgreement = createdId(
                given.create(REGION_MIDT, agreement(given.doctorInRoomyPractice(), List.of(regional), START)));
        assertThat(given.submit(REGION_MIDT, regionalAgreement).status()).isEqualTo(200);
        assertThat(given.approve(regionalAgreement).status()).isEqualTo(200);
    }

    @Test
    void a_municipality_cannot_file_or_withdraw_another_municipalitys_draft() {
        long draft = given.draft(given.doctorInRoomyPractice(), given.facility(12), START);

        assertProblem(given.submit(AARHUS, draft), 404, "NOT_FOUND");
        assertProblem(api.as(AARHUS).post(path(draft) + "/withdraw", ""), 404, "NOT_FOUND");
        assertProblem(given.submit(REGION_MIDT, draft), 403, "FORBIDDEN");
        assertThat(given.status(draft)).isEqualTo("DRAFT");
    }

    @Test
    void a_private_facility_files_its_own_agreement() {
        long facility = given.facility("SEL_108", 12, "PRIVATE", NORDDJURS_CODE);
        Api contact = given.facilityUser(facility);

        Api.Response created =
                contact.post("/api/v1/agreements", agreement(given.doctorInRoomyPractice(), List.of(facility), START));
        long id = createdId(created);
        Api.Response filed = contact.post(path(id) + "/submit", Map.of("contactName", "Jens Berg"));

        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        assertThat(filed.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertProblem(contact.post(path(id) + "/approve", ""), 403, "FORBIDDEN");
        assertThat(given.approve(id).status()).isEqualTo(200);
        assertThat(ids(contact.get("/api/v1/agreements").json())).containsExactly(id);
    }

    @Test
    void a_municipal_facility_and_another_private_facility_cannot_file() {
        long municipal = given.facility(12);
        long privately = given.facility("SEL_108", 12, "PRIVATE", NORDDJURS_CODE);
        long otherPrivate = given.facility("SEL_108", 12, "PRIVATE", NORDDJURS_CODE);

        assertProblem(
                given.facilityUser(municipal)
                        .post(
                                "/api/v1/agreements",
                                agreement(given.doctorInRoomyPractice(), List.of(municipal), START)),
                403,
                "FORBIDDEN");
        assertProblem(
                given.facilityUser(otherPrivate)
                        .post(
                                "/api/v1/agreements",
                                agreement(given.doctorInRoomyPractice(), List.of(privately), START)),
                403,
                "FORBIDDEN");
        JsonNode skovstjernen = api.as(SKOVSTJERNEN)
                .get("/api/v1/facilities")
                .json()
                .path("content")
                .get(0);
        assertThat(skovstjernen.path("operator").asString()).isEqualTo("MUNICIPAL");
        assertProblem(
                given.create(
                        SKOVSTJERNEN,
                        agreement(
                                given.doctorInRoomyPractice(),
                                List.of(skovstjernen.path("id").asLong()),
                                START)),
                403,
                "FORBIDDEN");
    }

    // ---- notice -------------------------------------------------------------------------------------------

    @Test
    void the_doctor_gives_notice_on_their_own_agreement() {
        long anne = given.demoDoctorId();
        long facility = given.facility(12);
        // after the demo's ended Skovvang agreement, so her practice's capacity is not taken by it (R3)
        LocalDate start = LocalDate.of(2026, 6, 1);
        Api.Response created = given.create(anne, facility, start);
        if (created.status() == 422) {
            // the demo data gives Anne Kjær agreements of her own; a dispensation makes room for one more
            given.multipleFacilities(anne, 10, LocalDate.of(2025, 1, 1), null);
            created = given.create(anne, facility, start);
        }
        long id = createdId(created);
        assertThat(given.submit(NORDDJURS, id).status()).isEqualTo(200);
        assertThat(given.approve(id).status()).isEqualTo(200);
        assertThat(ids(api.as(DEMO_DOCTOR).get("/api/v1/agreements?size=2000").json()))
                .contains(id);

        LocalDate today = LocalDate.now();
        assertProblem(
                api.as(REGION_MIDT).post(path(id) + "/notice", Map.of("noticeDate", today.toString())),
                403,
                "FORBIDDEN");
        assertProblem(
                given.doctorUser(given.doctorInRoomyPractice())
                        .post(path(id) + "/notice", Map.of("noticeDate", today.toString())),
                404,
                "NOT_FOUND");
        Api.Response notice = given.notice(DEMO_DOCTOR, id, today.toString());

        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
        assertThat(notice.json().path("status").asString()).isEqualTo("NOTICE_GIVEN");
        assertThat(notice.json().path("endDate").asString())
                .isEqualTo(NoticePeriod.endDate(today).toString());
        assertThat(notice.json().path("noticeBy").asString()).isEqualTo(DEMO_DOCTOR);
    }

    @Test
    void the_municipality_and_a_private_facility_give_notice_for_the_facility_side() {
        long municipalAgreement = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        long facility = given.facility("SEL_108", 12, "PRIVATE", NORDDJURS_CODE);
        long privateAgreement = given.active(given.doctorInRoomyPractice(), facility, START);
        String noticeDate = LocalDate.now().toString();

        assertProblem(given.notice(AARHUS, municipalAgreement, noticeDate), 404, "NOT_FOUND");
        Api.Response byMunicipality = given.notice(NORDDJURS, municipalAgreement, noticeDate);
        Api.Response byFacility =
                given.facilityUser(facility).post(path(privateAgreement) + "/notice", Map.of("noticeDate", noticeDate));

        assertThat(byMunicipality.status()).as(byMunicipality.body()).isEqualTo(200);
        assertThat(byMunicipality.json().path("noticeBy").asString()).isEqualTo(NORDDJURS);
        assertThat(byFacility.status()).as(byFacility.body()).isEqualTo(200);
        assertThat(byFacility.json().path("status").asString()).isEqualTo("NOTICE_GIVEN");
    }

    // ---- the national viewer and anonymous callers -----------------------------------------------------

    @Test
    void the_national_viewer_is_refused_every_agreement_call() {
        long doctor = given.doctorInRoomyPractice();
        long id = given.active(doctor, given.facility(12), START);
        long dispensation = given.hours(doctor, "4", LocalDate.of(2025, 1, 1), null);
        Api national = api.as(NATIONAL);
        Map<String, Object> body = agreement(doctor, List.of(given.facility(14)), START);

        List<Api.Response> answers = List.of(
                national.get("/api/v1/agreements"),
                national.get("/api/v1/agreements?municipalityCode=" + NORDDJURS_CODE),
                national.get(path(id)),
                national.get(path(987_654_321L)),
                national.get(path(id) + "/history"),
                national.get(path(id) + "/information-form"),
                national.post("/api/v1/agreements", body),
                national.put(path(id), body),
                national.post(path(id) + "/submit", Map.of()),
                national.post(path(id) + "/approve", ""),
                national.post(path(id) + "/reject", Map.of("reason", "nej")),
                national.post(path(id) + "/withdraw", ""),
                national.post(path(id) + "/notice", Map.of("noticeDate", "2026-01-15")),
                national.get("/api/v1/dispensations"),
                national.post(
                        "/api/v1/dispensations",
                        AgreementScenarios.dispensation(doctor, "NURSING_HOME_AND_FACILITY", START, null)),
                national.post("/api/v1/dispensations/" + dispensation + "/end", Map.of("validTo", "2025-12-31")));

        for (Api.Response answer : answers) {
            assertProblem(answer, 403, "FORBIDDEN");
        }
        assertThat(given.status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void an_anonymous_caller_must_sign_in() {
        long id = given.draft(given.doctorInRoomyPractice(), given.facility(12), START);
        Api anonymous = api.anonymous();

        for (Api.Response answer : List.of(
                anonymous.get("/api/v1/agreements"),
                anonymous.get(path(id)),
                anonymous.post("/api/v1/agreements", Map.of()),
                anonymous.post(path(id) + "/submit", Map.of()),
                anonymous.post(path(id) + "/approve", ""),
                anonymous.get("/api/v1/dispensations"))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        }
        assertThat(given.status(id)).isEqualTo("DRAFT");
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Test
    void a_doctor_sees_only_their_own_agreements() {
        long doctor = given.doctorInRoomyPractice();
        long own = given.active(doctor, given.facility(12), START);
        long others = given.active(given.doctorInRoomyPractice(), given.facility(12), START);
        Api signedIn = given.doctorUser(doctor);

        JsonNode list = signedIn.get("/api/v1/agreements?size=2000").json();

        assertThat(ids(list)).containsExactly(own);
        assertThat(list.path("totalElements").asLong()).isEqualTo(1);
        assertThat(signedIn.get(path(own)).status()).isEqualTo(200);
        assertProblem(signedIn.get(path(others)), 404, "NOT_FOUND");
        assertThat(ids(signedIn.get("/api/v1/agreements?doctorId=" + given.doctorInRoomyPractice())
                        .json()))
                .isEmpty();
    }

    @Test
    void a_municipality_sees_only_agreements_for_facilities_in_it() {
        long norddjurs = given.draft(given.doctorInRoomyPractice(), given.facility(12), START);
        long aarhus = createdId(given.create(
                AARHUS,
                agreement(
                        given.doctorInRoomyPractice(),
                        List.of(given.facility("SEL_108", 12, "MUNICIPAL", AARHUS_CODE)),
                        START)));

        assertThat(ids(api.as(AARHUS).get("/api/v1/agreements?size=2000").json()))
                .contains(aarhus)
                .doesNotContain(norddjurs);
        assertProblem(api.as(AARHUS).get(path(norddjurs)), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_NORD).get(path(norddjurs)), 404, "NOT_FOUND");
        assertThat(ids(api.as(REGION_NORD).get("/api/v1/agreements?size=2000").json()))
                .doesNotContain(norddjurs, aarhus);
    }

    @Test
    void the_list_filters_by_status_municipality_and_doctor() {
        long doctor = given.doctorInRoomyPractice();
        given.multipleFacilities(doctor, 3, LocalDate.of(2025, 1, 1), null);
        long active = given.active(doctor, given.facility(12), START);
        long draft = given.draft(doctor, given.facility(14), LocalDate.of(2026, 1, 1));
        long aarhus = createdId(given.create(
                AARHUS,
                agreement(
                        doctor,
                        List.of(given.facility("SEL_108", 12, "MUNICIPAL", AARHUS_CODE)),
                        LocalDate.of(2026, 2, 1))));
        Api region = api.as(REGION_MIDT);

        assertThat(ids(region.get("/api/v1/agreements?doctorId=" + doctor).json()))
                .containsExactlyInAnyOrder(active, draft, aarhus);
        assertThat(ids(region.get("/api/v1/agreements?doctorId=" + doctor + "&status=ACTIVE")
                        .json()))
                .containsExactly(active);
        assertThat(ids(region.get("/api/v1/agreements?doctorId=" + doctor + "&status=DRAFT")
                        .json()))
                .containsExactlyInAnyOrder(draft, aarhus);
        assertThat(ids(region.get("/api/v1/agreements?doctorId=" + doctor + "&municipalityCode=" + AARHUS_CODE)
                        .json()))
                .containsExactly(aarhus);
        assertThat(ids(region.get("/api/v1/agreements?doctorId=" + doctor + "&municipalityCode=" + NORDDJURS_CODE
                                + "&status=DRAFT")
                        .json()))
                .containsExactly(draft);

        JsonNode aarhusPage = region.get("/api/v1/agreements?size=2000&municipalityCode=" + AARHUS_CODE)
                .json();
        assertThat(ids(aarhusPage)).contains(aarhus).doesNotContain(active, draft);
        aarhusPage
                .path("content")
                .forEach(row ->
                        assertThat(row.path("municipalityCode").asString()).isEqualTo(AARHUS_CODE));
        JsonNode activePage =
                region.get("/api/v1/agreements?size=2000&status=ACTIVE").json();
        assertThat(ids(activePage)).contains(active).doesNotContain(draft, aarhus);
        activePage
                .path("content")
                .forEach(row -> assertThat(row.path("status").asString()).isEqualTo("ACTIVE"));

        assertProblem(region.get("/api/v1/agreements?status=PENDING"), 400, "VALIDATION_FAILED");
        assertProblem(region.get("/api/v1/agreements?doctorId=abc"), 400, "VALIDATION_FAILED");
    }
}
