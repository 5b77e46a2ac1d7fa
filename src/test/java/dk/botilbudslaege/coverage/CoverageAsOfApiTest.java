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
 * C1 through the API: a facility counts as covered on a date when an approved agreement covering it
 * is in force that day. Each test compares Samsø's figures before and after its own rows.
 */
@IntegrationTest
class CoverageAsOfApiTest {

    static final LocalDate START = LocalDate.of(2026, 2, 1);

    @Autowired
    WebApplicationContext context;

    Api api;
    CoverageFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new CoverageFixtures(api);
    }

    long[] samsoe(LocalDate date) {
        return municipality(SAMSOE, date);
    }

    /** A municipality's row on a date: [inScope, covered, places, coveredPlaces]. */
    long[] municipality(String code, LocalDate date) {
        for (JsonNode row : api.as("national")
                .get("/api/v1/coverage?level=MUNICIPALITY&regionCode=1082&date=" + date)
                .json()) {
            if (row.path("code").asString().equals(code)) {
                return new long[] {
                    row.path("inScopeFacilities").asLong(),
                    row.path("coveredFacilities").asLong(),
                    row.path("places").asLong(),
                    row.path("coveredPlaces").asLong()
                };
            }
        }
        throw new AssertionError("no row for " + code);
    }

    long covered(LocalDate date) {
        return samsoe(date)[1];
    }

    @Test
    void the_start_day_counts_and_the_day_before_does_not() {
        LocalDate start = LocalDate.of(2027, 3, 15);
        long before = covered(start), dayBefore = covered(start.minusDays(1));
        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 12), start);

        assertThat(covered(start)).isEqualTo(before + 1);
        assertThat(covered(start.minusDays(1))).isEqualTo(dayBefore);
    }

    @Test
    void the_end_day_counts_and_the_day_after_does_not() {
        // notice is the facility side's (its municipality), so this one is a municipal facility in Norddjurs;
        // it is dated today (a notice may be at most 30 days old), so its end lies ahead (SPEC §3)
        LocalDate today = LocalDate.now(dk.botilbudslaege.web.DanishTime.DENMARK);
        LocalDate end = dk.botilbudslaege.agreement.NoticePeriod.endDate(today);
        long onEnd = municipality("707", end)[1], after = municipality("707", end.plusDays(1))[1];
        long facility = fixtures.facility("707", "MUNICIPAL", "ABL_105", 9);
        long agreement = fixtures.approvedBy("kommune-norddjurs", fixtures.doctor(), facility, START);

        assertThat(fixtures.notice("kommune-norddjurs", agreement, today)).isEqualTo(end);
        assertThat(municipality("707", end)[1]).isEqualTo(onEnd + 1);
        assertThat(municipality("707", end.plusDays(1))[1]).isEqualTo(after);
    }

    @Test
    void a_facility_counts_by_places_as_well() {
        long[] before = samsoe(START);
        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 17), START);
        fixtures.facility("SEL_108", 5);

        long[] after = samsoe(START);
        assertThat(after[0] - before[0]).isEqualTo(2);
        assertThat(after[1] - before[1]).isEqualTo(1);
        assertThat(after[2] - before[2]).isEqualTo(22);
        assertThat(after[3] - before[3]).isEqualTo(17);
    }

    @Test
    void drafts_filed_rejected_and_withdrawn_agreements_never_count() {
        long doctor = fixtures.doctor();
        long[] before = samsoe(START);
        fixtures.draft(doctor, List.of(fixtures.facility("SEL_108", 8)), null, START);
        fixtures.submitted(fixtures.doctor(), fixtures.facility("SEL_108", 8), START);
        long rejected = fixtures.submitted(fixtures.doctor(), fixtures.facility("SEL_108", 8), START);
        fixtures.ok(api.as("region-midt")
                .post("/api/v1/agreements/" + rejected + "/reject", java.util.Map.of("reason", "Mangler oplysninger")));
        long withdrawn = fixtures.submitted(fixtures.doctor(), fixtures.facility("SEL_108", 8), START);
        fixtures.ok(api.as("region-midt").post("/api/v1/agreements/" + withdrawn + "/withdraw", ""));

        long[] after = samsoe(START);
        assertThat(after[0] - before[0]).isEqualTo(4);
        assertThat(after[1]).isEqualTo(before[1]);
    }

    @Test
    void a_facility_whose_legal_basis_is_not_in_scope_never_counts() {
        long[] before = samsoe(START);
        fixtures.facility("SEL_107", 20);

        long[] after = samsoe(START);
        assertThat(after[0]).isEqualTo(before[0]);
        assertThat(after[2]).isEqualTo(before[2]);
    }

    @Test
    void a_section_agreement_covers_its_facility() {
        long facility = fixtures.facility("SEL_108", 64);
        long section = fixtures.section(facility, "Afsnit Nord", 32);
        fixtures.section(facility, "Afsnit Syd", 32);
        long before = covered(START);

        fixtures.approved(fixtures.doctor(), List.of(facility), section, START);

        assertThat(covered(START)).isEqualTo(before + 1);
    }

    @Test
    void a_group_agreement_covers_every_member() {
        long a = fixtures.facility("SEL_108", 10);
        long b = fixtures.facility("ABL_105", 12);
        fixtures.group(a, b);
        long[] before = samsoe(START);

        fixtures.approved(fixtures.doctor(), List.of(a, b), null, START);

        long[] after = samsoe(START);
        assertThat(after[1] - before[1]).isEqualTo(2);
        assertThat(after[3] - before[3]).isEqualTo(22);
    }

    @Test
    void the_national_and_regional_rows_follow_the_municipal_ones() {
        LocalDate day = LocalDate.of(2026, 5, 1);
        JsonNode national =
                api.as("national").get("/api/v1/coverage?date=" + day).json();
        JsonNode regions = api.as("national")
                .get("/api/v1/coverage?level=REGION&date=" + day)
                .json();
        assertThat(national).hasSize(1);
        assertThat(national.get(0).path("code").asString()).isEqualTo("DK");
        assertThat(national.get(0).path("name").asString()).isEqualTo("Danmark");
        assertThat(regions).hasSize(5);
        long sum = 0;
        for (JsonNode region : regions) {
            sum += region.path("coveredFacilities").asLong();
        }
        assertThat(sum).isEqualTo(national.get(0).path("coveredFacilities").asLong());
        JsonNode midt = api.as("national")
                .get("/api/v1/coverage?level=REGION&regionCode=1082&date=" + day)
                .json();
        assertThat(midt).hasSize(1);
        double coverage = midt.get(0).path("coverage").asDouble();
        assertThat(coverage).isBetween(0.0, 1.0);
        assertThat(coverage)
                .isCloseTo(
                        (double) midt.get(0).path("coveredFacilities").asLong()
                                / midt.get(0).path("inScopeFacilities").asLong(),
                        org.assertj.core.data.Offset.offset(0.0001));
        JsonNode narrowed = api.as("national")
                .get("/api/v1/coverage?level=NATIONAL&regionCode=1081&date=" + day)
                .json();
        assertThat(narrowed.get(0).path("code").asString()).isEqualTo("DK");
        assertThat(narrowed.get(0).path("inScopeFacilities").asLong())
                .isEqualTo(national.get(0).path("inScopeFacilities").asLong());
        JsonNode nord = api.as("national")
                .get("/api/v1/coverage?level=REGION&regionCode=1081&date=" + day)
                .json();
        assertThat(nord.get(0).path("coverage").asDouble()).isZero();
    }
}
