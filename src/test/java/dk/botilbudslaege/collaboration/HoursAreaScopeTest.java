package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: the hours overview picks a region's or a municipality's agreements by their unit's facility or group in
 * the area as well ({@link Hours#SCOPE}), which lets PostgreSQL narrow the agreements before the view's joins. The
 * same agreements as the area's own predicate, for every area and every unit kind: a facility, a section and a group.
 */
@IntegrationTest
class HoursAreaScopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_facilities_and_groups_of_an_area_pick_the_same_agreements_as_the_area() {
        Api api = Api.on(port);
        CollaborationFixtures given = new CollaborationFixtures(api, users);
        // a draft of a section and of a group in Norddjurs: drafts agree no hours, so no overview changes
        long facility = given.facility(80, 75);
        long section = CollaborationFixtures.created(api.as(CollaborationFixtures.REGION_MIDT)
                .post(
                        "/api/v1/facilities/" + facility + "/sections",
                        Map.of("name", CollaborationFixtures.unique("Afsnit"), "residents", 30)));
        long group = jdbc.sql("insert into facility_group (name, kind, municipality_code)"
                        + " values (:n, 'SAME_ADDRESS', '707') returning id")
                .param("n", CollaborationFixtures.unique("Gruppen"))
                .query(Long.class)
                .single();
        long first = given.facility(10, 6);
        long second = given.facility(10, 7);
        join(api, first, group);
        join(api, second, group);
        Map<String, Object> sectionAgreement = draft(given.doctor(), List.of(facility));
        sectionAgreement.put("sectionId", section);
        long ofSection = CollaborationFixtures.created(
                api.as(CollaborationFixtures.NORDDJURS).post("/api/v1/agreements", sectionAgreement));
        Api.Response groupAnswer = api.as(CollaborationFixtures.NORDDJURS)
                .post("/api/v1/agreements", draft(given.doctor(), List.of(first, second)));
        long ofGroup = CollaborationFixtures.created(groupAnswer);
        assertThat(groupAnswer.json().path("unitKind").asString()).isEqualTo("GROUP");

        for (String level : List.of("REGION", "MUNICIPALITY")) {
            String column = level.equals("REGION") ? "region_code" : "municipality_code";
            List<String> areas = jdbc.sql("select distinct " + column + " from agreement_overview")
                    .query(String.class)
                    .list();
            assertThat(areas).contains(level.equals("REGION") ? "1082" : "707");
            for (String area : areas) {
                Set<Long> plain = ids("where " + column + " = :c", area);
                assertThat(ids("where true " + Hours.SCOPE.get(level), area))
                        .as("%s %s", level, area)
                        .isEqualTo(plain);
                if (area.equals("707") || area.equals("1082")) {
                    assertThat(plain).contains(ofSection, ofGroup);
                }
            }
        }
    }

    private Set<Long> ids(String where, String area) {
        return new HashSet<>(jdbc.sql("select id from agreement_overview " + where)
                .param("c", area)
                .query(Long.class)
                .list());
    }

    private static Map<String, Object> draft(long doctorId, List<Long> facilityIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", facilityIds);
        body.put("startDate", LocalDate.of(2025, 5, 1).toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        return body;
    }

    @SuppressWarnings("unchecked")
    private static void join(Api api, long facilityId, long groupId) {
        Api.Response read = api.as(CollaborationFixtures.REGION_MIDT).get("/api/v1/facilities/" + facilityId);
        Map<String, Object> body = JSON.readValue(read.body(), LinkedHashMap.class);
        body.put("groupId", groupId);
        Api.Response answer = api.as(CollaborationFixtures.REGION_MIDT).put("/api/v1/facilities/" + facilityId, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
