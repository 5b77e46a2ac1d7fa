package dk.botilbudslaege.coverage;

import static dk.botilbudslaege.coverage.CoverageFixtures.LEMVIG;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Breakdowns (C2), targets and the zero-list (C3), history, open data, access and bad input. */
@IntegrationTest
class CoverageApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @LocalServerPort
    int port;

    Api api;
    CoverageFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        fixtures = new CoverageFixtures(api);
    }

    JsonNode group(String by, String code) {
        for (JsonNode row : api.as("kommune-aarhus")
                .get("/api/v1/coverage/breakdown?regionCode=1082&by=" + by + "&date=" + DAY)
                .json()) {
            if (row.path("code").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError(by + " " + code);
    }

    @Test
    void the_breakdown_by_operator_counts_a_regional_facility_under_regional() {
        JsonNode before = group("OPERATOR", "REGIONAL");
        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 14), DAY.minusMonths(1));

        JsonNode after = group("OPERATOR", "REGIONAL");
        assertThat(after.path("name").asString()).isEqualTo("Regional");
        assertThat(after.path("inScopeFacilities").asLong()
                        - before.path("inScopeFacilities").asLong())
                .isEqualTo(1);
        assertThat(after.path("coveredFacilities").asLong()
                        - before.path("coveredFacilities").asLong())
                .isEqualTo(1);
        assertThat(after.path("coveredPlaces").asLong()
                        - before.path("coveredPlaces").asLong())
                .isEqualTo(14);
    }

    @Test
    void the_breakdown_by_legal_basis_shows_only_bases_in_scope() {
        fixtures.facility("SEL_107", 10);
        JsonNode before = group("LEGAL_BASIS", "ABL_105");
        fixtures.approved(fixtures.doctor(), fixtures.facility("ABL_105", 6), DAY);

        JsonNode after = group("LEGAL_BASIS", "ABL_105");
        assertThat(after.path("name").asString()).isEqualTo("ABL § 105");
        assertThat(after.path("coveredFacilities").asLong()
                        - before.path("coveredFacilities").asLong())
                .isEqualTo(1);
        assertThat(api.as("national")
                        .get("/api/v1/coverage/breakdown?by=LEGAL_BASIS&date=" + DAY)
                        .body())
                .doesNotContain("SEL_107");
    }

    @Test
    void the_breakdown_by_size_puts_30_places_among_the_small_and_31_among_the_large() {
        JsonNode small = group("SIZE", "UP_TO_30");
        JsonNode large = group("SIZE", "OVER_30");
        fixtures.facility("SEL_108", 30);
        fixtures.facility("SEL_108", 31);

        assertThat(group("SIZE", "UP_TO_30").path("inScopeFacilities").asLong())
                .isEqualTo(small.path("inScopeFacilities").asLong() + 1);
        assertThat(group("SIZE", "OVER_30").path("inScopeFacilities").asLong())
                .isEqualTo(large.path("inScopeFacilities").asLong() + 1);
        assertThat(group("SIZE", "OVER_30").path("name").asString()).isEqualTo("Over 30 pladser");
    }

    @Test
    void the_targets_count_toward_250_and_list_lemvig_at_zero() {
        JsonNode before =
                api.as("national").get("/api/v1/coverage/targets?date=" + DAY).json();
        fixtures.facility(LEMVIG, "REGIONAL", "SEL_108", 11);
        fixtures.approved(fixtures.doctor(), fixtures.facility("SEL_108", 7), DAY);

        JsonNode after =
                api.as("national").get("/api/v1/coverage/targets?date=" + DAY).json();
        // the target due next on or after a day counts (C3, a dated setting); later targets may follow
        JsonNode first = api.as("national")
                .get("/api/v1/coverage/targets?date=2025-11-14")
                .json();
        assertThat(first.path("targetFacilities").asInt()).isEqualTo(250);
        assertThat(first.path("targetDate").asString()).isEqualTo("2025-12-31");
        assertThat(after.path("coveredFacilities").asLong()
                        - before.path("coveredFacilities").asLong())
                .isEqualTo(1);
        assertThat(after.path("targetProgress").asDouble()).isBetween(0.0, 1.0);
        JsonNode lemvig = null;
        for (JsonNode zero : after.path("municipalitiesAtZero")) {
            if (zero.path("code").asString().equals(LEMVIG)) {
                lemvig = zero;
            }
        }
        assertThat(lemvig).isNotNull();
        assertThat(lemvig.path("name").asString()).isEqualTo("Lemvig");
        assertThat(lemvig.path("regionName").asString()).isEqualTo("Region Midtjylland");
        assertThat(after.path("municipalitiesWithFacilities").asLong())
                .isGreaterThanOrEqualTo(after.path("municipalitiesWithCoverage").asLong()
                        + after.path("municipalitiesAtZero").size());
        assertThat(after.path("residentsChoice").path("status").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(after.path("residentsChoice").path("share").isNull()).isTrue();
    }

    @Test
    void the_history_has_one_row_a_month_at_the_last_day_and_a_past_date_gives_the_past_figure() {
        JsonNode history = api.as("region-midt")
                .get("/api/v1/coverage/history?from=2025-01-15&to=2025-12-31&level=REGION&code=1082")
                .json();
        assertThat(history).hasSize(12);
        assertThat(history.get(0).path("date").asString()).isEqualTo("2025-01-31");
        assertThat(history.get(1).path("date").asString()).isEqualTo("2025-02-28");
        assertThat(history.get(11).path("date").asString()).isEqualTo("2025-12-31");
        JsonNode march = api.as("region-midt")
                .get("/api/v1/coverage?level=REGION&regionCode=1082&date=2025-03-31")
                .json()
                .get(0);
        assertThat(history.get(2).path("coveredFacilities").asLong())
                .isEqualTo(march.path("coveredFacilities").asLong());
        assertThat(history.get(2).path("inScopeFacilities").asLong())
                .isEqualTo(march.path("inScopeFacilities").asLong());
        assertThat(history.get(11).path("coveredFacilities").asLong())
                .isGreaterThan(history.get(2).path("coveredFacilities").asLong());

        LocalDate today = LocalDate.now(Coverage.DANISH_TIME);
        JsonNode current = api.as("national")
                .get("/api/v1/coverage/history?from=" + today.withDayOfMonth(1) + "&to=" + today)
                .json();
        assertThat(current).hasSize(1);
        assertThat(current.get(0).path("date").asString()).isEqualTo(today.toString());
        JsonNode samsoe = api.as("national")
                .get("/api/v1/coverage/history?from=2025-01-01&to=2025-02-01" + "&level=MUNICIPALITY&code=741")
                .json();
        assertThat(samsoe).hasSize(2);
    }

    @Test
    void the_municipality_table_is_open_data_as_danish_csv() throws Exception {
        var file = api.as("kommune-norddjurs").getBytes("/api/v1/coverage/municipalities.csv?date=" + DAY);
        assertThat(file.statusCode()).isEqualTo(200);
        byte[] body = file.body();
        assertThat(body[0] & 0xff).isEqualTo(0xEF);
        assertThat(body[1] & 0xff).isEqualTo(0xBB);
        assertThat(body[2] & 0xff).isEqualTo(0xBF);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(body, 3, body.length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertThat(records.get(0).get(1)).isEqualTo("Kommune");
        assertThat(records).hasSize(99);
        CSVRecord norddjurs =
                records.stream().filter(r -> r.get(0).equals("707")).findFirst().orElseThrow();
        assertThat(norddjurs.get(1)).isEqualTo("Norddjurs");
        assertThat(norddjurs.get(6)).matches("\\d+,\\d");
    }

    @Test
    void anonymous_callers_get_401_and_every_signed_in_role_reads_the_aggregates() {
        assertThat(api.get("/api/v1/coverage").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/coverage/history").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/reports/coverage.pdf").status()).isEqualTo(401);
        for (String user : List.of(
                "region-midt",
                "region-nord",
                "kommune-norddjurs",
                "kommune-aarhus",
                "botilbud-skovstjernen",
                "laege-norddjurs",
                "national")) {
            assertThat(api.as(user).get("/api/v1/coverage?level=MUNICIPALITY").status())
                    .as(user)
                    .isEqualTo(200);
            assertThat(api.as(user).get("/api/v1/coverage/targets").status())
                    .as(user)
                    .isEqualTo(200);
            assertThat(api.as(user).get("/api/v1/coverage/breakdown?by=SIZE").status())
                    .as(user)
                    .isEqualTo(200);
        }
    }

    @Test
    void bad_input_is_a_400_naming_the_field() {
        assertField(api.as("national").get("/api/v1/coverage?date=14-11-2025"), "date");
        assertField(api.as("national").get("/api/v1/coverage?date=2025-02-30"), "date");
        assertField(api.as("national").get("/api/v1/coverage?level=COUNTY"), "level");
        assertField(api.as("national").get("/api/v1/coverage?level=REGION&regionCode=9999"), "regionCode");
        assertField(api.as("national").get("/api/v1/coverage/history?from=2026-01-01&to=2025-01-01"), "from");
        assertField(api.as("national").get("/api/v1/coverage/history?from=2014-01-01&to=2025-01-01"), "to");
        assertField(api.as("national").get("/api/v1/coverage/history?level=REGION"), "code");
        assertField(api.as("national").get("/api/v1/coverage/history?level=MUNICIPALITY&code=999"), "code");
        assertField(api.as("national").get("/api/v1/coverage/breakdown?by=COLOUR"), "by");
        assertField(api.as("national").get("/api/v1/reports/coverage.pdf?regionCode=12"), "regionCode");
        Api.Response english =
                api.as("national").header("Accept-Language", "en").get("/api/v1/coverage?level=X");
        assertThat(english.json().path("errors").get(0).path("message").asString())
                .contains("NATIONAL");
    }

    private static void assertField(Api.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(answer.json().path("errors").get(0).path("message").asString())
                .isNotBlank();
    }
}
