package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.OWN_PRACTICE_PROVIDER;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.assertProblem;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.editable;
import static dk.botilbudslaege.registry.RegistryFixtures.encode;
import static dk.botilbudslaege.registry.RegistryFixtures.errorFields;
import static dk.botilbudslaege.registry.RegistryFixtures.errorMessage;
import static dk.botilbudslaege.registry.RegistryFixtures.facility;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.practiceId;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
import static dk.botilbudslaege.registry.RegistryFixtures.send;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad input never gives a 500 (API.md, SPEC §9): every refusal is application/problem+json with
 * status, title, detail and a stable code; a bad field is named in {@code errors[].field} with a
 * Danish message that names the rule; nothing is half-saved. With {@code Accept-Language: en} the
 * status and code stay the same (the English texts are another branch's work).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiTest {

    private static final long UNKNOWN = Long.MAX_VALUE - 1;

    @LocalServerPort
    int port;

    Api api;

    long facilityId;
    long practiceId;
    long doctorId;

    @BeforeAll
    void createRows() {
        api = Api.on(port);
        facilityId =
                createFacility(api, REGION_MIDT, facility(unique("Fejlhuset"), NORDDJURS_CODE, "MUNICIPAL", 70, 64));
        practiceId =
                createPractice(api, REGION_MIDT, practice(providerNumber(), unique("Fejlklinikken"), NORDDJURS_CODE));
        doctorId = createDoctor(api, REGION_MIDT, doctor(practiceId, unique("Fejllægen")));
    }

    /** The path with the ids of this class's rows filled in for {facility}, {practice}, {doctor}. */
    private String path(String template) {
        return template.replace("{facility}", String.valueOf(facilityId))
                .replace("{practice}", String.valueOf(practiceId))
                .replace("{doctor}", String.valueOf(doctorId));
    }

    private Api.Response raw(String method, String path, String contentType, String body) {
        return send(port, method, path(path), REGION_MIDT, "demo", body, "Content-Type", contentType)
                .response();
    }

    private long totalFacilitiesNamed(String name) {
        return api.as(REGION_MIDT)
                .get("/api/v1/facilities?q=" + encode(name))
                .json()
                .path("totalElements")
                .asLong();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    // ---- Unreadable bodies -----------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /api/v1/facilities",
        "PUT, /api/v1/facilities/{facility}",
        "POST, /api/v1/facilities/{facility}/sections",
        "POST, /api/v1/practices",
        "PUT, /api/v1/practices/{practice}",
        "POST, /api/v1/doctors",
        "PUT, /api/v1/doctors/{doctor}"
    })
    void malformed_json_is_refused_as_malformed_request(String method, String path) {
        Api.Response answer = raw(method, path, "application/json", "{\"name\": \"Halvt\", ");

        JsonNode problem = assertProblem(answer, 400, "MALFORMED_REQUEST");
        assertThat(problem.path("title").asString()).isEqualTo("Ugyldig forespørgsel");
        assertThat(problem.path("detail").asString())
                .isEqualTo("Forespørgslen kunne ikke læses. Kontrollér at den er gyldig JSON.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "   ", "null", "[]", "42", "\"en tekst\"", "{\"name\": \"x\"} trailing"})
    void a_body_that_is_not_a_json_object_is_refused_with_400(String body) {
        Api.Response answer = raw("POST", "/api/v1/facilities", "application/json", body);

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.code()).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        assertProblem(answer, 400, answer.code());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "places | \"many\"",
                "residents | \"mange\"",
                "places | 99999999999",
                "places | [1, 2]",
                "operator | \"FOO\"",
                "operator | 7",
                "legalBasis | \"SEL_999\"",
                "privateOwnership | \"PUBLIC\"",
                "latitude | \"nord\"",
                "groupId | \"gruppe\"",
                "version | \"v1\"",
                "places | \"10\"",
                "places | 10.5",
                "latitude | \"56.4\"",
                "name | 12345",
                "name | true",
                "name | 1.5",
                "address | false"
            })
    void a_facility_field_of_the_wrong_type_is_named(String field, String json) {
        Map<String, Object> body = facility(unique("Typefejl"), NORDDJURS_CODE, "MUNICIPAL");
        body.remove(field);
        String text = Api.json(body);
        text = text.substring(0, text.length() - 1) + ",\"" + field + "\":" + json + "}";

        Api.Response answer = raw("POST", "/api/v1/facilities", "application/json", text);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly(field);
        assertThat(errorMessage(answer, field)).isEqualTo("Ugyldig værdi.");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "clinicType | \"PRIVATE_CLINIC\"",
                "doctorCapacity | \"to\"",
                "openForNewPatients | \"måske\"",
                "providerNumber | {\"n\": 1}",
                "providerNumber | 123456",
                "name | true"
            })
    void a_practice_field_of_the_wrong_type_is_named(String field, String json) {
        Map<String, Object> body = practice(providerNumber(), unique("Typefejl"), NORDDJURS_CODE);
        body.remove(field);
        String text = Api.json(body);
        text = text.substring(0, text.length() - 1) + ",\"" + field + "\":" + json + "}";

        Api.Response answer = raw("POST", "/api/v1/practices", "application/json", text);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly(field);
    }

    @Test
    void a_doctor_or_section_field_of_the_wrong_type_is_named() {
        Api.Response doctor =
                raw("POST", "/api/v1/doctors", "application/json", "{\"practiceId\": \"praksis\", \"name\": \"Læge\"}");
        Api.Response section = raw(
                "POST",
                "/api/v1/facilities/{facility}/sections",
                "application/json",
                "{\"name\": \"Afsnit\", \"residents\": \"mange\"}");

        assertProblem(doctor, 400, "VALIDATION_FAILED");
        assertThat(errorFields(doctor)).containsExactly("practiceId");
        assertProblem(section, 400, "VALIDATION_FAILED");
        assertThat(errorFields(section)).containsExactly("residents");
    }

    // ---- Unknown and impossible ids --------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /api/v1/facilities/" + UNKNOWN,
        "GET, /api/v1/facilities/0",
        "GET, /api/v1/facilities/-1",
        "GET, /api/v1/facilities/" + UNKNOWN + "/history",
        "POST, /api/v1/facilities/" + UNKNOWN + "/sections",
        "DELETE, /api/v1/facilities/" + UNKNOWN + "/sections/1",
        "DELETE, /api/v1/facilities/{facility}/sections/" + UNKNOWN,
        "GET, /api/v1/practices/" + UNKNOWN,
        "GET, /api/v1/practices/" + UNKNOWN + "/history",
        "GET, /api/v1/doctors/" + UNKNOWN,
        "GET, /api/v1/doctors/" + UNKNOWN + "/history",
        "GET, /api/v1/no-such-thing",
        "GET, /api/v1/facilities/{facility}/no-such-thing"
    })
    void an_unknown_id_or_path_answers_404(String method, String path) {
        String body = method.equals("POST") ? "{\"name\": \"A\", \"residents\": 32}" : null;

        JsonNode problem = assertProblem(raw(method, path, "application/json", body), 404, "NOT_FOUND");
        assertThat(problem.path("title").asString()).isEqualTo("Ikke fundet");
        assertThat(problem.path("detail").asString()).isEqualTo("Det findes ikke, eller du har ikke adgang til det.");
    }

    @Test
    void changing_an_unknown_row_answers_404() {
        assertProblem(
                api.as(REGION_MIDT)
                        .put("/api/v1/facilities/" + UNKNOWN, facility("Ukendt", NORDDJURS_CODE, "MUNICIPAL")),
                404,
                "NOT_FOUND");
        assertProblem(
                api.as(REGION_MIDT)
                        .put("/api/v1/practices/" + UNKNOWN, practice(providerNumber(), "Ukendt", NORDDJURS_CODE)),
                404,
                "NOT_FOUND");
        assertProblem(
                api.as(REGION_MIDT).put("/api/v1/doctors/" + UNKNOWN, doctor(practiceId, "Ukendt")), 404, "NOT_FOUND");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /api/v1/facilities/abc",
        "GET, /api/v1/facilities/1.5",
        "GET, /api/v1/facilities/99999999999999999999",
        "PUT, /api/v1/facilities/abc",
        "GET, /api/v1/facilities/abc/history",
        "POST, /api/v1/facilities/abc/sections",
        "DELETE, /api/v1/facilities/{facility}/sections/abc",
        "GET, /api/v1/practices/abc",
        "PUT, /api/v1/practices/%20",
        "GET, /api/v1/practices/abc/history",
        "GET, /api/v1/doctors/abc",
        "PUT, /api/v1/doctors/abc",
        "GET, /api/v1/doctors/abc/history"
    })
    void a_non_numeric_id_answers_400_or_404_never_500(String method, String path) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

        Api.Response answer = raw(method, path, "application/json", body);

        assertThat(answer.status()).as("%s", answer).isIn(400, 404);
        assertProblem(answer, answer.status(), answer.code());
    }

    // ---- Paging and filters ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource({
        "/api/v1/facilities, page=-1, page",
        "/api/v1/facilities, size=5000, size",
        "/api/v1/facilities, size=2001, size",
        "/api/v1/facilities, size=0, size",
        "/api/v1/facilities, size=-5, size",
        "/api/v1/facilities, page=abc, page",
        "/api/v1/facilities, size=1e3, size",
        "/api/v1/facilities, page=99999999999, page",
        "/api/v1/facilities, legalBasis=FOO, legalBasis",
        "/api/v1/facilities, operator=FOO, operator",
        "/api/v1/practices, page=-1, page",
        "/api/v1/practices, size=5000, size",
        "/api/v1/practices, clinicType=FOO, clinicType",
        "/api/v1/doctors, page=-1, page",
        "/api/v1/doctors, size=5000, size",
        "/api/v1/doctors, practiceId=abc, practiceId",
        "/api/v1/doctors, nursingHomeDoctor=maybe, nursingHomeDoctor"
    })
    void a_bad_paging_or_filter_parameter_is_named(String path, String query, String field) {
        Api.Response answer = api.as(REGION_MIDT).get(path + "?" + query);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly(field);
    }

    /** Numbers in messages are Danish (SPEC §9): 2.000, not 2000. */
    @Test
    void the_paging_messages_are_danish() {
        assertThat(errorMessage(api.as(REGION_MIDT).get("/api/v1/facilities?page=-1"), "page"))
                .isEqualTo("Sidetallet skal være 0 eller mere.");
        assertThat(errorMessage(api.as(REGION_MIDT).get("/api/v1/facilities?size=5000"), "size"))
                .isEqualTo("Sidestørrelsen skal være mellem 1 og 2.000.");
    }

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"'", "' or 1=1 --", "%", "_", "\\", "%%%", "\u0000", "æøå ÆØÅ", "; drop table facility;"})
    void any_search_text_is_just_text(String q) {
        Api.Response answer = api.as(REGION_MIDT).get("/api/v1/facilities?q=" + encode(q));

        assertThat(answer.status()).as("%s", answer).isIn(200, 400);
        if (answer.status() == 400) {
            assertProblem(answer, 400, answer.code());
        }
        assertThat(api.as(REGION_MIDT).get("/api/v1/practices?q=" + encode(q)).status())
                .isIn(200, 400);
        assertThat(api.as(REGION_MIDT).get("/api/v1/doctors?q=" + encode(q)).status())
                .isIn(200, 400);
    }

    @Test
    void a_percent_sign_in_the_search_matches_only_a_percent_sign() {
        String name = unique("Hundrede % bosted");
        createFacility(api, REGION_MIDT, facility(name, NORDDJURS_CODE, "MUNICIPAL"));

        JsonNode rows = api.as(REGION_MIDT)
                .get("/api/v1/facilities?size=2000&q=" + encode("%"))
                .json()
                .path("content");

        assertThat(rows.findValues("name").stream().map(JsonNode::asString).toList())
                .contains(name)
                .allMatch(n -> n.contains("%"));
    }

    // ---- Rules on fields -------------------------------------------------------------------------

    @Test
    void an_empty_facility_names_every_required_field() {
        Api.Response answer = api.as(NORDDJURS).post("/api/v1/facilities", Map.of());

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().path("detail").asString()).isEqualTo("Et eller flere felter er ugyldige.");
        assertThat(errorFields(answer))
                .contains("name", "address", "municipalityCode", "operator", "legalBasis", "places", "residents");
        assertThat(errorMessage(answer, "name")).isEqualTo("Navn skal udfyldes.");
        assertThat(errorMessage(answer, "places")).isEqualTo("Antal pladser skal udfyldes.");
        assertThat(errorMessage(answer, "operator")).isEqualTo("Vælg driftsform.");
    }

    @Test
    void an_unknown_municipality_code_is_named() {
        String name = unique("Ingenmandsland");
        Api.Response unknown = api.as(REGION_MIDT).post("/api/v1/facilities", facility(name, "999", "MUNICIPAL"));
        Api.Response malformed = api.as(REGION_MIDT).post("/api/v1/facilities", facility(name, "70", "MUNICIPAL"));
        Api.Response practice = api.as(REGION_MIDT).post("/api/v1/practices", practice(providerNumber(), name, "999"));

        assertProblem(unknown, 400, "VALIDATION_FAILED");
        assertThat(errorFields(unknown)).containsExactly("municipalityCode");
        assertThat(errorMessage(unknown, "municipalityCode")).isEqualTo("Kommunekoden 999 findes ikke.");
        assertProblem(malformed, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(malformed, "municipalityCode")).isEqualTo("Kommunekoden skal være tre cifre.");
        assertProblem(practice, 400, "VALIDATION_FAILED");
        assertThat(errorFields(practice)).containsExactly("municipalityCode");
        assertThat(totalFacilitiesNamed(name)).as("nothing saved").isZero();
    }

    @Test
    void more_residents_than_places_is_refused() {
        String name = unique("Overfyldt");
        Api.Response created =
                api.as(NORDDJURS).post("/api/v1/facilities", facility(name, NORDDJURS_CODE, "MUNICIPAL", 20, 21));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + facilityId));
        body.put("places", 60);
        Api.Response updated = api.as(REGION_MIDT).put("/api/v1/facilities/" + facilityId, body);

        assertProblem(created, 400, "VALIDATION_FAILED");
        assertThat(errorFields(created)).containsExactly("residents");
        assertThat(errorMessage(created, "residents"))
                .isEqualTo("Antal beboere kan ikke være større end antal pladser (20).");
        assertProblem(updated, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(updated, "residents"))
                .isEqualTo("Antal beboere kan ikke være større end antal pladser (60).");
        assertThat(totalFacilitiesNamed(name)).as("nothing saved").isZero();
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + facilityId)
                        .json()
                        .path("places")
                        .asInt())
                .isEqualTo(70);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "latitude, 40.0, 'Breddegraden skal ligge i Danmark (54,5–57,8).'",
        "latitude, 57.9, 'Breddegraden skal ligge i Danmark (54,5–57,8).'",
        "latitude, -56.4, 'Breddegraden skal ligge i Danmark (54,5–57,8).'",
        "longitude, 7.9, 'Længdegraden skal ligge i Danmark (8,0–15,3).'",
        "longitude, 20.0, 'Længdegraden skal ligge i Danmark (8,0–15,3).'"
    })
    void a_location_outside_denmark_is_refused(String field, double value, String message) {
        String name = unique("Udlandet");
        Api.Response facility = api.as(REGION_MIDT)
                .post("/api/v1/facilities", with(facility(name, NORDDJURS_CODE, "MUNICIPAL"), field, value));
        Api.Response practice = api.as(REGION_MIDT)
                .post("/api/v1/practices", with(practice(providerNumber(), name, NORDDJURS_CODE), field, value));

        assertProblem(facility, 400, "VALIDATION_FAILED");
        assertThat(errorFields(facility)).containsExactly(field);
        assertThat(errorMessage(facility, field)).isEqualTo(message);
        assertProblem(practice, 400, "VALIDATION_FAILED");
        assertThat(errorFields(practice)).containsExactly(field);
        assertThat(totalFacilitiesNamed(name)).as("nothing saved").isZero();
    }

    @Test
    void a_latitude_without_a_longitude_is_refused() {
        Map<String, Object> body = facility(unique("Halvt sted"), NORDDJURS_CODE, "MUNICIPAL");
        body.remove("longitude");

        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/facilities", body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "longitude"))
                .isEqualTo("Udfyld både bredde- og længdegrad, eller ingen af dem.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12345", "1234567", "12a456", "      ", "-12345", "１２３４５６"})
    void a_provider_number_that_is_not_6_digits_is_refused(String number) {
        Api.Response answer = api.as(REGION_MIDT)
                .post("/api/v1/practices", practice(number, unique("Forkert ydernummer"), NORDDJURS_CODE));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).contains("providerNumber");
    }

    @Test
    void the_provider_number_message_is_danish() {
        Api.Response answer = api.as(REGION_MIDT)
                .post("/api/v1/practices", practice("12345", unique("Forkert ydernummer"), NORDDJURS_CODE));

        assertThat(errorMessage(answer, "providerNumber")).isEqualTo("Ydernummeret skal være 6 cifre.");
    }

    @Test
    void a_duplicate_provider_number_is_refused_on_create_and_on_update() {
        String name = unique("Dobbeltgænger");
        Api.Response created =
                api.as(REGION_MIDT).post("/api/v1/practices", practice(OWN_PRACTICE_PROVIDER, name, NORDDJURS_CODE));
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/practices/" + practiceId));
        String ownNumber = (String) body.get("providerNumber");
        body.put("providerNumber", OWN_PRACTICE_PROVIDER);
        Api.Response updated = api.as(REGION_MIDT).put("/api/v1/practices/" + practiceId, body);

        assertProblem(created, 400, "VALIDATION_FAILED");
        assertThat(errorFields(created)).containsExactly("providerNumber");
        assertThat(errorMessage(created, "providerNumber"))
                .isEqualTo("Ydernummeret " + OWN_PRACTICE_PROVIDER + " er allerede registreret.");
        assertProblem(updated, 400, "VALIDATION_FAILED");
        assertThat(errorFields(updated)).containsExactly("providerNumber");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices?q=" + encode(name))
                        .json()
                        .path("totalElements")
                        .asLong())
                .as("nothing saved")
                .isZero();
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/practices/" + practiceId)
                        .json()
                        .path("providerNumber")
                        .asString())
                .isEqualTo(ownNumber);
    }

    @Test
    void out_of_range_numbers_and_too_long_texts_are_named_with_their_rule() {
        Map<String, Object> body = facility("x".repeat(201), NORDDJURS_CODE, "MUNICIPAL");
        body.put("places", -1);
        body.put("temporaryPlaces", 10001);

        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/facilities", body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "name")).isEqualTo("Må højst være 200 tegn.");
        assertThat(errorMessage(answer, "places")).isEqualTo("Skal være mindst 0.");
        assertThat(errorMessage(answer, "temporaryPlaces")).isEqualTo("Må højst være 10.000.");
    }

    @Test
    void a_practice_needs_at_least_one_doctor_capacity() {
        Api.Response answer = api.as(REGION_MIDT)
                .post(
                        "/api/v1/practices",
                        with(practice(providerNumber(), unique("Tom klinik"), NORDDJURS_CODE), "doctorCapacity", 0));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(answer, "doctorCapacity")).isEqualTo("Skal være mindst 1.");
    }

    @Test
    void an_unknown_group_is_named() {
        Api.Response answer = api.as(REGION_MIDT)
                .post(
                        "/api/v1/facilities",
                        with(facility(unique("Gruppeløs"), NORDDJURS_CODE, "MUNICIPAL"), "groupId", UNKNOWN));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("groupId");
        assertThat(errorMessage(answer, "groupId")).isEqualTo("Gruppen " + UNKNOWN + " findes ikke.");
    }

    @Test
    void a_doctor_needs_a_known_practice_and_a_name() {
        Api.Response unknownPractice = api.as(REGION_MIDT).post("/api/v1/doctors", doctor(UNKNOWN, "Læge Ukendt"));
        Api.Response noName = api.as(REGION_MIDT).post("/api/v1/doctors", doctor(practiceId, " "));
        Api.Response nothing = api.as(REGION_MIDT).post("/api/v1/doctors", Map.of());

        assertProblem(unknownPractice, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(unknownPractice, "practiceId"))
                .as("an id is an identifier, not an amount: no thousands separators")
                .isEqualTo("Praksis " + UNKNOWN + " findes ikke.");
        assertProblem(noName, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(noName, "name")).isEqualTo("Lægens navn skal udfyldes.");
        assertProblem(nothing, 400, "VALIDATION_FAILED");
        assertThat(errorFields(nothing)).contains("practiceId", "name");
    }

    @Test
    void a_doctor_cannot_be_moved_to_an_unknown_practice() {
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/doctors/" + doctorId));
        body.put("practiceId", UNKNOWN);

        Api.Response answer = api.as(REGION_MIDT).put("/api/v1/doctors/" + doctorId, body);

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("practiceId");
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + doctorId)
                        .json()
                        .path("practiceId")
                        .asLong())
                .isEqualTo(practiceId);
    }

    // ---- Protocol --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
        "POST, /api/v1/facilities, text/plain",
        "POST, /api/v1/facilities, application/xml",
        "POST, /api/v1/facilities, application/x-www-form-urlencoded",
        "PUT, /api/v1/facilities/{facility}, text/plain",
        "POST, /api/v1/facilities/{facility}/sections, text/plain",
        "POST, /api/v1/practices, text/csv",
        "PUT, /api/v1/practices/{practice}, text/plain",
        "POST, /api/v1/doctors, text/plain",
        "PUT, /api/v1/doctors/{doctor}, application/octet-stream"
    })
    void a_body_that_is_not_json_answers_415(String method, String path, String contentType) {
        Api.Response answer = raw(method, path, contentType, "name=Skovstjernen");

        JsonNode problem = assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(problem.path("detail").asString()).isEqualTo("Send JSON (application/json).");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /api/v1/facilities/{facility}",
        "PATCH, /api/v1/facilities/{facility}",
        "PUT, /api/v1/facilities",
        "DELETE, /api/v1/facilities",
        "POST, /api/v1/facilities/{facility}",
        "PUT, /api/v1/facilities/{facility}/history",
        "GET, /api/v1/facilities/{facility}/sections/1",
        "POST, /api/v1/regions",
        "DELETE, /api/v1/municipalities",
        "DELETE, /api/v1/practices/{practice}",
        "PATCH, /api/v1/practices/{practice}",
        "DELETE, /api/v1/doctors/{doctor}",
        "POST, /api/v1/doctors/{doctor}/history"
    })
    void an_unsupported_method_answers_405(String method, String path) {
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";

        JsonNode problem = assertProblem(raw(method, path, "application/json", body), 405, "METHOD_NOT_ALLOWED");
        assertThat(problem.path("title").asString()).isEqualTo("Metoden er ikke tilladt");
    }

    @Test
    void asking_for_xml_is_answered_406_not_500() {
        RegistryFixtures.Raw answer =
                send(port, "GET", "/api/v1/facilities", REGION_MIDT, "demo", null, "Accept", "application/xml");

        assertThat(answer.status()).isEqualTo(406);
    }

    // ---- Language --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /api/v1/facilities, application/json, '{\"name\": ', 400, MALFORMED_REQUEST",
        "POST, /api/v1/facilities, application/json, '{\"places\": \"many\"}', 400, VALIDATION_FAILED",
        "POST, /api/v1/facilities, application/json, '{}', 400, VALIDATION_FAILED",
        "POST, /api/v1/practices, application/json, '{\"providerNumber\": \"12\"}', 400, VALIDATION_FAILED",
        "GET, /api/v1/facilities/" + UNKNOWN + ", application/json, , 404, NOT_FOUND",
        "GET, /api/v1/facilities?size=5000, application/json, , 400, VALIDATION_FAILED",
        "GET, /api/v1/facilities/abc, application/json, , 400, VALIDATION_FAILED",
        "POST, /api/v1/facilities, text/plain, x, 415, UNSUPPORTED_MEDIA_TYPE",
        "DELETE, /api/v1/facilities/{facility}, application/json, , 405, METHOD_NOT_ALLOWED",
        "GET, /api/v1/facilities/{facility}/history, application/json, , 403, FORBIDDEN"
    })
    void in_english_the_status_and_code_stay_the_same(
            String method, String path, String contentType, String body, int status, String code) {
        String user = status == 403 ? NORDDJURS : REGION_MIDT;
        Api.Response danish = send(port, method, path(path), user, "demo", body, "Content-Type", contentType)
                .response();
        Api.Response english = send(
                        port,
                        method,
                        path(path),
                        user,
                        "demo",
                        body,
                        "Content-Type",
                        contentType,
                        "Accept-Language",
                        "en")
                .response();

        assertProblem(danish, status, code);
        assertThat(english.status()).as("%s", english).isEqualTo(status);
        assertThat(english.contentType()).startsWith("application/problem+json");
        assertThat(english.code()).isEqualTo(code);
        assertThat(errorFields(english)).isEqualTo(errorFields(danish));
    }

    @Test
    void messages_are_danish_by_default_whatever_the_browser_prefers_otherwise() {
        Api.Response german =
                api.header("Accept-Language", "de-DE").as(REGION_MIDT).get("/api/v1/facilities/" + UNKNOWN);

        assertThat(german.json().path("detail").asString())
                .isEqualTo("Det findes ikke, eller du har ikke adgang til det.");
    }
}
