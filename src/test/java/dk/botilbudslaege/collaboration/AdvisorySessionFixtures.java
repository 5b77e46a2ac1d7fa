package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the session tests build through the API (the doctor, facility, agreement and logins of
 * {@link CollaborationFixtures}), and a session to log.
 */
final class AdvisorySessionFixtures extends CollaborationFixtures {

    static final String REGION_NORD = "region-nord";
    static final String AARHUS = "kommune-aarhus";
    static final String NATIONAL = "national";
    static final String ADMIN = "admin";
    static final String DEMO_DOCTOR = "laege-norddjurs";
    static final String SKOVSTJERNEN = "botilbud-skovstjernen";
    static final LocalDate START = LocalDate.of(2025, 7, 1);

    AdvisorySessionFixtures(Api api, Users users) {
        super(api, users);
    }

    long facility() {
        return facility(12, 12);
    }

    static Map<String, Object> session(LocalDate date, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date.toString());
        body.put("durationMinutes", minutes);
        body.put("kind", "TEACHING");
        body.put("format", "PHYSICAL");
        body.put("topic", "KOL");
        body.put("notes", "Inhalationsteknik for personalet");
        return body;
    }

    static String errorMessage(Api.Response answer, String field) {
        for (JsonNode error : answer.json().path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("message").asString();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + answer);
    }
}
