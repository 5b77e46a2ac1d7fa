package dk.botilbudslaege.settlement;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * F1: the hourly rate is national and kept by the administrator (SPEC §1, issue 10 item 1): no other
 * role adds, corrects or removes a row, and no row reaches into a month any region has approved. Rows
 * added here start years ahead, so that no other test's money changes; the approved month is
 * Nordjylland's July 2025, which no other test uses.
 */
@IntegrationTest
class RatesApiTest {

    static final String APPROVED_MONTH = "2025-07";

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context); // no socket needed: rules and authorisation, not transport
    }

    /** A region approves July 2025 (once; approving twice is refused as locked). */
    void nordjyllandApprovesJuly() {
        api.as("region-nord").post("/api/v1/settlements/" + APPROVED_MONTH + "/run", Map.of());
        Api.Response approved =
                api.as("region-nord").post("/api/v1/settlements/" + APPROVED_MONTH + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isIn(200, 409);
        assertThat(api.as("region-nord")
                        .get("/api/v1/settlements/" + APPROVED_MONTH)
                        .json()
                        .path("locked")
                        .asBoolean())
                .isTrue();
    }

    JsonNode row(String validFrom) {
        for (JsonNode rate : api.as("region-midt").get("/api/v1/rates").json()) {
            if (rate.path("validFrom").asString().equals(validFrom)) {
                return rate;
            }
        }
        return null;
    }

    @Test
    void only_the_administrator_adds_a_rate_every_other_role_gets_403() {
        for (String user : new String[] {
            "region-midt", "region-nord", "kommune-norddjurs", "laege-norddjurs", "botilbud-skovstjernen", "national"
        }) {
            assertProblem(
                    api.as(user).post("/api/v1/rates", Map.of("validFrom", "2034-04-01", "hourlyRate", 1150)),
                    403,
                    "FORBIDDEN");
        }
        assertThat(row("2034-04-01")).isNull();

        Api.Response added =
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2034-04-01", "hourlyRate", 1150.25));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(row("2034-04-01").path("hourlyRate").decimalValue()).isEqualByComparingTo("1150.25");
    }

    @Test
    void a_rate_in_a_month_a_region_has_approved_is_refused_with_rate_in_locked_month() {
        nordjyllandApprovesJuly();

        JsonNode inside = assertProblem(
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2025-07-15", "hourlyRate", 1100)),
                422,
                "RATE_IN_LOCKED_MONTH");
        assertThat(inside.path("errors").get(0).path("field").asString()).isEqualTo("validFrom");
        assertThat(inside.path("detail").asString()).contains("07-2025");
        // a row before it reaches it too: its rate would run on into the approved month
        assertProblem(
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2025-06-01", "hourlyRate", 1100)),
                422,
                "RATE_IN_LOCKED_MONTH");
        assertThat(row("2025-07-15")).isNull();
        assertThat(row("2025-06-01")).isNull();
    }

    @Test
    void a_backdated_rate_of_one_krone_is_refused_for_everyone() {
        assertProblem(
                api.as("region-midt").post("/api/v1/rates", Map.of("validFrom", "2025-03-01", "hourlyRate", 1.00)),
                403,
                "FORBIDDEN");
        JsonNode refused = assertProblem(
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2025-03-01", "hourlyRate", 1.00)),
                400,
                "VALIDATION_FAILED");
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("hourlyRate");
        assertThat(row("2025-03-01")).isNull();
    }

    @Test
    void dates_and_amounts_have_sane_bounds_and_every_bad_field_is_named() {
        JsonNode both = assertProblem(
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2099-01-01", "hourlyRate", 100_000.01)),
                400,
                "VALIDATION_FAILED");
        assertThat(both.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("validFrom", "hourlyRate");
        assertProblem(
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2019-01-01", "hourlyRate", 1100)),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2036-01-01", "hourlyRate", 1100.123)),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void the_administrator_corrects_and_removes_a_wrong_future_row() {
        assertThat(api.as("admin")
                        .post("/api/v1/rates", Map.of("validFrom", "2035-01-01", "hourlyRate", 12100))
                        .status())
                .isEqualTo(201);

        assertProblem(
                api.as("region-midt").put("/api/v1/rates/2035-01-01", Map.of("hourlyRate", 1210)), 403, "FORBIDDEN");
        Api.Response corrected = api.as("admin").put("/api/v1/rates/2035-01-01", Map.of("hourlyRate", 1210.50));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(row("2035-01-01").path("hourlyRate").decimalValue()).isEqualByComparingTo("1210.50");

        Api.Response moved = api.as("admin")
                .put("/api/v1/rates/2035-01-01", Map.of("validFrom", "2035-02-01", "hourlyRate", 1210.50));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(row("2035-01-01")).isNull();
        assertThat(row("2035-02-01")).isNotNull();

        assertProblem(api.as("region-midt").delete("/api/v1/rates/2035-02-01"), 403, "FORBIDDEN");
        assertThat(api.as("admin").delete("/api/v1/rates/2035-02-01").status()).isEqualTo(204);
        assertThat(row("2035-02-01")).isNull();
        assertProblem(api.as("admin").delete("/api/v1/rates/2035-02-01"), 404, "NOT_FOUND");

        assertThat(jdbc.sql("select actor || ' ' || action from audit_event where entity_type = 'RATE'"
                                + " and entity_id in ('2035-01-01', '2035-02-01') order by id")
                        .query(String.class)
                        .list())
                .containsExactly("admin CREATED", "admin CORRECTED", "admin CORRECTED", "admin REMOVED");
    }

    @Test
    void a_row_that_touches_an_approved_month_can_be_neither_removed_nor_corrected() {
        // two rows at the rate already in force, so that no other test's money changes
        jdbc.sql("""
                insert into hourly_rate (valid_from, hourly_rate) values (date '2025-07-01', 1072.01),
                                                                      (date '2025-08-01', 1072.01)
                on conflict do nothing""").update();
        nordjyllandApprovesJuly();

        assertProblem(api.as("admin").delete("/api/v1/rates/2025-07-01"), 422, "RATE_IN_LOCKED_MONTH");
        assertProblem(
                api.as("admin").put("/api/v1/rates/2025-07-01", Map.of("hourlyRate", 1.5e3)),
                422,
                "RATE_IN_LOCKED_MONTH");
        assertProblem(api.as("admin").delete("/api/v1/rates/2024-04-01"), 422, "RATE_FIRST_ROW");
        assertThat(row("2025-07-01").path("hourlyRate").decimalValue()).isEqualByComparingTo("1072.01");
    }
}
