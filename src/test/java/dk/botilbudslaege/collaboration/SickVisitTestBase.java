package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * What the sick-visit tests share: a facility of 12 residents in Norddjurs with a fixed doctor (an active
 * agreement from 1 January 2025), logins of their own for both, the facility's sick-visits path, and helpers.
 */
abstract class SickVisitTestBase extends CollaborationTestBase {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    SickVisitScenarios given;
    long facility;
    long doctor;
    Api facilityUser;
    Api doctorUser;
    String path;

    @BeforeEach
    void aFacilityWithAFixedDoctor() {
        given = new SickVisitScenarios(api, users);
        facility = given.facility(12);
        doctor = given.doctor();
        given.agreement(doctor, facility, LocalDate.of(2025, 1, 1));
        facilityUser = given.facilityUser(facility);
        doctorUser = given.doctorUser(doctor);
        path = "/api/v1/facilities/" + facility + "/sick-visits";
    }

    static LocalDateTime now() {
        return LocalDateTime.now(DENMARK);
    }

    static LocalDateTime inDays(int days) {
        return now().plusDays(days).truncatedTo(ChronoUnit.HOURS);
    }

    /** Asked by {@code who}: 201 and the request made. */
    JsonNode ask(Api who, Map<String, Object> body) {
        Api.Response answer = who.post(path, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    /** Asked by the facility's own login: the request's id. */
    long ask(Map<String, Object> body) {
        return ask(facilityUser, body).path("id").asLong();
    }

    long count(long id) {
        return jdbc.sql("select count(*) from sick_visit where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    String pageUser(Role role, Long facilityId, Long doctorId) {
        return given.pageUser(role, facilityId, doctorId);
    }

    static JsonNode assertBad(Api.Response answer) {
        return assertProblem(answer, 400, "VALIDATION_FAILED");
    }

    static List<String> fields(Api.Response answer) {
        return CollaborationFixtures.fields(answer);
    }

    static List<String> fields(JsonNode problem) {
        return CollaborationFixtures.fields(problem);
    }
}
