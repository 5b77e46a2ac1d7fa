package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;

/**
 * What the collaboration tests build through the API: a doctor in a Norddjurs practice of their own, a municipal
 * facility in Norddjurs, an active agreement between them (filed by Norddjurs Kommune, approved by Region
 * Midtjylland), and logins of their own for the doctor and the facility.
 */
class CollaborationFixtures {

    static final String REGION_MIDT = "region-midt";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String PASSWORD = "collaboration-test-secret";

    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(830_000);

    final Api api;
    private final Users users;

    CollaborationFixtures(Api api, Users users) {
        this.api = api;
        this.users = users;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long doctor() {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        practice.put("name", unique("Samarbejdsklinikken"));
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

    long facility(int places, int residents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Samarbejdshuset"));
        body.put("address", "Testvej 1, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", places);
        body.put("residents", residents);
        return created(api.as(REGION_MIDT).post("/api/v1/facilities", body));
    }

    /** Created and filed by Norddjurs Kommune, approved by Region Midtjylland, from this start date. */
    long active(long doctorId, long facilityId, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", start.toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        long id = created(api.as(NORDDJURS).post("/api/v1/agreements", body));
        Api.Response filed = api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit", Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
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

    /** A login of its own with the common test password ({@link Api#PASSWORD}), for the pages. */
    String pageUser(Role role, Long facilityId, Long doctorId) {
        String username = "side-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new Users.NewUser(username, Api.PASSWORD, "Testbruger", role, null, null, facilityId, doctorId));
        return username;
    }

    /** The fields named in a problem's errors, in order. */
    static List<String> fields(Api.Response answer) {
        return fields(answer.json());
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** The statuses of two calls started at the same moment (a race). */
    static List<Integer> twoAtOnce(IntSupplier call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return call.getAsInt();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> f : both) {
            statuses.add(f.get());
        }
        return statuses;
    }

    static long created(Api.Response answer) {
        assertThat(answer.status()).as("creating: %s", answer).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
