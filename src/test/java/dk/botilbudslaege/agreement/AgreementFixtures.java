package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows the agreement tests make for themselves through the API: practices, doctors, facilities and
 * agreements with unique names, so that tests sharing the demo database never meet each other.
 */
final class AgreementFixtures {

    static final String REGION_MIDT = "region-midt";
    static final String REGION_NORD = "region-nord";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String AARHUS = "kommune-aarhus";
    static final String NATIONAL = "national";
    static final String NORDDJURS_CODE = "707";

    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(800_000);

    private final Api api;

    AgreementFixtures(Api api) {
        this.api = api;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A practice in Norddjurs with this many doctor capacities, made by the region. */
    long practice(int capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        body.put("name", unique("Lægehuset"));
        body.put("address", "Torvet 1, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", capacity);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/practices", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    long doctor(long practiceId, boolean nursingHomeDoctor) {
        Api.Response answer = api.as(REGION_MIDT)
                .post(
                        "/api/v1/doctors",
                        Map.of(
                                "practiceId",
                                practiceId,
                                "name",
                                unique("Læge"),
                                "nursingHomeDoctor",
                                nursingHomeDoctor));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    /** A free doctor in a practice of their own with one capacity. */
    long freeDoctor() {
        return doctor(practice(1), false);
    }

    long facility(String legalBasis, int residents) {
        return facility(legalBasis, residents, "MUNICIPAL");
    }

    long facility(String legalBasis, int residents, String operator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Botilbud"));
        body.put("address", "Testvej 1, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("operator", operator);
        body.put("legalBasis", legalBasis);
        body.put("places", Math.max(residents, 1));
        body.put("residents", residents);
        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/facilities", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    static Map<String, Object> agreement(long doctorId, List<Long> facilityIds, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", facilityIds);
        body.put("startDate", start.toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        return body;
    }

    Api.Response create(String user, long doctorId, long facilityId, LocalDate start) {
        return api.as(user).post("/api/v1/agreements", agreement(doctorId, List.of(facilityId), start));
    }

    /** Created, filed and approved: an active agreement. */
    long active(long doctorId, long facilityId, LocalDate start) {
        Api.Response created = create(NORDDJURS, doctorId, facilityId, start);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api.as(NORDDJURS)
                        .post("/api/v1/agreements/" + id + "/submit", Map.of())
                        .status())
                .isEqualTo(200);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }
}
