package dk.botilbudslaege.settlement;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/budget} (SPEC F6 as rewritten in issue 11) on the demo data: the expected level is
 * 2 hours × 1,072.01 per covered facility, not 25,200 kr.; Region Midtjylland, whose demo agreements
 * include 3-hour ones for units over 30 residents, is flagged with that cause; a region with nothing
 * covered has no level and no flag.
 */
@IntegrationTest
class BudgetApiTest {

    @Autowired
    WebApplicationContext context;

    JsonNode region(JsonNode budget, String code) {
        for (JsonNode row : budget.path("regions")) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void the_expected_level_is_2_hours_at_the_rate_in_force_and_a_higher_level_is_flagged_with_its_cause() {
        Api.Response answer = Api.through(context).as("national").get("/api/v1/budget?year=2026");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode budget = answer.json();
        assertThat(budget.path("monthlyLevel").decimalValue()).isEqualByComparingTo("2144.02");
        assertThat(budget.path("expectedPerFacility").decimalValue()).isEqualByComparingTo("25728.24");

        JsonNode midt = region(budget, "1082");
        BigDecimal projected = midt.path("projected").decimalValue();
        BigDecimal expected = midt.path("expected").decimalValue();
        int covered = midt.path("coveredFacilities").asInt();
        assertThat(covered).isPositive();
        // no facility is expected to cost more than a full year at 2 hours
        assertThat(midt.path("expectedPerFacility").decimalValue())
                .isLessThanOrEqualTo(new BigDecimal("25728.24"))
                .isEqualByComparingTo(expected.divide(BigDecimal.valueOf(covered), 2, RoundingMode.HALF_UP));
        assertThat(midt.path("levelPercent").decimalValue())
                .isEqualByComparingTo(
                        projected.multiply(BigDecimal.valueOf(100)).divide(expected, 1, RoundingMode.HALF_UP));

        int threeHours = midt.path("threeHourAgreements").asInt();
        assertThat(threeHours)
                .as("Dolmerhave and other demo units over 30 residents pay 3 hours")
                .isPositive();
        assertThat(midt.path("overThirtyResidents").asInt()
                        + midt.path("dispensations").asInt())
                .isEqualTo(threeHours);
        assertThat(midt.path("aboveExpected").asBoolean()).isTrue();
        JsonNode flag = midt.path("flags").get(0);
        assertThat(flag.path("code").asString()).isEqualTo("ABOVE_LEVEL");
        assertThat(flag.path("message").asString())
                .contains(
                        "% af det forventede niveau",
                        threeHours + " aftaler betaler 3 timer eller mere",
                        midt.path("overThirtyResidents").asInt() + " fordi enheden har over 30 beboere");

        // a pace past the region's share of the frame is named with its month
        if (!midt.path("passesFrameIn").isNull()) {
            assertThat(projected).isGreaterThan(midt.path("frame").decimalValue());
            boolean passed = java.time.YearMonth.parse(
                            midt.path("passesFrameIn").asString())
                    .isBefore(java.time.YearMonth.now(dk.botilbudslaege.web.DanishTime.DENMARK));
            assertThat(midt.path("flags").toString())
                    .contains("PASSES_FRAME", passed ? "Udgiften har passeret rammen i" : "passerer udgiften rammen i");
        }

        JsonNode nord = region(budget, "1081");
        if (nord.path("coveredFacilities").asInt() == 0) {
            assertThat(nord.path("levelPercent").isNull()).isTrue();
            assertThat(nord.path("flags").size()).isZero();
        }
        JsonNode nation = budget.path("nation");
        assertThat(nation.path("frame").decimalValue()).isEqualByComparingTo("6300000.00");
        assertThat(nation.path("threeHourAgreements").asInt()).isGreaterThanOrEqualTo(threeHours);
    }

    @Test
    void regions_and_the_central_parties_read_the_budget_others_do_not() {
        assertThat(Api.through(context)
                        .as("region-nord")
                        .get("/api/v1/budget?year=2026")
                        .status())
                .isEqualTo(200);
        assertProblem(Api.through(context).as("kommune-norddjurs").get("/api/v1/budget?year=2026"), 403, "FORBIDDEN");
        Api.Response early = Api.through(context).as("national").get("/api/v1/budget?year=1999");
        assertProblem(early, 400, "VALIDATION_FAILED");
        assertThat(early.body()).contains("Året skal ligge fra 2025 til 2100.");
    }
}
