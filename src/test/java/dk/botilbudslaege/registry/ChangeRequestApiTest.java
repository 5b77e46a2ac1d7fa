package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS;
import static dk.botilbudslaege.registry.RegistryFixtures.DOCTOR;
import static dk.botilbudslaege.registry.RegistryFixtures.NATIONAL;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.OTHER_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_NORD;
import static dk.botilbudslaege.registry.RegistryFixtures.SKOVSTJERNEN;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.doctorIds;
import static dk.botilbudslaege.registry.RegistryFixtures.errorFields;
import static dk.botilbudslaege.registry.RegistryFixtures.errorMessage;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.practiceId;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Change requests (issue 10 item 2, API.md): the doctor files one for a region-owned field of the own
 * practice; the region of the practice approves (the change is applied, the VAT status from its date,
 * SPEC F5) or rejects it with a reason; a decided request stays decided. Nobody else files, sees or
 * decides one.
 */
@IntegrationTest
class ChangeRequestApiTest {

    static final String PATH = "/api/v1/change-requests";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    static Map<String, Object> request(String field, Object newValue, LocalDate validFrom, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", field);
        body.put("newValue", newValue);
        body.put("validFrom", validFrom == null ? null : validFrom.toString());
        body.put("reason", reason);
        return body;
    }

    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));
    }

    long file(Map<String, Object> body) {
        Api.Response filed = api.as(DOCTOR).post(PATH, body);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        assertThat(filed.json().path("status").asString()).isEqualTo("PENDING");
        return filed.json().path("id").asLong();
    }

    @Test
    void a_doctor_files_a_capacity_request_the_region_approves_it_and_the_practice_changes() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        int capacity = api.as(REGION_MIDT)
                .get("/api/v1/practices/" + own)
                .json()
                .path("doctorCapacity")
                .asInt();
        long id = file(request("doctorCapacity", capacity + 1, today(), "Ny kollega fra 1. december"));

        JsonNode mine = api.as(DOCTOR).get(PATH).json();
        assertThat(mine.findValues("id").stream().map(JsonNode::asLong).toList())
                .contains(id);
        JsonNode queue = api.as(REGION_MIDT).get(PATH + "?status=PENDING").json();
        assertThat(queue.findValues("id").stream().map(JsonNode::asLong).toList())
                .contains(id);

        Api.Response approved = api.as(REGION_MIDT).post(PATH + "/" + id + "/approve", Map.of());
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("decidedBy").asString()).isEqualTo(REGION_MIDT);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices/" + own)
                        .json()
                        .path("doctorCapacity")
                        .asInt())
                .isEqualTo(capacity + 1);
        JsonNode history =
                api.as(REGION_MIDT).get("/api/v1/practices/" + own + "/history").json();
        assertThat(history.get(0)
                        .path("changes")
                        .path("doctorCapacity")
                        .path("to")
                        .asInt())
                .isEqualTo(capacity + 1);

        assertProblem(api.as(REGION_MIDT).post(PATH + "/" + id + "/approve", Map.of()), 409, "CHANGE_REQUEST_DECIDED");
        assertProblem(
                api.as(REGION_MIDT).post(PATH + "/" + id + "/reject", Map.of("reason", "Fortrudt")),
                409,
                "CHANGE_REQUEST_DECIDED");

        // back to the old number, the same way, so other tests see the demo practice unchanged
        long back = file(request("doctorCapacity", capacity, today(), "Kollegaen kom ikke"));
        assertThat(api.as(REGION_MIDT)
                        .post(PATH + "/" + back + "/approve", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_region_rejects_with_a_reason_and_nothing_changes() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        JsonNode before = api.as(REGION_MIDT).get("/api/v1/practices/" + own).json();
        long id = file(request("clinicType", "TENDER", today(), "Vi har vundet udbuddet"));

        Api.Response noReason = api.as(REGION_MIDT).post(PATH + "/" + id + "/reject", Map.of("reason", "  "));
        assertProblem(noReason, 400, "VALIDATION_FAILED");
        assertThat(errorFields(noReason)).containsExactly("reason");

        Api.Response rejected = api.as(REGION_MIDT)
                .post(PATH + "/" + id + "/reject", Map.of("reason", "Udbuddet er ikke afgjort endnu"));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("decisionReason").asString()).isEqualTo("Udbuddet er ikke afgjort endnu");
        assertThat(api.as(DOCTOR).get(PATH + "/" + id).json().path("status").asString())
                .isEqualTo("REJECTED");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices/" + own)
                        .json()
                        .path("clinicType")
                        .asString())
                .isEqualTo(before.path("clinicType").asString());
        assertProblem(api.as(REGION_MIDT).post(PATH + "/" + id + "/approve", Map.of()), 409, "CHANGE_REQUEST_DECIDED");
    }

    @Test
    void only_the_doctor_files_and_only_the_region_of_the_practice_sees_and_decides() {
        long id = file(request("nursingHomeDoctor", true, today(), "Jeg er blevet plejehjemslæge"));
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        String anotherDoctor = anotherDoctorUser();

        for (String user : List.of(REGION_MIDT, NORDDJURS, SKOVSTJERNEN, NATIONAL, REGION_NORD)) {
            assertProblem(
                    api.as(user).post(PATH, request("vatRegistered", true, today(), "Ikke min")), 403, "FORBIDDEN");
        }
        assertProblem(
                api.as(anotherDoctor)
                        .post(
                                PATH,
                                Map.of(
                                        "practiceId",
                                        own,
                                        "field",
                                        "vatRegistered",
                                        "newValue",
                                        true,
                                        "validFrom",
                                        today().toString(),
                                        "reason",
                                        "Ikke min praksis")),
                403,
                "FORBIDDEN");
        for (String user : List.of(NORDDJURS, AARHUS, SKOVSTJERNEN, NATIONAL)) {
            assertProblem(api.as(user).get(PATH), 403, "FORBIDDEN");
            assertProblem(api.as(user).get(PATH + "/" + id), 403, "FORBIDDEN");
            assertProblem(api.as(user).post(PATH + "/" + id + "/approve", Map.of()), 403, "FORBIDDEN");
            assertProblem(api.as(user).post(PATH + "/" + id + "/reject", Map.of("reason", "Nej")), 403, "FORBIDDEN");
        }
        assertProblem(api.as(REGION_NORD).get(PATH + "/" + id), 404, "NOT_FOUND");
        assertProblem(api.as(REGION_NORD).post(PATH + "/" + id + "/approve", Map.of()), 404, "NOT_FOUND");
        assertThat(api.as(REGION_NORD).get(PATH).json().findValues("id").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .doesNotContain(id);
        assertProblem(api.as(anotherDoctor).get(PATH + "/" + id), 404, "NOT_FOUND");
        assertThat(api.as(anotherDoctor).get(PATH).json().findValues("id").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .doesNotContain(id);
        assertProblem(api.as(DOCTOR).post(PATH + "/" + id + "/approve", Map.of()), 403, "FORBIDDEN");
        assertProblem(api.as(anotherDoctor).post(PATH + "/" + id + "/approve", Map.of()), 403, "FORBIDDEN");

        assertThat(api.as(REGION_MIDT)
                        .get(PATH + "/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("PENDING");
        assertThat(api.as(REGION_MIDT)
                        .post(PATH + "/" + id + "/reject", Map.of("reason", "Ikke dokumenteret"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void bad_input_is_one_400_naming_every_bad_field() {
        Api.Response answer = api.as(DOCTOR).post(PATH, request("doctorCapacity", 0, LocalDate.of(2024, 12, 31), " "));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactlyInAnyOrder("newValue", "validFrom", "reason");
        assertThat(errorMessage(answer, "newValue")).isEqualTo("Lægekapaciteter skal være et helt tal fra 1 til 100.");
        assertThat(errorMessage(answer, "validFrom")).startsWith("Datoen skal ligge fra 2025-01-01 til ");

        // a date outside every window (the app-wide check) is listed with the request's own bad fields
        Api.Response farOff = api.as(DOCTOR).post(PATH, request("doctorCapacity", 0, LocalDate.of(9999, 12, 31), " "));
        assertProblem(farOff, 400, "VALIDATION_FAILED");
        assertThat(errorFields(farOff)).containsExactlyInAnyOrder("newValue", "validFrom", "reason");
        assertThat(errorMessage(farOff, "validFrom")).isEqualTo("Datoen skal ligge mellem 2007-01-01 og 2100-12-31.");
        for (String date : List.of("1999-01-01", "2101-01-01", "20x")) {
            Api.Response unknownField =
                    api.as(DOCTOR).post(PATH, Map.of("field", "FOO", "newValue", 1000, "validFrom", date));
            assertProblem(unknownField, 400, "VALIDATION_FAILED");
            assertThat(errorFields(unknownField)).as(date).containsExactlyInAnyOrder("field", "validFrom", "reason");
            Api.Response badValue = api.as(DOCTOR)
                    .post(
                            PATH,
                            Map.of(
                                    "field",
                                    "doctorCapacity",
                                    "newValue",
                                    1000,
                                    "validFrom",
                                    date,
                                    "reason",
                                    "Skov\u200Bly"));
            assertProblem(badValue, 400, "VALIDATION_FAILED");
            assertThat(errorFields(badValue)).as(date).containsExactlyInAnyOrder("newValue", "validFrom", "reason");
        }

        Api.Response unknown = api.as(DOCTOR).post(PATH, request("name", "Nyt navn", today(), "Nyt navn"));
        assertProblem(unknown, 400, "VALIDATION_FAILED");
        assertThat(errorFields(unknown)).containsExactly("field");

        for (var bad : List.of(
                request("vatRegistered", "ja", today(), "Moms"),
                request("providerNumber", "12345", today(), "Nyt ydernummer"),
                request("providerNumber", OTHER_PRACTICE_PROVIDER, today(), "Taget"),
                request("clinicType", "HOSPITAL", today(), "Ny form"),
                request("nursingHomeDoctor", 1, today(), "Tal"))) {
            Api.Response bad400 = api.as(DOCTOR).post(PATH, bad);
            assertProblem(bad400, 400, "VALIDATION_FAILED");
            assertThat(errorFields(bad400)).as("%s", bad).containsExactly("newValue");
        }
        Api.Response badDate = api.as(DOCTOR)
                .post(
                        PATH,
                        Map.of(
                                "field",
                                "vatRegistered",
                                "newValue",
                                true,
                                "validFrom",
                                "2027-02-30",
                                "reason",
                                "Moms"));
        assertProblem(badDate, 400, "VALIDATION_FAILED");
        assertThat(errorFields(badDate)).containsExactly("validFrom");
        assertThat(api.as(DOCTOR)
                        .post(PATH, request("vatRegistered", false, today(), "Ingen ændring"))
                        .status())
                .as("the value in force already")
                .isEqualTo(400);
    }

    @Test
    void a_change_of_an_undated_field_is_approved_from_its_date_on() {
        long id = file(request("clinicType", "REGIONAL", today().plusMonths(2), "Regionen overtager klinikken"));

        assertProblem(api.as(REGION_MIDT).post(PATH + "/" + id + "/approve", Map.of()), 409, "CHANGE_NOT_DUE");
        assertThat(api.as(REGION_MIDT)
                        .get(PATH + "/" + id)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("PENDING");
        api.as(REGION_MIDT).post(PATH + "/" + id + "/reject", Map.of("reason", "Oprydning i testen"));
    }

    /**
     * SPEC F5: approving a VAT change from a future date changes settlement from that date. In the
     * month of the change only the days from it carry VAT (F4: 25 % of their ex-VAT part, rounded
     * once); the month before has none, the month after VAT on the whole line. Today's status is
     * unchanged.
     */
    @Test
    void an_approved_vat_change_from_a_future_date_pays_vat_from_that_day() {
        long own = practiceId(api, OWN_PRACTICE_PROVIDER);
        LocalDate from = today().plusMonths(20).withDayOfMonth(16);
        YearMonth month = YearMonth.from(from);
        long id = file(request("vatRegistered", true, from, "Momsregistreret fra " + from));

        JsonNode before = lines(month);
        Api.Response approved = api.as(REGION_MIDT).post(PATH + "/" + id + "/approve", Map.of());
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);

        assertThat(api.as(DOCTOR)
                        .get("/api/v1/practices/" + own)
                        .json()
                        .path("vatRegistered")
                        .asBoolean())
                .as("today's status")
                .isFalse();
        for (JsonNode line : before) {
            assertThat(line.path("vat").decimalValue()).isEqualByComparingTo("0.00");
        }
        int fullMonths = 0;
        for (JsonNode line : lines(month)) {
            if (line.path("days").asInt() != month.lengthOfMonth()) {
                continue;
            }
            BigDecimal exVat = line.path("amountExVat").decimalValue();
            int daysWithVat = month.lengthOfMonth() - 15;
            BigDecimal part = exVat.multiply(BigDecimal.valueOf(daysWithVat))
                    .divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP);
            BigDecimal vat = part.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP);
            assertThat(line.path("vat").decimalValue()).as("%s", line).isEqualByComparingTo(vat);
            assertThat(line.path("amountInclVat").decimalValue()).isEqualByComparingTo(exVat.add(vat));
            fullMonths++;
        }
        assertThat(fullMonths)
                .as("the doctor's agreement Skovstjernen runs the whole month")
                .isPositive();
        for (JsonNode line : lines(month.minusMonths(1))) {
            assertThat(line.path("vat").decimalValue()).isEqualByComparingTo("0.00");
        }
        for (JsonNode line : lines(month.plusMonths(1))) {
            assertThat(line.path("vat").decimalValue())
                    .isEqualByComparingTo(line.path("amountExVat")
                            .decimalValue()
                            .multiply(new BigDecimal("0.25"))
                            .setScale(2, RoundingMode.HALF_UP));
        }
    }

    /** The doctor's own fee lines of a month (the provider number of the demo doctor's practice). */
    private JsonNode lines(YearMonth month) {
        Api.Response answer = api.as(DOCTOR).get("/api/v1/settlements/" + month + "/lines");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        List<JsonNode> own = new java.util.ArrayList<>();
        answer.json().forEach(line -> {
            if (line.path("providerNumber").asString().equals(OWN_PRACTICE_PROVIDER)
                    && line.path("kind").asString().equals("FEE")) {
                own.add(line);
            }
        });
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(own);
    }

    /** A doctor login of another practice in the same region. */
    private String anotherDoctorUser() {
        String username =
                "laege-anden-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        long practice =
                createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Anden klinik"), NORDDJURS_CODE));
        long doctorId = createDoctor(api, REGION_MIDT, doctor(practice, unique("Anden læge")));
        jdbc.sql("""
                        insert into app_user (username, password_hash, display_name, role, doctor_id)
                        select :username, password_hash, 'Anden læge', 'DOCTOR', :doctorId
                          from app_user where username = :demo
                        """)
                .param("username", username)
                .param("doctorId", doctorId)
                .param("demo", DOCTOR)
                .update();
        assertThat(doctorIds(api, practice)).contains(doctorId);
        return username;
    }
}
