package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sick-visit tests build through the API (the doctor, facility, agreement and logins of
 * {@link CollaborationFixtures}), and a request to send.
 */
final class SickVisitScenarios extends CollaborationFixtures {

    SickVisitScenarios(Api api, Users users) {
        super(api, users);
    }

    long facility(int residents) {
        return facility(residents + 2, residents);
    }

    long agreement(long doctorId, long facilityId, LocalDate start) {
        return active(doctorId, facilityId, start);
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
}
