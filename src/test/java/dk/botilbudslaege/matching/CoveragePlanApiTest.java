package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.matching.solver.Haversine;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/matching/coverage-plan} (API.md, SPEC §6 M4) through the API: the most facilities,
 * then the most residents, then the least distance, within the distance and under R1-R3 and the
 * dispensations; the what-if; who may ask; bad input.
 *
 * <p>The shared database holds the demo data of Region Midtjylland and other tests' rows, so a plan over
 * Norddjurs (707) is not this test's alone. The tests in 707 put their own practices and facilities on a
 * spot of their own far out in the Baltic (the coordinates need not lie in the municipality) and look
 * only at their own rows; a plan within 5 km of a spot reaches nothing else. The sums of a whole plan are
 * checked in Læsø (825, Region Nordjylland), where the demo data has nothing and no other test makes rows.
 */
@IntegrationTest
class CoveragePlanApiTest {

    static final String PLAN = "/api/v1/matching/coverage-plan";
    static final String REGION_MIDT = "region-midt";
    static final String REGION_NORD = "region-nord";
    static final String NORDDJURS = "kommune-norddjurs";
    static final String NORDDJURS_CODE = "707";
    static final String LAESOE_CODE = "825";

    /** Each test in 707 takes its own spot, at least 25 km from every other spot and from any demo row. */
    private static final AtomicInteger SPOTS = new AtomicInteger();

    @Autowired
    WebApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    // ---- rows of the test's own ---------------------------------------------------------------------

    /** A point in the sea between Rügen and Bornholm, its own for one test. */
    static double[] spot() {
        int i = SPOTS.getAndIncrement();
        return new double[] {54.62 + 0.25 * (i % 4), 12.4 + 0.5 * (i / 4)};
    }

    /** A point {@code north} km north and {@code east} km east of {@code from} (near enough for a few km). */
    static double[] offset(double[] from, double north, double east) {
        double lat = from[0] + north / 111.195;
        double lon = from[1] + east / (111.195 * Math.cos(Math.toRadians(from[0])));
        return new double[] {round5(lat), round5(lon)};
    }

    /** Coordinates as the database keeps them (numeric(8, 5)). */
    static double round5(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(5, RoundingMode.HALF_UP).doubleValue();
    }

    static double km(double[] a, double[] b) {
        return Haversine.km(a[0], a[1], b[0], b[1]);
    }

