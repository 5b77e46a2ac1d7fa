package dk.botilbudslaege.coverage;

import static dk.botilbudslaege.coverage.CoverageFixtures.SAMSOE;
import static dk.botilbudslaege.coverage.CoverageSectionsApiTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline beside coverage (issue 11 item 10; seed 001: twelve agreements made, three of them
 * starting after the summer), as of the date asked, in the {@code GET /coverage} rows: agreements
 * made that start later ({@code startingLater}) and forms filed and waiting ({@code awaitingApproval}).
 * Each test compares Samsø's (and Region Midtjylland's) figures before and after its own rows.
 */
@IntegrationTest
class CoveragePipelineApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    Api api;
    CoverageFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new CoverageFixtures(api);
        today = Coverage.today();
    }

    /** Samsø's row on a date: [covered, startingLater, awaitingApproval]. */
    long[] samsoe(LocalDate date) {
        JsonNode row = row(
                api.as("kommune-aarhus")
                        .get("/api/v1/coverage?level=MUNICIPALITY&regionCode=1082&date=" + date)
                        .json(),
                SAMSOE);
        return figures(row);
    }

    long[] region(LocalDate date) {
        return figures(api.as("national")
                .get("/api/v1/coverage?level=REGION&regionCode=1082&date=" + date)
                .json()
                .get(0));
    }

    long[] nation(LocalDate date) {
        return figures(
                api.as("national").get("/api/v1/coverage?date=" + date).json().get(0));
    }

    static long[] figures(JsonNode row) {
        return new long[] {
            row.path("coveredFacilities").asLong(),
            row.path("startingLater").asLong(),
            row.path("awaitingApproval").asLong()
        };
    }

    static long[] minus(long[] after, long[] before) {
        return CoverageSectionsApiTest.minus(after, before);
    }

    @Test
    void an_approved_agreement_starting_next_month_starts_later_today_and_covers_from_its_start() {
        LocalDate start = today.plusMonths(1).withDayOfMonth(1);
        long[] todayBefore = samsoe(today), startBefore = samsoe(start), dayBefore = samsoe(start.minusDays(1));
        long[] regionBefore = region(today), nationBefore = nation(today);

        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 12), start);

        assertThat(minus(samsoe(today), todayBefore)).containsExactly(0, 1, 0);
        assertThat(minus(samsoe(start.minusDays(1)), dayBefore)).containsExactly(0, 1, 0);
        assertThat(minus(samsoe(start), startBefore)).containsExactly(1, 0, 0);
        assertThat(minus(region(today), regionBefore)).containsExactly(0, 1, 0);
        assertThat(minus(nation(today), nationBefore)).containsExactly(0, 1, 0);
    }

    @Test
    void a_filed_form_awaits_approval_from_its_filing_day_and_a_rejected_or_withdrawn_one_in_neither() {
        LocalDate start = today.plusMonths(2);
        long[] before = samsoe(today), yesterday = samsoe(today.minusDays(1)), regionBefore = region(today);

        fixtures.submitted(fixtures.doctor(), fixtures.facility("SEL_108", 8), start);
        long rejected = fixtures.submitted(fixtures.doctor(), fixtures.facility("SEL_108", 8), start);
        fixtures.ok(api.as("region-midt")
                .post("/api/v1/agreements/" + rejected + "/reject", Map.of("reason", "Mangler oplysninger")));
        long withdrawn = fixtures.submitted(fixtures.doctor(), fixtures.facility("ABL_105", 8), start);
        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + withdrawn + "/withdraw", ""));
        fixtures.draft(fixtures.doctor(), List.of(fixtures.facility("SEL_108", 8)), null, start);

        assertThat(minus(samsoe(today), before)).containsExactly(0, 0, 1);
        assertThat(minus(region(today), regionBefore)).containsExactly(0, 0, 1);
        // filed today: not yet on its way yesterday
        assertThat(minus(samsoe(today.minusDays(1)), yesterday)).containsExactly(0, 0, 0);
    }

    @Test
    void a_form_filed_and_decided_earlier_is_counted_as_it_stood_on_each_day() {
        // filed 2 November, approved 20 November, starting 1 December; another filed the same day, rejected 20 November
        LocalDate filed = LocalDate.of(2026, 11, 2),
                decided = LocalDate.of(2026, 11, 20),
                start = LocalDate.of(2026, 12, 1);
        long approved = fixtures.draft(fixtures.doctor(), List.of(fixtures.facility("SEL_108", 10)), null, start);
        long rejected = fixtures.draft(fixtures.doctor(), List.of(fixtures.facility("SEL_108", 10)), null, start);
        long withdrawn = fixtures.draft(fixtures.doctor(), List.of(fixtures.facility("SEL_108", 10)), null, start);
        LocalDate[] days = {filed.minusDays(1), filed, decided.minusDays(1), decided, start.minusDays(1), start};
        long[][] before = new long[days.length][];
        for (int i = 0; i < days.length; i++) {
            before[i] = samsoe(days[i]);
        }

        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + approved + "/submit", Map.of()));
        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + approved + "/approve", ""));
        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + rejected + "/submit", Map.of()));
        fixtures.ok(api.as("region-midt")
                .post(
                        "/api/v1/agreements/" + rejected + "/reject",
                        Map.of("reason", "Lægen har for langt til botilbuddet")));
        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + withdrawn + "/submit", Map.of()));
        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + withdrawn + "/withdraw", ""));
        // the register's own timestamps, moved back to the days of the story
        jdbc.sql("update information_form set filed_at = cast(:t as date) + time '09:00' where agreement_id in (:ids)")
                .param("t", filed)
                .param("ids", List.of(approved, rejected, withdrawn))
                .update();
        jdbc.sql("update agreement set decided_at = cast(:t as date) + time '14:00' where id in (:ids)")
                .param("t", decided)
                .param("ids", List.of(approved, rejected))
                .update();
        jdbc.sql("update agreement set updated_at = cast(:t as date) + time '14:00' where id = :id")
                .param("t", decided)
                .param("id", withdrawn)
                .update();

        long[][] expected = {
            {0, 0, 0}, // the day before filing
            {0, 0, 3}, // filed: three wait
            {0, 0, 3},
            {0, 1, 0}, // decided: one made, starting later; one rejected, one withdrawn
            {0, 1, 0},
            {1, 0, 0}
        }; // its start: covered
        for (int i = 0; i < days.length; i++) {
            assertThat(minus(samsoe(days[i]), before[i])).as(days[i].toString()).containsExactly(expected[i]);
        }
    }

    @Test
    void twelve_agreements_made_of_which_three_start_after_the_summer_as_in_seed_001() {
        // as Norddjurs in seed 001, one year on: two from 1 April, seven in spring and summer, three in the autumn
        LocalDate status = LocalDate.of(2027, 7, 1);
        List<String> starts = List.of(
                "2027-04-01",
                "2027-04-01",
                "2027-05-01",
                "2027-05-01",
                "2027-06-01",
                "2027-06-01",
                "2027-06-01",
                "2027-07-01",
                "2027-07-01",
                "2027-08-15",
                "2027-09-01",
                "2027-10-01");
        long[] atStatus = samsoe(status), now = samsoe(today);

        for (String start : starts) {
            fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 9), LocalDate.parse(start));
        }

        assertThat(minus(samsoe(status), atStatus)).containsExactly(9, 3, 0);
        assertThat(minus(samsoe(today), now)).containsExactly(0, 12, 0);
    }

    @Test
    void a_group_agreement_counts_once_in_its_municipality() {
        long a = fixtures.facility("SEL_108", 10);
        long b = fixtures.facility("ABL_105", 12);
        fixtures.group(a, b);
        LocalDate start = today.plusMonths(3);
        long[] before = samsoe(today);

        fixtures.approved(fixtures.doctor(), List.of(a, b), null, start);

        assertThat(minus(samsoe(today), before)).containsExactly(0, 1, 0);
    }
}
