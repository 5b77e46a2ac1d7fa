package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.web.DanishTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17: {@code GET /hours} reads the running agreements with one SQL text per level (a plain predicate,
 * so that PostgreSQL's generic plan after five executions stays fast). Each level still returns exactly its
 * scope's agreements, in the same order, as the former single text with {@code (:lvl = 'NATIONAL' or …)} did;
 * every level is asked more than five times, so the answers from the prepared statement's generic plan are
 * compared too.
 */
@IntegrationTest
class HoursScopeTest {

    /** The former text of {@code Hours.running}, the oracle. */
    static final String FORMER = """
            select id, region_code
              from agreement_overview
             where status in ('ACTIVE', 'NOTICE_GIVEN', 'ENDED')
               and start_date <= :day and (end_date is null or end_date >= :day)
               and (:lvl = 'NATIONAL'
                    or (:lvl = 'DOCTOR' and cast(doctor_id as varchar) = :c)
                    or (:lvl in ('REGION', 'MUNICIPALITY')
                        and (case when :lvl = 'REGION' then region_code else municipality_code end) = :c))
             order by municipality_name, unit_name, id
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void each_level_returns_exactly_its_scopes_agreements_in_the_same_order() {
        Api api = Api.on(port);
        assertRows(api.as("region-midt"), "?level=REGION&code=1082", "REGION", "1082");
        assertRows(api.as("region-midt"), "?level=MUNICIPALITY&code=707", "MUNICIPALITY", "707");
        assertRows(api.as("kommune-norddjurs"), "", "MUNICIPALITY", "707");
        Api doctor = api.as("laege-norddjurs");
        String doctorId = doctor.get("/api/v1/hours").json().path("code").asString();
        assertThat(doctorId).isNotBlank();
        assertRows(doctor, "", "DOCTOR", doctorId);
    }

    @Test
    void the_national_level_counts_every_running_agreement_once_per_region() {
        Map<String, Integer> expected = new TreeMap<>();
        for (Map<String, Object> row :
                jdbc.sql(FORMER).params(params("NATIONAL", "")).query().listOfRows()) {
            expected.merge((String) row.get("region_code"), 1, Integer::sum);
        }
        assertThat(expected).isNotEmpty();
        Api national = Api.on(port).as("national");
        for (int i = 0; i < 8; i++) {
            JsonNode answer = national.get("/api/v1/hours?level=NATIONAL").json();
            Map<String, Integer> byRegion = new TreeMap<>();
            for (JsonNode region : answer.path("regions")) {
                if (region.path("agreements").asInt() > 0) {
                    byRegion.put(
                            region.path("code").asString(),
                            region.path("agreements").asInt());
                }
            }
            assertThat(byRegion).as("call %d", i + 1).isEqualTo(expected);
            assertThat(answer.path("agreements").asInt())
                    .isEqualTo(expected.values().stream()
                            .mapToInt(Integer::intValue)
                            .sum());
        }
    }

    private void assertRows(Api user, String query, String level, String code) {
        List<Long> expected = jdbc.sql(FORMER)
                .params(params(level, code))
                .query((rs, n) -> rs.getLong("id"))
                .list();
        assertThat(expected).as(level + " " + code).isNotEmpty();
        for (int i = 0; i < 8; i++) {
            Api.Response answer = user.get("/api/v1/hours" + query);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            List<Long> ids = new ArrayList<>();
            for (JsonNode row : answer.json().path("rows")) {
                ids.add(row.path("agreementId").asLong());
            }
            assertThat(ids).as("%s %s, call %d", level, code, i + 1).isEqualTo(expected);
        }
    }

    private static Map<String, Object> params(String level, String code) {
        return Map.of("lvl", level, "c", code, "day", LocalDate.now(DanishTime.DENMARK));
    }
}
