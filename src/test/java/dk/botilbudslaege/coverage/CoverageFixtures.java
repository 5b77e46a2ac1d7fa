package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Rows the coverage tests make for themselves through the API: regional facilities on Samsø (741,
 * a municipality the demo data leaves empty), practices with provider numbers from 820000, and
 * agreements filed and approved by Region Midtjylland. Tests compare before and after, never totals.
 */
final class CoverageFixtures {

    static final String REGION = "region-midt";
    static final String SAMSOE = "741";
    static final String LEMVIG = "665";
    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(820_000);

    private final Api root;
    private final Api api;

    CoverageFixtures(Api api) {
        this.root = api;
        this.api = api.as(REGION);
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long doctor() {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        practice.put("name", unique("Lægerne i Tranebjerg"));
        practice.put("address", "Langgade 1, 8305 Samsø");
        practice.put("municipalityCode", SAMSOE);
        practice.put("clinicType", "ORDINARY");
        practice.put("doctorCapacity", 3);
        practice.put("openForNewPatients", true);
        practice.put("vatRegistered", false);
        long practiceId = created(api.post("/api/v1/practices", practice));
        return created(api.post(
                "/api/v1/doctors",
                Map.of("practiceId", practiceId, "name", unique("Læge"), "nursingHomeDoctor", false)));
    }

    long facility(String legalBasis, int places) {
        return facility(SAMSOE, "REGIONAL", legalBasis, places);
    }

    /** A facility of another municipality and operator, e.g. a municipal one in Norddjurs (707). */
    long facility(String municipalityCode, String operator, String legalBasis, int places) {
        return facility(municipalityCode, operator, legalBasis, places, places);
    }

    /** A regional facility on Samsø with fewer residents than places. */
    long facility(String legalBasis, int places, int residents) {
        return facility(SAMSOE, "REGIONAL", legalBasis, places, residents);
    }

    private long facility(String municipalityCode, String operator, String legalBasis, int places, int residents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Samsø Bo"));
        body.put("address", "Havnevej 2, 8305 Samsø");
        body.put("municipalityCode", municipalityCode);
        body.put("operator", operator);
        body.put("legalBasis", legalBasis);
        body.put("places", places);
        body.put("residents", residents);
        return created(api.post("/api/v1/facilities", body));
    }

    long section(long facilityId, String name, int residents) {
        return created(api.post(
                "/api/v1/facilities/" + facilityId + "/sections", Map.of("name", name, "residents", residents)));
    }

    long group(long... facilityIds) {
        return created(api.post(
                "/api/v1/facility-groups",
                Map.of(
                        "name",
                        unique("Fællesledelse"),
                        "kind",
                        "COMMON_MANAGEMENT",
                        "facilityIds",
                        java.util.Arrays.stream(facilityIds).boxed().toList())));
    }

    /** A draft agreement for these facilities (a group's members) or this section. */
    long draft(long doctorId, List<Long> facilityIds, Long sectionId, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", facilityIds);
        if (sectionId != null) {
            body.put("sectionId", sectionId);
        }
        body.put("startDate", start.toString());
        body.put("matchMethod", "COVERAGE_PLAN");
        return created(api.post("/api/v1/agreements", body));
    }

    long submitted(long doctorId, long facilityId, LocalDate start) {
        long id = draft(doctorId, List.of(facilityId), null, start);
        ok(api.post("/api/v1/agreements/" + id + "/submit", Map.of()));
        return id;
    }

    long approved(long doctorId, List<Long> facilityIds, Long sectionId, LocalDate start) {
        long id = draft(doctorId, facilityIds, sectionId, start);
        return approve(id, api);
    }

    /** A municipal facility's agreement, filed by its municipality (demo user) and approved by the region. */
    long approvedBy(String municipalityUser, long doctorId, long facilityId, LocalDate start) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctorId);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", start.toString());
        body.put("matchMethod", "WISH_LIST");
        long id = created(root.as(municipalityUser).post("/api/v1/agreements", body));
        return approve(id, root.as(municipalityUser));
    }

    private long approve(long id, Api filer) {
        ok(filer.post("/api/v1/agreements/" + id + "/submit", Map.of()));
        ok(api.post("/api/v1/agreements/" + id + "/approve", ""));
        return id;
    }

    long approved(long doctorId, long facilityId, LocalDate start) {
        return approved(doctorId, List.of(facilityId), null, start);
    }

    /** Notice given on {@code noticeDate} by the facility's side; the end date the agreement got. */
    LocalDate notice(String user, long agreementId, LocalDate noticeDate) {
        JsonNode answer = ok(root.as(user)
                .post("/api/v1/agreements/" + agreementId + "/notice", Map.of("noticeDate", noticeDate.toString())));
        return LocalDate.parse(answer.path("endDate").asString());
    }

    JsonNode ok(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static long created(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