    static double oneDecimal(double km) {
        return BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    long facility(String user, String municipalityCode, int residents, double[] at) {
        return new MatchingFixtures(api).facility(user, municipalityCode, residents, at, "SEL_108");
    }

    long practice(String user, String municipalityCode, int capacity, double[] at) {
        return new MatchingFixtures(api).practice(user, municipalityCode, capacity, at);
    }

    long doctor(String user, long practiceId, boolean nursingHomeDoctor) {
        return new MatchingFixtures(api).doctor(user, practiceId, nursingHomeDoctor);
    }

    /** Created by Norddjurs Kommune, filed and approved by the region: an active agreement. */
    void activeAgreement(long doctorId, long facilityId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", "2025-06-01");
        body.put("matchMethod", "OTHER");
        Api.Response created = api.as(NORDDJURS).post("/api/v1/agreements", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Api.Response filed = api.as(NORDDJURS).post("/api/v1/agreements/" + id + "/submit", Map.of());
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        Api.Response approved = api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
    }

    void multipleFacilitiesDispensation(long doctorId, int maxFacilities) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("kind", "MULTIPLE_FACILITIES");
        body.put("maxFacilities", maxFacilities);
        body.put("validFrom", "2025-01-01");
        body.put("reason", "Godkendt af regionen i testen");
        Api.Response granted = api.as(REGION_MIDT).post("/api/v1/dispensations", body);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    // ---- asking for a plan --------------------------------------------------------------------------

    static Map<String, Object> request(String municipalityCode, double maxDistanceKm, boolean allowMultiple) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (municipalityCode != null) {
            body.put("municipalityCode", municipalityCode);
        }
        body.put("maxDistanceKm", maxDistanceKm);
        body.put("allowMultipleFacilities", allowMultiple);
        return body;
    }

    JsonNode plan(String user, Map<String, Object> body) {
        Api.Response answer = api.as(user).post(PLAN, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    JsonNode planIn707(double maxDistanceKm, boolean allowMultiple) {
        return plan(REGION_MIDT, request(NORDDJURS_CODE, maxDistanceKm, allowMultiple));
    }

    /** The pairs of the plan by facility id. */
    static Map<Long, JsonNode> pairs(JsonNode plan) {
        Map<Long, JsonNode> pairs = new LinkedHashMap<>();
        for (JsonNode pair : plan.path("pairs")) {
            assertThat(pairs.put(pair.path("facilityId").asLong(), pair))
                    .as("one doctor per facility")
                    .isNull();
        }
        return pairs;
    }

    static long doctorOf(JsonNode plan, long facilityId) {
        JsonNode pair = pairs(plan).get(facilityId);
        return pair == null ? -1 : pair.path("doctorId").asLong();
    }

    static List<Long> ids(JsonNode plan, String field) {
        List<Long> ids = new ArrayList<>();
        plan.path(field).forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    static List<Long> doctors(JsonNode plan) {
        List<Long> doctors = new ArrayList<>();
        plan.path("pairs").forEach(pair -> doctors.add(pair.path("doctorId").asLong()));
        return doctors;
    }

    /** A distance as the API writes it: kilometres with one decimal. */
    static void assertOneDecimal(JsonNode number, double expected) {
        assertThat(number.isNumber()).as("%s is a number", number).isTrue();
        assertThat(number.toString()).matches("\\d+\\.\\d");
        assertThat(number.asDouble()).isEqualTo(expected);
    }

    // ---- the plan -----------------------------------------------------------------------------------

    @Test
    void one_doctor_within_reach_of_two_facilities_takes_the_one_with_more_residents_and_the_sums_say_so() {
        // Læsø holds nothing but this test's rows: the whole plan is known
        double[] clinic = {57.256, 10.998};
        double[] smallAt = offset(clinic, 2.63, 0);
        double[] largeAt = offset(clinic, 0, 3.17);
        double[] farAt = offset(clinic, 16, 0);
        long practice = practice(REGION_NORD, LAESOE_CODE, 1, clinic);
        long doctor = doctor(REGION_NORD, practice, false);
        long small = facility(REGION_NORD, LAESOE_CODE, 8, smallAt);
        long large = facility(REGION_NORD, LAESOE_CODE, 12, largeAt);
        long far = facility(REGION_NORD, LAESOE_CODE, 40, farAt);
        // a doctor elsewhere in the region whose practice has no coordinates is within no reach: not reported
        doctor(REGION_NORD, practice(REGION_NORD, "851", 1, null), false);

        JsonNode plan = plan(REGION_NORD, request(LAESOE_CODE, 10, false));

        assertThat(plan.path("pairs")).hasSize(1);
        JsonNode pair = plan.path("pairs").get(0);
        assertThat(pair.path("doctorId").asLong()).isEqualTo(doctor);
        assertThat(pair.path("facilityId").asLong()).isEqualTo(large);
        assertOneDecimal(pair.path("distanceKm"), oneDecimal(km(clinic, largeAt)));
        assertThat(pair.path("distanceKm").asDouble()).isBetween(3.0, 3.3);
        assertThat(plan.path("coveredFacilities").asInt()).isEqualTo(1);
        assertThat(plan.path("coveredResidents").asLong()).isEqualTo(12);
        assertOneDecimal(plan.path("totalDistanceKm"), oneDecimal(km(clinic, largeAt)));
        // the small one is within reach but the doctor has room for one; the large one 16 km away is not
        assertThat(ids(plan, "uncoveredFacilityIds")).containsExactlyInAnyOrder(small, far);
        assertThat(ids(plan, "facilitiesWithoutCoordinates")).isEmpty();
        assertThat(ids(plan, "doctorsWithoutCoordinates")).isEmpty();

        // within 20 km the one with 40 residents is reached and wins
        JsonNode wider = plan(REGION_NORD, request(LAESOE_CODE, 20, false));
        assertThat(doctorOf(wider, far)).isEqualTo(doctor);
        assertThat(wider.path("coveredResidents").asLong()).isEqualTo(40);
        assertThat(ids(wider, "uncoveredFacilityIds")).containsExactlyInAnyOrder(small, large);

        // what-if: every doctor may take two (the default), so the doctor takes both within 10 km
        JsonNode whatIf = plan(REGION_NORD, request(LAESOE_CODE, 10, true));
        assertThat(pairs(whatIf).keySet()).containsExactlyInAnyOrder(small, large);
        assertThat(doctors(whatIf)).containsOnly(doctor);
        assertThat(whatIf.path("coveredFacilities").asInt()).isEqualTo(2);
        assertThat(whatIf.path("coveredResidents").asLong()).isEqualTo(20);
        assertOneDecimal(whatIf.path("totalDistanceKm"), oneDecimal(km(clinic, smallAt) + km(clinic, largeAt)));
        assertOneDecimal(pairs(whatIf).get(small).path("distanceKm"), oneDecimal(km(clinic, smallAt)));
        assertThat(ids(whatIf, "uncoveredFacilityIds")).containsExactly(far);

        // facilitiesPerDoctor widens the what-if; without allowMultipleFacilities it changes nothing
        Map<String, Object> three = request(LAESOE_CODE, 20, true);
        three.put("facilitiesPerDoctor", 3);
        JsonNode threeEach = plan(REGION_NORD, three);
        assertThat(threeEach.path("coveredFacilities").asInt()).isEqualTo(3);
        assertThat(threeEach.path("coveredResidents").asLong()).isEqualTo(60);
        assertThat(ids(threeEach, "uncoveredFacilityIds")).isEmpty();
        three.put("allowMultipleFacilities", false);
        assertThat(plan(REGION_NORD, three).path("coveredFacilities").asInt()).isEqualTo(1);
    }

    @Test
    void a_facility_beyond_the_distance_stays_uncovered_even_when_it_has_more_residents() {
        double[] spot = spot();
        long practice = practice(REGION_MIDT, NORDDJURS_CODE, 1, spot);
        long doctor = doctor(REGION_MIDT, practice, false);
        long near = facility(REGION_MIDT, NORDDJURS_CODE, 5, offset(spot, 1.5, 0));
        long beyond = facility(REGION_MIDT, NORDDJURS_CODE, 30, offset(spot, 0, 4.2));

        JsonNode plan = planIn707(4, false);
        assertThat(doctorOf(plan, near)).isEqualTo(doctor);
        assertThat(doctorOf(plan, beyond)).isEqualTo(-1);
        assertThat(ids(plan, "uncoveredFacilityIds")).contains(beyond).doesNotContain(near);
        assertThat(ids(plan, "facilitiesWithoutCoordinates")).doesNotContain(near, beyond);
        assertOneDecimal(pairs(plan).get(near).path("distanceKm"), 1.5);

        // within 5 km it is reached, and its residents make it the doctor's one facility
        JsonNode wider = planIn707(5, false);
        assertThat(doctorOf(wider, beyond)).isEqualTo(doctor);
        assertThat(ids(wider, "uncoveredFacilityIds")).contains(near);
    }

    @Test
    void facilities_and_doctors_without_coordinates_are_reported_and_take_no_part() {
        double[] spot = spot();
        long unlocatedFacility = facility(REGION_MIDT, NORDDJURS_CODE, 9, null);
        long unlocatedPractice = practice(REGION_MIDT, NORDDJURS_CODE, 2, null);
        long unlocatedDoctor = doctor(REGION_MIDT, unlocatedPractice, false);
        long located = facility(REGION_MIDT, NORDDJURS_CODE, 4, offset(spot, 1, 1));

        JsonNode plan = planIn707(5, false);
        assertThat(ids(plan, "facilitiesWithoutCoordinates")).contains(unlocatedFacility);
        assertThat(ids(plan, "uncoveredFacilityIds"))
                .doesNotContain(unlocatedFacility)
                .contains(located);
        assertThat(pairs(plan)).doesNotContainKey(unlocatedFacility);
        assertThat(ids(plan, "doctorsWithoutCoordinates")).contains(unlocatedDoctor);
        assertThat(doctors(plan)).doesNotContain(unlocatedDoctor);
    }

    // ---- R1: one facility role at a time, unless a dispensation (or the what-if) says more ----------

    @Test
    void a_doctor_with_an_active_agreement_gets_nothing_unless_the_what_if_allows_a_second_facility() {
        double[] spot = spot();
        long practice = practice(REGION_MIDT, NORDDJURS_CODE, 2, spot);
        long busy = doctor(REGION_MIDT, practice, false);
        activeAgreement(busy, facility(REGION_MIDT, NORDDJURS_CODE, 6, null));
        long opening = facility(REGION_MIDT, NORDDJURS_CODE, 7, offset(spot, 2, 0));

        JsonNode plan = planIn707(5, false);
        assertThat(doctors(plan)).doesNotContain(busy);
        assertThat(ids(plan, "uncoveredFacilityIds")).contains(opening);
        // R1, not R3: the practice has room left, and a doctor held back by a rule is not "without coordinates"
        assertThat(ids(plan, "doctorsWithoutCoordinates")).doesNotContain(busy);

        JsonNode whatIf = planIn707(5, true);
        assertThat(doctorOf(whatIf, opening)).isEqualTo(busy);
        assertThat(ids(whatIf, "uncoveredFacilityIds")).doesNotContain(opening);
    }

    @Test
    void the_what_if_lets_a_free_doctor_take_two_facilities_so_more_are_covered() {
        double[] spot = spot();
        long doctor = doctor(REGION_MIDT, practice(REGION_MIDT, NORDDJURS_CODE, 1, spot), false);
        long first = facility(REGION_MIDT, NORDDJURS_CODE, 11, offset(spot, 1, 0));
        long second = facility(REGION_MIDT, NORDDJURS_CODE, 3, offset(spot, -1, 0));
        long third = facility(REGION_MIDT, NORDDJURS_CODE, 2, offset(spot, 0, 1));

        JsonNode plan = planIn707(5, false);
        assertThat(doctorOf(plan, first)).isEqualTo(doctor);
        assertThat(ids(plan, "uncoveredFacilityIds")).contains(second, third);

        JsonNode whatIf = planIn707(5, true);
        assertThat(doctorOf(whatIf, first)).isEqualTo(doctor);
        assertThat(doctorOf(whatIf, second)).isEqualTo(doctor);
        assertThat(ids(whatIf, "uncoveredFacilityIds")).contains(third);
        assertThat(whatIf.path("coveredFacilities").asInt())
                .isGreaterThan(plan.path("coveredFacilities").asInt());
        assertThat(whatIf.path("coveredResidents").asLong())
                .isGreaterThan(plan.path("coveredResidents").asLong());
    }

    @Test
    void a_dispensation_for_two_facilities_gives_the_doctor_two_without_the_what_if() {
        double[] spot = spot();
        long practice = practice(REGION_MIDT, NORDDJURS_CODE, 1, spot);
        long dispensed = doctor(REGION_MIDT, practice, false);
        multipleFacilitiesDispensation(dispensed, 2);
        long first = facility(REGION_MIDT, NORDDJURS_CODE, 6, offset(spot, 1.2, 0));
        long second = facility(REGION_MIDT, NORDDJURS_CODE, 5, offset(spot, -1.2, 0));
        long third = facility(REGION_MIDT, NORDDJURS_CODE, 4, offset(spot, 0, 1.2));

        JsonNode plan = planIn707(5, false);
        assertThat(doctorOf(plan, first)).isEqualTo(dispensed);
        assertThat(doctorOf(plan, second)).isEqualTo(dispensed);
        assertThat(ids(plan, "uncoveredFacilityIds")).contains(third);
    }

    @Test
    void r3_a_dispensed_doctor_who_holds_a_role_takes_another_facility_from_a_full_practice_in_plan_and_stable_round() {
        double[] spot = spot();
        long practice = practice(REGION_MIDT, NORDDJURS_CODE, 2, spot);
        long dispensed = doctor(REGION_MIDT, practice, false);
        long other = doctor(REGION_MIDT, practice, false);
        multipleFacilitiesDispensation(dispensed, 3);
        activeAgreement(dispensed, facility(REGION_MIDT, NORDDJURS_CODE, 6, null));
        activeAgreement(other, facility(REGION_MIDT, NORDDJURS_CODE, 6, null));
        // the practice's two capacities hold two roles: its room is 0, yet R3 counts the dispensed doctor once
        long opening = facility(REGION_MIDT, NORDDJURS_CODE, 7, offset(spot, 0.8, 0));

        assertThat(doctorOf(planIn707(5, false), opening)).isEqualTo(dispensed);

        api.as(REGION_MIDT).put("/api/v1/doctors/" + dispensed + "/wishes", List.of(opening));
        api.as(REGION_MIDT).put("/api/v1/doctors/" + other + "/wishes", List.of(opening));
        api.as(NORDDJURS).put("/api/v1/facilities/" + opening + "/priorities", List.of(other, dispensed));
        Api.Response stable = api.as(NORDDJURS)
                .post("/api/v1/matching/stable", Map.of("municipalityCode", NORDDJURS_CODE, "proposing", "DOCTORS"));
        assertThat(stable.status()).as(stable.body()).isEqualTo(200);
        assertThat(doctorOf(stable.json(), opening))
                .as("the facility's first choice has no room (R1)")
                .isEqualTo(dispensed);
    }

    // ---- R2: a nursing-home doctor is not also a facility doctor without a dispensation -------------

    @Test
    void a_nursing_home_doctor_gets_nothing_not_even_in_the_what_if() {
        double[] spot = spot();
        long nursingHome = doctor(REGION_MIDT, practice(REGION_MIDT, NORDDJURS_CODE, 3, spot), true);
        long opening = facility(REGION_MIDT, NORDDJURS_CODE, 8, offset(spot, 0.5, 0.5));
        long unlocatedNursingHome = doctor(REGION_MIDT, practice(REGION_MIDT, NORDDJURS_CODE, 3, null), true);

        for (boolean whatIf : new boolean[] {false, true}) {
            JsonNode plan = planIn707(5, whatIf);
            assertThat(doctors(plan)).as("what-if %s", whatIf).doesNotContain(nursingHome);
            assertThat(ids(plan, "uncoveredFacilityIds"))
                    .as("what-if %s", whatIf)
                    .contains(opening);
            // without room, a doctor is no doctor without coordinates either
            assertThat(ids(plan, "doctorsWithoutCoordinates")).doesNotContain(unlocatedNursingHome);
        }
    }

    // ---- who may ask --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} asking {1} gets {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "region-midt           | {\"regionCode\":\"1082\"}       | 200",
                "region-midt           | {}                             | 200",
                "region-midt           | {\"municipalityCode\":\"707\"} | 200",
                "region-midt           | {\"municipalityCode\":\"751\"} | 200",
                "region-midt           | {\"regionCode\":\"1081\"}       | 403",
                "region-midt           | {\"municipalityCode\":\"851\"} | 403",
                "kommune-norddjurs     | {\"municipalityCode\":\"707\"} | 200",
                "kommune-norddjurs     | {}                             | 200",
                "kommune-norddjurs     | {\"municipalityCode\":\"751\"} | 403",
                "kommune-norddjurs     | {\"regionCode\":\"1082\"}       | 200",
                "kommune-norddjurs     | {\"regionCode\":\"1081\"}       | 403",
                "kommune-norddjurs     | {\"regionCode\":\"1081\",\"municipalityCode\":\"707\"} | 400",
                "region-midt           | {\"regionCode\":\"1081\",\"municipalityCode\":\"707\"} | 400",
                "kommune-aarhus        | {\"municipalityCode\":\"707\"} | 403",
                "region-nord           | {\"municipalityCode\":\"707\"} | 403",
                "region-nord           | {\"regionCode\":\"1082\"}       | 403",
                "laege-norddjurs       | {\"municipalityCode\":\"707\"} | 403",
                "laege-norddjurs       | {}                             | 403",
                "botilbud-skovstjernen | {\"municipalityCode\":\"707\"} | 403",
                "botilbud-skovstjernen | {}                             | 403",
                "national              | {}                             | 403",
                "national              | {\"regionCode\":\"1082\"}       | 403",
            })
    void only_a_municipality_for_itself_or_a_region_for_its_own_area_gets_a_plan(String user, String area, int status) {
        String body = area.substring(0, area.length() - 1) + (area.length() > 2 ? "," : "")
                + "\"maxDistanceKm\":15,\"allowMultipleFacilities\":false}";
        Api.Response answer = api.as(user).postRaw(PLAN, "application/json", body);
        assertThat(answer.status()).as("%s %s: %s", user, body, answer).isEqualTo(status);
        if (status == 200) {
            assertThat(answer.json().path("coveredFacilities").isInt()).isTrue();
            assertThat(answer.json().path("pairs").isArray()).isTrue();
        } else if (status == 400) {
            assertProblem(answer, status, "VALIDATION_FAILED");
            assertThat(answer.body()).contains("regionCode", "Kommune 707 ligger i region 1082");
        } else {
            assertProblem(answer, status, "FORBIDDEN");
        }
    }

    @Test
    void an_anonymous_caller_is_asked_to_sign_in() {
        Api.Response answer = api.anonymous().post(PLAN, request(NORDDJURS_CODE, 10, false));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("pairs");
    }

    // ---- bad input ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"municipalityCode\":\"707\",\"allowMultipleFacilities\":false}                           | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":null}                                      | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":0}                                         | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":-5}                                        | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":1001}                                      | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":1000.01}                                   | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":\"NaN\"}                                   | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":\"Infinity\"}                              | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":\"ti\"}                                    | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":[10]}                                      | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":true}                                      | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":1e400}                                     | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"facilitiesPerDoctor\":99999999999}   | facilitiesPerDoctor",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":true,\"facilitiesPerDoctor\":1}  | facilitiesPerDoctor",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":true,\"facilitiesPerDoctor\":11} | facilitiesPerDoctor",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":false,\"facilitiesPerDoctor\":0} | facilitiesPerDoctor",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"facilitiesPerDoctor\":\"to\"}         | facilitiesPerDoctor",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":\"ja\"}     | allowMultipleFacilities",
                "{\"municipalityCode\":\"999\",\"maxDistanceKm\":10}                                        | municipalityCode",
                "{\"municipalityCode\":\"Norddjurs\",\"maxDistanceKm\":10}                                  | municipalityCode",
                "{\"municipalityCode\":{\"code\":\"707\"},\"maxDistanceKm\":10}                             | municipalityCode",
                "{}                                                                                           | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":\"10\"}                                      | maxDistanceKm",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":1}       | allowMultipleFacilities",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":\"true\"} | allowMultipleFacilities",
                "{\"municipalityCode\":\"707\",\"maxDistanceKm\":10,\"allowMultipleFacilities\":true,\"facilitiesPerDoctor\":2.5} | facilitiesPerDoctor",
            })
    void bad_fields_are_400_validation_failed_naming_the_field(String body, String field) {
        Api.Response answer = api.as(REGION_MIDT).postRaw(PLAN, "application/json", body);
        JsonNode problem = assertProblem(answer, 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).as(answer.toString()).contains(field);
    }

