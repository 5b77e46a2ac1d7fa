package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_NORD;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/** An agreement from draft to notice, through the API, as municipality and region meet it. */
@IntegrationTest
class AgreementLifecycleApiTest {

    @Autowired
    WebApplicationContext context;

    Api api;
    AgreementFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void a_municipality_creates_and_files_the_region_approves_and_the_facility_side_gives_notice() {
        long doctor = fixtures.freeDoctor();
        long facility = fixtures.facility("SEL_108", 18);

        Api.Response created = fixtures.create(NORDDJURS, doctor, facility, LocalDate.of(2025, 9, 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().path("doctorId").asLong()).isEqualTo(doctor);
        assertThat(created.json().path("facilityIds").get(0).asLong()).isEqualTo(facility);
        assertThat(created.json().path("startDate").asString()).isEqualTo("2025-09-01");
        assertThat(created.json().path("endDate").isNull()).isTrue();
        assertThat(created.json().path("monthlyHours").asInt()).isEqualTo(2);
        assertThat(created.json().path("residents").asInt()).isEqualTo(18);
        long id = created.json().path("id").asLong();

        Api.Response submitted = api.as(NORDDJURS)
                .post(
                        "/api/v1/agreements/" + id + "/submit",
                        Map.of("contactName", "Lise Holm", "contactRole", "Leder", "noOtherContract", true));
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(api.as(NORDDJURS)
                        .get("/api/v1/agreements/" + id + "/information-form")
                        .json()
                        .path("contactName")
                        .asString())
                .isEqualTo("Lise Holm");

        assertThat(api.as(NORDDJURS)
                        .post("/api/v1/agreements/" + id + "/approve", "")
                        .status())
                .isEqualTo(403);
        assertThat(api.as(REGION_NORD)
                        .post("/api/v1/agreements/" + id + "/approve", "")
                        .status())
                .isEqualTo(404);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");

        LocalDate noticeDate = LocalDate.now().minusDays(NoticeWindow.DAYS_BACK);
        Api.Response notice = api.as(NORDDJURS)
                .post("/api/v1/agreements/" + id + "/notice", Map.of("noticeDate", noticeDate.toString()));
        assertThat(notice.status()).as(notice.body()).isEqualTo(200);
        assertThat(notice.json().path("status").asString()).isEqualTo("NOTICE_GIVEN");
        assertThat(notice.json().path("endDate").asString())
                .isEqualTo(NoticePeriod.endDate(noticeDate).toString());

        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/agreements/" + id + "/history")
                        .json()
                        .size())
                .isEqualTo(4);
    }

    @Test
    void a_unit_with_an_active_agreement_cannot_get_a_second_one() {
        long facility = fixtures.facility("ABL_105", 12);
        fixtures.active(fixtures.freeDoctor(), facility, LocalDate.of(2025, 6, 1));

        Api.Response second = fixtures.create(NORDDJURS, fixtures.freeDoctor(), facility, LocalDate.of(2026, 1, 1));

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.code()).isEqualTo("UNIT_ALREADY_COVERED");
        assertThat(second.json().path("detail").asString()).contains("(R4)");
    }

    @Test
    void a_notice_dated_months_back_is_not_allowed_and_claws_back_nothing() {
        long id = fixtures.active(fixtures.freeDoctor(), fixtures.facility("SEL_108", 9), LocalDate.of(2025, 4, 1));

        Api.Response notice =
                api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/notice", Map.of("noticeDate", "2025-11-15"));

        assertThat(notice.status()).as(notice.body()).isEqualTo(422);
        assertThat(notice.json().path("code").asString()).isEqualTo("NOTICE_DATE_NOT_ALLOWED");
        JsonNode after = api.as(NORDDJURS).get("/api/v1/agreements/" + id).json();
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("endDate").isNull()).isTrue();
    }
}
