package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NATIONAL;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_NORD;
import static dk.botilbudslaege.agreement.AgreementScenarios.AARHUS_CODE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R2_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.SKOVSTJERNEN;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static dk.botilbudslaege.agreement.AgreementScenarios.createdId;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorFields;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 12 (SPEC §3; seed 004 § 65 stk. 2): a municipality or the doctor applies for a
 * dispensation; the region of the doctor's practice grants it, which creates the dispensation, or
 * refuses it with a reason; the applicant sees the answer and the region has a queue.
 */
@IntegrationTest
class DispensationApplicationsApiTest extends AgreementTestBase {

    private static final String AARHUS = "kommune-aarhus";
    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 1);
    private static final String PATH = "/api/v1/dispensation-applications";

    @Test
    void a_granted_nursing_home_application_lets_the_nursing_home_doctor_get_the_facility() {
        long doctor = given.nursingHomeDoctor(given.practice(10));
        long facility = given.facility(12);
        assertRefused(given.create(doctor, facility, MARCH_2025), "NURSING_HOME_CONFLICT", "doctorId", R2_MESSAGE);

        Api.Response applied = api.as(NORDDJURS)
                .post(
                        PATH,
                        application(
                                "NURSING_HOME_AND_FACILITY",
                                doctor,
                                List.of(facility),
                                null,
                                "Lægen kender beboerne fra plejehjemmet.\nDer er ingen anden læge."));

        long id = createdId(applied);
        assertThat(applied.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(applied.json().path("reason").asString()).contains("\n");
        assertThat(ids(api.as(REGION_MIDT).get(PATH + "?status=PENDING").json()))
                .contains(id);

        Api.Response granted = api.as(REGION_MIDT).post(PATH + "/" + id + "/grant", Map.of("validFrom", "2025-01-01"));

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("status").asString()).isEqualTo("GRANTED");
        long dispensation = granted.json().path("dispensationId").asLong();
        JsonNode seen = api.as(NORDDJURS).get(PATH + "/" + id).json();
        assertThat(seen.path("status").asString()).isEqualTo("GRANTED");
        assertThat(seen.path("dispensationId").asLong()).isEqualTo(dispensation);
        JsonNode made = api.as(REGION_MIDT)
                .get("/api/v1/dispensations?doctorId=" + doctor)
                .json()
                .get(0);
        assertThat(made.path("id").asLong()).isEqualTo(dispensation);
        assertThat(made.path("kind").asString()).isEqualTo("NURSING_HOME_AND_FACILITY");
        assertThat(made.path("validFrom").asString()).isEqualTo("2025-01-01");
        assertThat(ids(api.as(REGION_MIDT).get(PATH + "?status=PENDING").json()))
                .doesNotContain(id);

        long agreement = given.active(doctor, facility, MARCH_2025);
        assertThat(given.status(agreement)).isEqualTo("ACTIVE");
        assertThat(api.as(REGION_MIDT).get(PATH + "/" + id + "/history").json().toString())
                .contains("APPLIED", "GRANTED");
    }

    @Test
    void a_grant_without_dates_holds_from_today_and_allows_the_facilities_applied_for_beside_those_held() {
        long doctor = given.doctorInRoomyPractice();
        given.active(doctor, given.facility(12), MARCH_2025);
        long second = given.facility(14);
        long id = createdId(api.as(NORDDJURS)
                .post(
                        PATH,
                        application(
                                "MULTIPLE_FACILITIES", doctor, List.of(second), null, "Ingen anden læge i området")));

        Api.Response granted = api.as(REGION_MIDT).post(PATH + "/" + id + "/grant", "");

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        JsonNode made = api.as(REGION_MIDT)
                .get("/api/v1/dispensations?doctorId=" + doctor)
                .json()
                .get(0);
        assertThat(made.path("maxFacilities").asInt()).isEqualTo(2);
        assertThat(made.path("validFrom").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(made.path("validTo").isNull() || made.path("validTo").isMissingNode())
                .isTrue();
        assertThat(given.status(given.active(
                        doctor, second, LocalDate.now().withDayOfMonth(1).plusMonths(1))))
                .isEqualTo("ACTIVE");
    }

    @Test
    void a_doctor_applies_for_itself_only_and_a_granted_hours_application_sets_the_hours() {
        long doctor = given.doctorInRoomyPractice();
        long other = given.doctorInRoomyPractice();
        long facility = given.facility(45);
        Api self = given.doctorUser(doctor);

        assertProblem(
                self.post(PATH, application("HOURS", other, List.of(facility), "4", "Mange beboere")),
                403,
                "FORBIDDEN");
        Api.Response applied = self.post(
                PATH, application("HOURS", doctor, List.of(facility), "4.5", "Mange beboere med komplekse behov"));
        long id = createdId(applied);
        assertThat(applied.json().path("applicantRole").asString()).isEqualTo("DOCTOR");
        assertThat(applied.json().path("hours").decimalValue()).isEqualByComparingTo("4.5");

        Api.Response roundedGrant = api.as(REGION_MIDT)
                .post(PATH + "/" + id + "/grant", Map.of("monthlyHours", new java.math.BigDecimal("4.25")));
        assertProblem(roundedGrant, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(roundedGrant, "monthlyHours"))
                .isEqualTo("Timer pr. måned angives med højst én decimal, fx 3,5.");
        assertThat(api.as(REGION_MIDT)
                        .post(PATH + "/" + id + "/grant", Map.of())
                        .status())
                .isEqualTo(200);

        assertThat(self.get(PATH + "/" + id).json().path("status").asString()).isEqualTo("GRANTED");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/dispensations?doctorId=" + doctor)
                        .json()
                        .get(0)
                        .path("monthlyHours")
                        .decimalValue())
                .isEqualByComparingTo("4.5");
    }

    @Test
    void the_region_refuses_with_a_reason_the_applicant_reads_and_deciding_twice_is_a_conflict() {
        long doctor = given.doctorInRoomyPractice();
        Api self = given.doctorUser(doctor);
        long id = createdId(self.post(
                PATH,
                application(
                        "MULTIPLE_FACILITIES",
                        doctor,
                        List.of(given.facility(12)),
                        null,
                        "Jeg har tid til to botilbud")));

        Api.Response noReason = api.as(REGION_MIDT).post(PATH + "/" + id + "/refuse", Map.of("reason", " "));
        assertProblem(noReason, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(noReason, "reason")).isEqualTo("Skriv en begrundelse for afslaget; ansøgeren ser den.");

        Api.Response refused = api.as(REGION_MIDT)
                .post(
                        PATH + "/" + id + "/refuse",
                        Map.of("reason", "Der er en anden læge i området.\nSøg igen til foråret."));

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode answer = self.get(PATH + "/" + id).json();
        assertThat(answer.path("status").asString()).isEqualTo("REFUSED");
        assertThat(answer.path("decisionReason").asString())
                .isEqualTo("Der er en anden læge i området.\nSøg igen til foråret.");
        assertThat(answer.path("dispensationId").isNull()
                        || answer.path("dispensationId").isMissingNode())
                .isTrue();
        assertProblem(api.as(REGION_MIDT).post(PATH + "/" + id + "/grant", ""), 409, "APPLICATION_DECIDED");
        assertProblem(
                api.as(REGION_MIDT).post(PATH + "/" + id + "/refuse", Map.of("reason", "Igen")),
                409,
                "APPLICATION_DECIDED");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/dispensations?doctorId=" + doctor)
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void only_the_applicant_the_doctor_and_the_doctors_region_see_or_decide_an_application() {
        long doctor = given.doctorInRoomyPractice();
        long id = createdId(api.as(NORDDJURS)
                .post(
                        PATH,
                        application("MULTIPLE_FACILITIES", doctor, List.of(given.facility(12)), null, "Stort behov")));

        assertProblem(api.as(AARHUS).get(PATH + "/" + id), 404, "NOT_FOUND");
        assertThat(ids(api.as(AARHUS).get(PATH).json())).doesNotContain(id);
        assertProblem(api.as(REGION_NORD).get(PATH + "/" + id), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_NORD).post(PATH + "/" + id + "/grant", ""), 404, "NOT_FOUND");
        assertProblem(api.as(NORDDJURS).post(PATH + "/" + id + "/grant", ""), 403, "FORBIDDEN");
        assertProblem(api.as(SKOVSTJERNEN).get(PATH), 403, "FORBIDDEN");
        assertProblem(api.as(NATIONAL).get(PATH + "/" + id), 403, "FORBIDDEN");
        assertProblem(
                api.as(REGION_MIDT)
                        .post(
                                PATH,
                                application(
                                        "MULTIPLE_FACILITIES",
                                        doctor,
                                        List.of(given.facility(12)),
                                        null,
                                        "Regionen søger ikke")),
                403,
                "FORBIDDEN");
        assertThat(given.doctorUser(doctor)
                        .get(PATH + "/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("PENDING");
        assertProblem(given.doctorUser(given.doctorInRoomyPractice()).get(PATH + "/" + id), 404, "NOT_FOUND");
        assertThat(api.as(REGION_MIDT).get(PATH + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void a_municipality_applies_only_for_its_own_facilities_and_doctors_of_its_region() {
        long doctor = given.doctorInRoomyPractice();
        long aarhusFacility = given.facility("SEL_108", 12, "MUNICIPAL", AARHUS_CODE);
        long nordDoctor = nordDoctor();

        Api.Response foreignFacility = api.as(NORDDJURS)
                .post(
                        PATH,
                        application("MULTIPLE_FACILITIES", doctor, List.of(aarhusFacility), null, "Naboens botilbud"));
        assertProblem(foreignFacility, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(foreignFacility, "facilityIds")).contains(String.valueOf(aarhusFacility));

        Api.Response foreignDoctor = api.as(NORDDJURS)
                .post(
                        PATH,
                        application(
                                "MULTIPLE_FACILITIES",
                                nordDoctor,
                                List.of(given.facility(12)),
                                null,
                                "Læge fra en anden region"));
        assertProblem(foreignDoctor, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(foreignDoctor, "doctorId"))
                .isEqualTo("Lægen " + nordDoctor + " findes ikke i regionen.");

        long regional = given.facility("SEL_108", 12, "REGIONAL", AgreementFixtures.NORDDJURS_CODE);
        assertProblem(
                api.as(NORDDJURS)
                        .post(
                                PATH,
                                application(
                                        "MULTIPLE_FACILITIES",
                                        doctor,
                                        List.of(regional),
                                        null,
                                        "Regionens eget botilbud")),
                403,
                "FORBIDDEN");
    }

    @Test
    void bad_input_is_refused_with_every_bad_field_and_nothing_saved() {
        long before = count();
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("facilityIds", List.of());
        empty.put("reason", "   ");

        Api.Response answer = api.as(NORDDJURS).post(PATH, empty);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("kind", "doctorId", "facilityIds", "reason");
        assertThat(errorMessage(answer, "facilityIds")).isEqualTo("Vælg mindst ét botilbud.");
        assertThat(errorMessage(answer, "reason")).isEqualTo("Begrundelsen skal udfyldes.");

        long doctor = given.doctorInRoomyPractice();
        Api.Response noHours =
                api.as(NORDDJURS).post(PATH, application("HOURS", doctor, List.of(given.facility(12)), null, "Timer"));
        assertThat(errorFields(noHours)).containsExactly("hours");
        Api.Response tooMany =
                api.as(NORDDJURS).post(PATH, application("HOURS", doctor, List.of(given.facility(12)), "25", "Timer"));
        assertThat(errorMessage(tooMany, "hours")).isEqualTo("Timer pr. måned skal være mellem 0,5 og 20.");
        Api.Response twoDecimals = api.as(NORDDJURS)
                .post(PATH, application("HOURS", doctor, List.of(given.facility(12)), "3.25", "Timer"));
        assertThat(errorFields(twoDecimals)).containsExactly("hours");
        assertThat(errorMessage(twoDecimals, "hours"))
                .isEqualTo("Timer pr. måned angives med højst én decimal, fx 3,5.");
        Api.Response hoursForFacilities = api.as(NORDDJURS)
                .post(PATH, application("MULTIPLE_FACILITIES", doctor, List.of(given.facility(12)), "4", "Timer"));
        assertThat(errorFields(hoursForFacilities)).containsExactly("hours");
        Api.Response unknown = api.as(NORDDJURS)
                .post(PATH, application("MULTIPLE_FACILITIES", doctor, List.of(999_999_999L), null, "Findes ikke"));
        assertThat(errorMessage(unknown, "facilityIds")).contains("999999999");
        assertThat(count()).isEqualTo(before);

        long id = createdId(api.as(NORDDJURS)
                .post(PATH, application("MULTIPLE_FACILITIES", doctor, List.of(given.facility(12)), null, "Gyldig")));
        Api.Response badGrant = api.as(REGION_MIDT)
                .post(
                        PATH + "/" + id + "/grant",
                        Map.of("validFrom", "2026-01-01", "validTo", "2025-01-01", "maxFacilities", 1));
        assertProblem(badGrant, 400, "VALIDATION_FAILED");
        assertThat(errorFields(badGrant)).containsExactlyInAnyOrder("validTo", "maxFacilities");
        assertThat(api.as(REGION_MIDT)
                        .get(PATH + "/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("PENDING");
    }

    /** A doctor of a practice in Aalborg, made by Region Nordjylland. */
    private long nordDoctor() {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(870_000 + (System.nanoTime() % 9_999)));
        practice.put("name", AgreementFixtures.unique("Nordklinikken"));
        practice.put("address", "Boulevarden 1, 9000 Aalborg");
        practice.put("municipalityCode", "851");
        practice.put("clinicType", "ORDINARY");
        practice.put("doctorCapacity", 1);
        practice.put("openForNewPatients", true);
        practice.put("vatRegistered", false);
        long practiceId = createdId(api.as(REGION_NORD).post("/api/v1/practices", practice));
        return createdId(
                api.as(REGION_NORD).post("/api/v1/doctors", Map.of("practiceId", practiceId, "name", "Nordlægen")));
    }

    private long count() {
        return jdbc.sql("select count(*) from dispensation_application")
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> application(
            String kind, long doctorId, List<Long> facilityIds, String hours, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("doctorId", doctorId);
        body.put("facilityIds", facilityIds);
        if (hours != null) {
            body.put("hours", new java.math.BigDecimal(hours));
        }
        body.put("reason", reason);
        return body;
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new java.util.ArrayList<>();
        list.forEach(row -> ids.add(row.path("id").asLong()));
        return ids;
    }
}