    @Test
    void both_bad_numbers_are_named_at_once() {
        Map<String, Object> body = request(NORDDJURS_CODE, 0, true);
        body.put("facilitiesPerDoctor", 11);
        JsonNode problem = assertProblem(api.as(NORDDJURS).post(PLAN, body), 400, "VALIDATION_FAILED");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("maxDistanceKm", "facilitiesPerDoctor");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"maxDistanceKm\":10,",
                "maxDistanceKm=10",
                "{'maxDistanceKm': 10}",
                "[1, 2",
                "{\"maxDistanceKm\":10}xyz",
            })
    void a_body_that_is_not_json_is_400_malformed_request(String body) {
        assertProblem(api.as(REGION_MIDT).postRaw(PLAN, "application/json", body), 400, "MALFORMED_REQUEST");
    }

    @Test
    void a_json_body_of_the_wrong_shape_or_no_body_is_400_not_500() {
        for (String body : new String[] {"[]", "10", "\"10\"", "true", ""}) {
            Api.Response answer = api.as(REGION_MIDT).postRaw(PLAN, "application/json", body);
            assertThat(answer.status()).as("%s: %s", body, answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.code()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        }
    }

    @Test
    void a_body_that_is_not_json_by_its_content_type_is_415() {
        assertProblem(
                api.as(REGION_MIDT).postRaw(PLAN, "text/plain", "{\"maxDistanceKm\":10}"),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void the_edges_of_the_ranges_are_accepted() {
        Map<String, Object> body = request(NORDDJURS_CODE, 1000, true);
        body.put("facilitiesPerDoctor", 10);
        assertThat(api.as(NORDDJURS).post(PLAN, body).status()).isEqualTo(200);
        Map<String, Object> small = request(NORDDJURS_CODE, 0.1, true);
        small.put("facilitiesPerDoctor", 2);
        assertThat(api.as(NORDDJURS).post(PLAN, small).status()).isEqualTo(200);
    }

    /** An RFC 9457 answer with this status and code, title and detail, and never a stack trace. */
    static JsonNode assertProblem(Api.Response answer, int status, String code) {
        return dk.botilbudslaege.support.Problems.assertProblem(answer, status, code);
    }
}
