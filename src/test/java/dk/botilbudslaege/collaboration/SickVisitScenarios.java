package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sick-visit tests build through the API: a Norddjurs practice, doctor and facility, an active
 * agreement between them, and logins of their own for the facility and the doctor.
 */
final class SickVisitScenarios {

    static final String REGION_MIDT = "region-midt";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String PASSWORD = "sick-visit-test-secret";
    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(870_000);

    private final Api api;
    private final Users users;

    SickVisitScenarios(Api api, Users users) {
        this.api = api;
        this.users = users;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long doctor() {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        practice.put("name", unique("Lægehuset"));
        practice.put("address", "Torvet 1, 8500 Grenaa");
        practice.put("municipalityCode", "707");
        practice.put("clinicType", "ORDINARY");
        practice.put("doctorCapacity", 3);
        practice.put("openForNewPatients", true);
        practice.put("vatRegistered", false);
        long practiceId = created(api.as(REGION_MIDT).post("/api/v1/practices", practice));
        return created(api.as(REGION_MIDT)
                .post(
                        "/api/v1/doctors",
                        Map.of("practiceId", practiceId, "name", unique("Læge"), "nursingHomeDoctor", false)));
    }

    long facility(int residents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Bostedet"));
        body.put("address", "Skovvej 3, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", residents + 2);
        body.put("residents", residents);
        return created(api.as(REGION_MIDT).post("/api/v1/facilities", body));
    }

    /** Created by Norddjurs Kommune, filed and approved by the region, from this start date. */
    long agreement(long doctorId, long facilityId, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", start.toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        long id = created(api.as(NORDDJURS).post("/api/v1/agreements", body));
        assertThat(api.as(NORDDJURS)
                        .post("/api/v1/agreements/" + id + "/submit", Map.of())
                        .status())
                .isEqualTo(200);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    Api doctorUser(long doctorId) {
        String username = "laege-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(username, PASSWORD, "Testlæge", Role.DOCTOR, null, null, null, doctorId));
        return api.withPassword(username, PASSWORD);
    }

    Api facilityUser(long facilityId) {
        String username = "botilbud-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(
                new Users.NewUser(username, PASSWORD, "Kontaktperson", Role.FACILITY, null, null, facilityId, null));
        return api.withPassword(username, PASSWORD);
    }

    /** A valid request body: tomorrow at 10–12 (well over 24 hours ahead), for two residents. */
    static Map<String, Object> request(LocalDateTime from, int residents, List<String> references) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("wantedFrom", from.truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("wantedTo", from.plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("residents", residents);
        body.put("references", references);
        return body;
    }

    static long created(Api.Response answer) {
        assertThat(answer.status()).as("creating: %s", answer).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
