package dk.botilbudslaege.coverage;

import static dk.botilbudslaege.coverage.CoverageFixtures.SAMSOE;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Sections (SPEC R4, seed 004: "større botilbud som opdeles i ét eller flere afsnit/afdelinger á
 * minimum 30 beboere"; issue 11 item 9) through {@code GET /coverage}: a facility with some sections
 * covered is covered for C1 and partly covered on its own, with the covered sections' places only.
 * Each test compares Samsø's figures before and after its own rows.
 */
@IntegrationTest
class CoverageSectionsApiTest {

    static final LocalDate START = LocalDate.of(2027, 2, 1);

    @Autowired
    WebApplicationContext context;

    Api api;
    CoverageFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new CoverageFixtures(api);
    }

    /** Samsø's row on a date: [inScope, covered, places, coveredPlaces, partlyCovered]. */
    long[] samsoe(LocalDate date) {
        JsonNode row = row(
                api.as("national")
                        .get("/api/v1/coverage?level=MUNICIPALITY&regionCode=1082&date=" + date)
                        .json(),
                SAMSOE);
        return new long[] {
            row.path("inScopeFacilities").asLong(),
            row.path("coveredFacilities").asLong(),
            row.path("places").asLong(),
            row.path("coveredPlaces").asLong(),
            row.path("partlyCoveredFacilities").asLong()
        };
    }

    static JsonNode row(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    static long[] minus(long[] after, long[] before) {
        long[] d = new long[after.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    @Test
    void a_facility_with_one_of_two_sections_covered_is_partly_covered_with_that_sections_places() {
        long facility = fixtures.facility("SEL_108", 70, 64);
        long north = fixtures.section(facility, "Afsnit Nord", 34);
        fixtures.section(facility, "Afsnit Syd", 30);
        long[] before = samsoe(START), dayBefore = samsoe(START.minusDays(1));

        fixtures.approved(fixtures.doctor(), List.of(facility), north, START);

        // covered +1 (C1 unchanged); partly +1; covered places: the section's 34 of the facility's 70
        assertThat(minus(samsoe(START), before)).containsExactly(0, 1, 0, 34, 1);
        assertThat(minus(samsoe(START.minusDays(1)), dayBefore)).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void a_facility_with_both_sections_covered_is_covered_with_all_its_places() {
        long facility = fixtures.facility("SEL_108", 70, 64);
        long north = fixtures.section(facility, "Afsnit Nord", 34);
        long south = fixtures.section(facility, "Afsnit Syd", 30);
        long[] before = samsoe(START);
        LocalDate later = START.plusMonths(2);
        long[] beforeLater = samsoe(later);
        long[] beforeDayBefore = samsoe(later.minusDays(1));

        fixtures.approved(fixtures.doctor(), List.of(facility), north, START);
        fixtures.approved(fixtures.doctor(), List.of(facility), south, later);

        assertThat(minus(samsoe(START), before)).containsExactly(0, 1, 0, 34, 1);
        assertThat(minus(samsoe(later.minusDays(1)), beforeDayBefore)).containsExactly(0, 1, 0, 34, 1);
        // from the second section's start both have a doctor: covered, not partly, all 70 places
        assertThat(minus(samsoe(later), beforeLater)).containsExactly(0, 1, 0, 70, 0);
    }

    @Test
    void the_region_and_the_nation_count_partly_covered_facilities_too() {
        long facility = fixtures.facility("ABL_105", 90, 90);
        long first = fixtures.section(facility, "Afdeling 1", 30);
        fixtures.section(facility, "Afdeling 2", 30);
        fixtures.section(facility, "Afdeling 3", 30);
        JsonNode regionBefore = api.as("national")
                .get("/api/v1/coverage?level=REGION&regionCode=1082&date=" + START)
                .json()
                .get(0);
        JsonNode nationBefore =
                api.as("national").get("/api/v1/coverage?date=" + START).json().get(0);
        JsonNode sizeBefore = row(
                api.as("national")
                        .get("/api/v1/coverage/breakdown?by=SIZE&date=" + START)
                        .json(),
                "OVER_30");

        fixtures.approved(fixtures.doctor(), List.of(facility), first, START);

        JsonNode region = api.as("national")
                .get("/api/v1/coverage?level=REGION&regionCode=1082&date=" + START)
                .json()
                .get(0);
        JsonNode nation =
                api.as("national").get("/api/v1/coverage?date=" + START).json().get(0);
        JsonNode size = row(
                api.as("national")
                        .get("/api/v1/coverage/breakdown?by=SIZE&date=" + START)
                        .json(),
                "OVER_30");
        for (JsonNode[] pair :
                List.of(new JsonNode[] {region, regionBefore}, new JsonNode[] {nation, nationBefore}, new JsonNode[] {
                    size, sizeBefore
                })) {
            assertThat(pair[0].path("partlyCoveredFacilities").asLong()
                            - pair[1].path("partlyCoveredFacilities").asLong())
                    .isEqualTo(1);
            assertThat(pair[0].path("coveredFacilities").asLong()
                            - pair[1].path("coveredFacilities").asLong())
                    .isEqualTo(1);
            assertThat(pair[0].path("coveredPlaces").asLong()
                            - pair[1].path("coveredPlaces").asLong())
                    .isEqualTo(30);
        }
    }

    @Test
    void the_history_counts_the_covered_sections_places() {
        long facility = fixtures.facility("SEL_108", 64, 64);
        long north = fixtures.section(facility, "Afsnit Nord", 32);
        fixtures.section(facility, "Afsnit Syd", 32);
        String url = "/api/v1/coverage/history?from=" + START + "&to=" + START.plusMonths(1)
                + "&level=MUNICIPALITY&code=" + SAMSOE;
        JsonNode before = api.as("national").get(url).json();

        fixtures.approved(fixtures.doctor(), List.of(facility), north, START);

        JsonNode after = api.as("national").get(url).json();
        assertThat(after.get(0).path("coveredPlaces").asLong()
                        - before.get(0).path("coveredPlaces").asLong())
                .isEqualTo(32);
        assertThat(after.get(0).path("coveredFacilities").asLong()
                        - before.get(0).path("coveredFacilities").asLong())
                .isEqualTo(1);
    }

    @Test
    void a_section_added_to_a_covered_facility_shows_at_once_though_the_answer_was_cached() {
        long facility = fixtures.facility("SEL_108", 100, 100);
        long north = fixtures.section(facility, "Afsnit Nord", 34);
        long south = fixtures.section(facility, "Afsnit Syd", 34);
        fixtures.approved(fixtures.doctor(), List.of(facility), north, START);
        fixtures.approved(fixtures.doctor(), List.of(facility), south, START);
        long[] cached = samsoe(START);

        // only facility_section changes (V15): the cached answer must not be served
        fixtures.section(facility, "Afsnit Vest", 30);

        assertThat(minus(samsoe(START), cached)).containsExactly(0, 0, 0, 68 - 100, 1);
    }
}
