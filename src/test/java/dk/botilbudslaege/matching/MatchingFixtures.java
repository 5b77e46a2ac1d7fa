package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Facilities, practices and doctors at chosen coordinates, made through the API, for matchmaking tests. */
public final class MatchingFixtures {

    /** Provider numbers of matchmaking tests: 860000 and up (other fixtures keep to their own ranges). */
    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(860_000);

    private final Api api;

    public MatchingFixtures(Api api) {
        this.api = api;
    }

    /** A municipal facility with its residents (places two more); {@code at} null: without coordinates. */
    public long facility(String user, String municipalityCode, int residents, double[] at, String legalBasis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Matchbo " + UUID.randomUUID().toString().substring(0, 8));
        body.put("address", "Matchvej 1");
        body.put("municipalityCode", municipalityCode);
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", legalBasis);
        body.put("places", residents + 2);
        body.put("residents", residents);
        located(body, at);
        return created(api.as(user).post("/api/v1/facilities", body));
    }

    /** An ordinary practice with its doctor capacities; {@code at} null: without coordinates. */
    public long practice(String user, String municipalityCode, int capacity, double[] at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        body.put("name", "Matchpraksis " + UUID.randomUUID().toString().substring(0, 8));
        body.put("address", "Matchvej 2");
        body.put("municipalityCode", municipalityCode);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", capacity);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        located(body, at);
        return created(api.as(user).post("/api/v1/practices", body));
    }

    public long doctor(String user, long practiceId, String name, boolean nursingHomeDoctor) {
        return created(api.as(user)
                .post(
                        "/api/v1/doctors",
                        Map.of("practiceId", practiceId, "name", name, "nursingHomeDoctor", nursingHomeDoctor)));
    }

    public long doctor(String user, long practiceId, boolean nursingHomeDoctor) {
        return doctor(
                user, practiceId, "Matchlæge " + UUID.randomUUID().toString().substring(0, 6), nursingHomeDoctor);
    }

    /** A point {@code north} and {@code east} kilometres from another, to 5 decimals as the registry keeps it. */
    public static double[] offset(double[] from, double north, double east) {
        double lat = from[0] + north / 111.195;
        double lon = from[1] + east / (111.195 * Math.cos(Math.toRadians(from[0])));
        return new double[] {Math.round(lat * 1e5) / 1e5, Math.round(lon * 1e5) / 1e5};
    }

    private static void located(Map<String, Object> body, double[] at) {
        if (at != null) {
            body.put("latitude", at[0]);
            body.put("longitude", at[1]);
        }
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }
}
