package dk.botilbudslaege.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Rows and requests the registry API tests share. Every test makes its own rows with unique names
 * (the demo data and other tests share the database), and looks demo rows up by name, never by id.
 */
final class RegistryFixtures {

    /** The demo users (API.md), password "demo". */
    static final String REGION_MIDT = "region-midt";

    static final String REGION_NORD = "region-nord";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String AARHUS = "kommune-aarhus";
    static final String SKOVSTJERNEN = "botilbud-skovstjernen";
    static final String DOCTOR = "laege-norddjurs";
    static final String NATIONAL = "national";

    /** Municipality codes: Norddjurs, Aarhus and Samsø in Region Midtjylland; Aalborg in Region Nordjylland. */
    static final String NORDDJURS_CODE = "707";

    static final String AARHUS_CODE = "751";
    static final String SAMSOE_CODE = "741";
    static final String AALBORG_CODE = "851";
    static final String MIDTJYLLAND = "1082";
    static final String NORDJYLLAND = "1081";

    /** The demo doctor's practice and a neighbouring one, both in Norddjurs. */
    static final String OWN_PRACTICE_PROVIDER = "070101";

    static final String OTHER_PRACTICE_PROVIDER = "070102";

    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(900_000);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RegistryFixtures() {}

    /** A name no other row has: the prefix and a random suffix. */
    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A 6-digit provider number far from the demo data's (070xxx, 1xxxxx), unique within the test run. */
    static String providerNumber() {
        return String.valueOf(PROVIDER_NUMBERS.incrementAndGet());
    }

    static Map<String, Object> facility(String name, String municipalityCode, String operator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Prøvevej 1, 8500 Grenaa");
        body.put("municipalityCode", municipalityCode);
        body.put("operator", operator);
        body.put("legalBasis", "SEL_108");
        body.put("places", 20);
        body.put("residents", 18);
        body.put("temporaryPlaces", 1);
        body.put("latitude", 56.41);
        body.put("longitude", 10.87);
        return body;
    }

    static Map<String, Object> facility(
            String name, String municipalityCode, String operator, int places, int residents) {
        Map<String, Object> body = facility(name, municipalityCode, operator);
        body.put("places", places);
        body.put("residents", residents);
        return body;
    }

    static Map<String, Object> practice(String providerNumber, String name, String municipalityCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", providerNumber);
        body.put("name", name);
        body.put("address", "Lægevej 2, 8500 Grenaa");
        body.put("municipalityCode", municipalityCode);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", 2);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", false);
        body.put("latitude", 56.42);
        body.put("longitude", 10.88);
        return body;
    }

    static Map<String, Object> doctor(long practiceId, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practiceId", practiceId);
        body.put("name", name);
        body.put("nursingHomeDoctor", false);
        return body;
    }

    /** The body of a GET as a mutable map, ready to be changed and PUT back. */
    static Map<String, Object> editable(Api.Response read) {
        assertThat(read.status()).as("reading before editing: %s", read).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body =
                tools.jackson.databind.json.JsonMapper.builder().build().readValue(read.body(), LinkedHashMap.class);
        return body;
    }

    static long createdId(Api.Response created) {
        assertThat(created.status()).as("creating: %s", created).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    static long createFacility(Api api, String user, Map<String, Object> body) {
        return createdId(api.as(user).post("/api/v1/facilities", body));
    }

    static long createPractice(Api api, String user, Map<String, Object> body) {
        return createdId(api.as(user).post("/api/v1/practices", body));
    }

    static long createDoctor(Api api, String user, Map<String, Object> body) {
        return createdId(api.as(user).post("/api/v1/doctors", body));
    }

    /** A demo facility by its exact name, looked up by the region. */
    static long demoFacilityId(Api api, String name, String municipalityCode) {
        JsonNode content = api.as(REGION_MIDT)
                .get("/api/v1/facilities?size=2000&municipalityCode=" + municipalityCode + "&q=" + encode(name))
                .json()
                .path("content");
        for (JsonNode row : content) {
            if (row.path("name").asString().equals(name)) {
                return row.path("id").asLong();
            }
        }
        throw new IllegalStateException("demo facility not found: " + name);
    }

    /** A practice by its provider number, looked up by the region. */
    static long practiceId(Api api, String providerNumber) {
        JsonNode content = api.as(REGION_MIDT)
                .get("/api/v1/practices?q=" + providerNumber)
                .json()
                .path("content");
        for (JsonNode row : content) {
            if (row.path("providerNumber").asString().equals(providerNumber)) {
                return row.path("id").asLong();
            }
        }
        throw new IllegalStateException("practice not found: " + providerNumber);
    }

    /** The ids of the doctors of a practice. */
    static List<Long> doctorIds(Api api, long practiceId) {
        List<Long> ids = new ArrayList<>();
        api.as(REGION_MIDT)
                .get("/api/v1/doctors?practiceId=" + practiceId)
                .json()
                .path("content")
                .forEach(row -> ids.add(row.path("id").asLong()));
        return ids;
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * An RFC 9457 answer with this status and code, and the fields every problem has: status, title,
     * detail and code; never a stack trace.
     */
    static JsonNode assertProblem(Api.Response answer, int status, String code) {
        return dk.botilbudslaege.support.Problems.assertProblem(answer, status, code);
    }

    /** The fields named in a problem's {@code errors}. */
    static List<String> errorFields(Api.Response answer) {
        List<String> fields = new ArrayList<>();
        answer.json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    /** The message given for one field of a problem's {@code errors}. */
    static String errorMessage(Api.Response answer, String field) {
        for (JsonNode error : answer.json().path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + answer);
    }

    /** An answer with its headers, for what {@link Api} does not cover: any method, header or body. */
    record Raw(int status, String body, HttpHeaders headers) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        Api.Response response() {
            return new Api.Response(status, body, contentType());
        }
    }

    /**
     * Sends any request to the application; {@code user} null is anonymous.
     *
     * @param headers name/value pairs
     */
    static Raw send(
            int port, String method, String path, String user, String password, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response =
                    CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Raw(response.statusCode(), response.body(), response.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
