package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.Problems;
import dk.botilbudslaege.support.WebSession;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Residents' choice (issue 13 item 5, SPEC §5 C5): who reads and writes a facility's monthly counts, the
 * input that is refused, and the share on {@code /coverage/targets}.
 */
@IntegrationTest
class ResidentCountsApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.botilbudslaege.security.Users users;

    @LocalServerPort
    int port;

    Api api;
    long skovstjernen;
    long dolmerhave;
    String lastMonth;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        skovstjernen = facility("Skovstjernen");
        dolmerhave = facility("Dolmerhave");
        lastMonth = YearMonth.now(ZoneId.of("Europe/Copenhagen")).minusMonths(1).toString();
    }

    private long facility(String name) {
        return jdbc.sql("select id from facility where name = :n and municipality_code = '707'")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    static Map<String, Object> counts(Object residents, Object enrolled, Object temporary, Object told) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("residents", residents);
        body.put("enrolled", enrolled);
        body.put("temporary", temporary);
        body.put("toldAboutChoice", told);
        return body;
    }

    private String path(long facility) {
        return "/api/v1/facilities/" + facility + "/resident-counts";
    }

    @Test
    void theFacilitySideWritesAndTheReadersRead() {
        Api.Response put =
                api.as("botilbud-skovstjernen").put(path(skovstjernen) + "/" + lastMonth, counts(22, 17, 2, 3));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("month").asString()).isEqualTo(lastMonth);
        assertThat(put.json().path("enrolled").asInt()).isEqualTo(17);

        // the municipality writes for its municipal facility; a PUT replaces the month
        Api.Response replaced =
                api.as("kommune-norddjurs").put(path(skovstjernen) + "/" + lastMonth, counts(22, 18, 2, 3));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);

        for (String reader :
                new String[] {"botilbud-skovstjernen", "kommune-norddjurs", "region-midt", "laege-norddjurs"}) {
            Api.Response read = api.as(reader).get(path(skovstjernen));
            assertThat(read.status()).as(reader + ": " + read.body()).isEqualTo(200);
            JsonNode month = null;
            for (JsonNode row : read.json()) {
                if (row.path("month").asString().equals(lastMonth)) {
                    month = row;
                }
            }
            assertThat(month).as(reader).isNotNull();
            assertThat(month.path("enrolled").asInt()).isEqualTo(18);
            assertThat(month.path("residents").asInt()).isEqualTo(22);
            assertThat(month.path("toldAboutChoice").asInt()).isEqualTo(3);
        }

        // both writes are in the audit trail, under the facility's counts
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'RESIDENT_COUNT' and entity_id = :id"
                                + " order by id")
                        .param("id", String.valueOf(skovstjernen))
                        .query(String.class)
                        .list())
                .contains("RESIDENT_COUNT_REPLACED");
    }

    @Test
    void whoMayNotWrite() {
        String url = path(skovstjernen) + "/" + lastMonth;
        Problems.assertProblem(api.as("region-midt").put(url, counts(22, 17, 2, 3)), 403, "FORBIDDEN");
        Problems.assertProblem(api.as("laege-norddjurs").put(url, counts(22, 17, 2, 3)), 403, "FORBIDDEN");
        Problems.assertProblem(api.as("national").put(url, counts(22, 17, 2, 3)), 403, "FORBIDDEN");
        assertThat(api.as("kommune-aarhus").put(url, counts(22, 17, 2, 3)).status())
                .isIn(403, 404);
        assertThat(api.as("region-nord").put(url, counts(22, 17, 2, 3)).status())
                .isIn(403, 404);
        // another facility's contact
        assertThat(api.as("botilbud-skovstjernen")
                        .put(path(dolmerhave) + "/" + lastMonth, counts(38, 10, 0, 1))
                        .status())
                .isIn(403, 404);
        assertThat(api.anonymous().put(url, counts(22, 17, 2, 3)).status()).isEqualTo(401);
    }

    @Test
    void whoMayNotRead() {
        Problems.assertProblem(api.as("national").get(path(skovstjernen)), 403, "FORBIDDEN");
        Problems.assertProblem(api.as("admin").get(path(skovstjernen)), 403, "FORBIDDEN");
        assertThat(api.as("kommune-aarhus").get(path(skovstjernen)).status()).isIn(403, 404);
        assertThat(api.as("region-nord").get(path(skovstjernen)).status()).isIn(403, 404);
        assertThat(api.as("botilbud-skovstjernen").get(path(dolmerhave)).status())
                .isIn(403, 404);
        // a doctor in the region, but not Dolmerhave's fixed doctor
        Problems.assertProblem(api.as("laege-norddjurs").get(path(dolmerhave)), 403, "FORBIDDEN");
        assertThat(api.anonymous().get(path(skovstjernen)).status()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedOnItsField() {
        String url = path(skovstjernen) + "/" + lastMonth;
        assertField(api.as("botilbud-skovstjernen").put(url, counts(-1, 0, 0, 0)), "residents");
        assertField(api.as("botilbud-skovstjernen").put(url, counts(10, 11, 0, 0)), "enrolled");
        assertField(api.as("botilbud-skovstjernen").put(url, counts(10, 5, 11, 0)), "temporary");
        assertField(api.as("botilbud-skovstjernen").put(url, counts(10, 5, 0, 11)), "toldAboutChoice");
        assertField(api.as("botilbud-skovstjernen").put(url, counts(10, -5, 0, 0)), "enrolled");
        assertField(api.as("botilbud-skovstjernen").put(url, counts(null, 5, 0, 0)), "residents");
        // more residents than the facility has places, permanent and temporary (issue 13 review)
        assertField(api.as("botilbud-skovstjernen").put(url, counts(500, 5, 0, 0)), "residents");
        String future =
                YearMonth.now(ZoneId.of("Europe/Copenhagen")).plusMonths(1).toString();
        String base = path(skovstjernen) + "/";
        assertField(api.as("botilbud-skovstjernen").put(base + future, counts(10, 5, 0, 0)), "month");
        assertField(api.as("botilbud-skovstjernen").put(base + "2023-12", counts(10, 5, 0, 0)), "month");
        assertField(api.as("botilbud-skovstjernen").put(base + "2025-13", counts(10, 5, 0, 0)), "month");
        assertField(api.as("botilbud-skovstjernen").put(base + "nonsense", counts(10, 5, 0, 0)), "month");
        assertField(api.as("botilbud-skovstjernen").put(base + "2025-4", counts(10, 5, 0, 0)), "month");
        Map<String, Object> otherMonth = counts(10, 5, 0, 0);
        otherMonth.put("month", "2025-01");
        assertField(api.as("botilbud-skovstjernen").put(url, otherMonth), "month");
        Api.Response text = api.as("botilbud-skovstjernen")
                .putRaw(
                        url,
                        "application/json",
                        "{\"residents\":\"ti\",\"enrolled\":1,\"temporary\":0,\"toldAboutChoice\":0}");
        assertThat(text.status()).as(text.body()).isEqualTo(400);
        Api.Response fraction = api.as("botilbud-skovstjernen")
                .putRaw(
                        url,
                        "application/json",
                        "{\"residents\":10.5,\"enrolled\":1,\"temporary\":0,\"toldAboutChoice\":0}");
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(400);
        assertThat(api.as("botilbud-skovstjernen")
                        .get(path(skovstjernen))
                        .json()
                        .toString())
                .doesNotContain("\"residents\":10,");
    }

    private static void assertField(Api.Response answer, String field) {
        JsonNode body = Problems.assertProblem(answer, 400, "VALIDATION_FAILED");
        boolean found = false;
        for (JsonNode error : body.path("errors")) {
            if (error.path("field").asString().equals(field)) {
                found = true;
                assertThat(error.path("message").asString()).isNotBlank();
            }
        }
        assertThat(found).as("an error on %s in %s", field, answer).isTrue();
    }

    @Test
    void theTargetsShowTheShareOfTheFacilitiesWithCounts() {
        // no facility has counts for January 2024: not registered
        JsonNode none = api.as("national")
                .get("/api/v1/coverage/targets?date=2024-01-20")
                .json();
        assertThat(none.path("residentsChoice").path("status").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(none.path("residentsChoice").path("share").isNull()).isTrue();
        assertThat(none.path("residentsChoice").path("facilitiesWithCounts").asLong())
                .isZero();

        // facilities without an agreement: counts are allowed, but no one is enrolled with a fixed doctor, and
        // the month does not count among the facilities with counts (it was not covered)
        long a = newFacility(20);
        long b = newFacility(10);
        assertField(api.as("kommune-norddjurs").put(path(a) + "/2024-02", counts(20, 10, 1, 2)), "enrolled");
        assertThat(api.as("kommune-norddjurs").get(path(a)).json()).isEmpty();
        assertThat(api.as("kommune-norddjurs")
                        .put(path(a) + "/2024-02", counts(20, 0, 1, 2))
                        .status())
                .isEqualTo(200);
        assertThat(api.as("kommune-norddjurs")
                        .put(path(b) + "/2024-02", counts(10, 0, 0, 1))
                        .status())
                .isEqualTo(200);
        JsonNode some = api.as("national")
                .get("/api/v1/coverage/targets?date=2024-02-20")
                .json();
        JsonNode choice = some.path("residentsChoice");
        assertThat(choice.path("facilitiesWithCounts").asLong()).isZero();
        assertThat(choice.path("status").asString()).isEqualTo("NOT_REGISTERED");

        // a facility with a running agreement counts in its month
        long before = api.as("national")
                .get("/api/v1/coverage/targets")
                .json()
                .path("residentsChoice")
                .path("facilitiesWithCounts")
                .asLong();
        var running = new CooperationPlanScenarios(api, users).active(java.time.LocalDate.now());
        String thisMonth = YearMonth.now(ZoneId.of("Europe/Copenhagen")).toString();
        assertThat(api.as("kommune-norddjurs")
                        .put(path(running.facilityId()) + "/" + thisMonth, counts(18, 9, 0, 1))
                        .status())
                .isEqualTo(200);
        assertThat(api.as("national")
                        .get("/api/v1/coverage/targets")
                        .json()
                        .path("residentsChoice")
                        .path("facilitiesWithCounts")
                        .asLong())
                .isEqualTo(before + 1);

        // today: some of the facilities with a fixed doctor have counts, not all
        assertThat(api.as("botilbud-skovstjernen")
                        .put(path(skovstjernen) + "/" + lastMonth, counts(22, 17, 2, 3))
                        .status())
                .isEqualTo(200);
        JsonNode today =
                api.as("national").get("/api/v1/coverage/targets").json().path("residentsChoice");
        assertThat(today.path("status").asString()).isEqualTo("PARTLY_REGISTERED");
        assertThat(today.path("share").decimalValue()).isPositive();
        assertThat(today.path("facilitiesWithCounts").asLong()).isPositive();
    }

    @Test
    void theDashboardSaysWhereTheShareComesFrom() {
        assertThat(api.as("botilbud-skovstjernen")
                        .put(path(skovstjernen) + "/" + lastMonth, counts(22, 17, 2, 3))
                        .status())
                .isEqualTo(200);
        JsonNode choice =
                api.as("national").get("/api/v1/coverage/targets").json().path("residentsChoice");
        String page = WebSession.signIn(port, "region-midt").get("/coverage").body();
        assertThat(page)
                .contains("id=\"choice-value\"")
                .contains("tal fra " + choice.path("facilitiesWithCounts").asLong() + " af ");
        assertThat(page).doesNotContain(">ikke registreret<");
    }

    @Test
    void thePageSavesTheMonthAndShowsRefusalsOnTheirFields() {
        WebSession facility = WebSession.signIn(port, "botilbud-skovstjernen");
        String page = path(skovstjernen).replace("/api/v1", "");
        Map<String, String> good = new LinkedHashMap<>();
        good.put("month", lastMonth);
        good.put("residents", "22");
        good.put("enrolled", "20");
        good.put("temporary", "0");
        good.put("toldAboutChoice", "1");
        var saved = facility.post(page, page, good);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        // the message survives the redirect (a flash attribute), and the month reads in Danish
        String shown = facility.get(page).body();
        String danish = ResidentCounts.danish(YearMonth.parse(lastMonth));
        assertThat(shown).contains("Beboertal for " + danish + " er gemt").contains(">" + danish + "<");
        assertThat(facility.get(page).body()).doesNotContain("er gemt");
        // the month written as Danes do, 11-2026
        YearMonth last = YearMonth.parse(lastMonth);
        good.put("month", String.format("%02d-%d", last.getMonthValue(), last.getYear()));
        assertThat(facility.post(page, page, good).statusCode()).isEqualTo(302);
        assertThat(facility.get(page).body()).contains("Beboertal for " + danish + " er gemt");
        good.put("month", lastMonth);
        good.put("enrolled", "30");
        var refused = facility.post(page, page, good);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Tilmeldt den faste læge kan ikke være flere end beboerne (22)");
        // a reader sees the list without the form
        String read = WebSession.signIn(port, "region-midt").get(page).body();
        assertThat(read).contains("Beboertal").doesNotContain("id=\"resident-count-form\"");
    }

    @Test
    void theFacilitySideErasesAWrongMonthAndOnlyItAudited() {
        String month =
                YearMonth.now(ZoneId.of("Europe/Copenhagen")).minusMonths(2).toString();
        assertThat(api.as("botilbud-skovstjernen")
                        .put(path(skovstjernen) + "/" + month, counts(22, 17, 2, 3))
                        .status())
                .isEqualTo(200);
        // no one else erases it
        for (String other : new String[] {"region-midt", "national", "kommune-aarhus", "laege-norddjurs"}) {
            assertThat(api.as(other).delete(path(skovstjernen) + "/" + month).status())
                    .as(other)
                    .isIn(403, 404);
        }
        assertThat(api.anonymous().delete(path(skovstjernen) + "/" + month).status())
                .isEqualTo(401);
        assertThat(api.as("botilbud-skovstjernen")
                        .delete(path(dolmerhave) + "/" + month)
                        .status())
                .isIn(403, 404);
        // bad months
        Problems.assertProblem(
                api.as("botilbud-skovstjernen").delete(path(skovstjernen) + "/2026-13"), 400, "VALIDATION_FAILED");
        Problems.assertProblem(
                api.as("botilbud-skovstjernen").delete(path(skovstjernen) + "/nej"), 400, "VALIDATION_FAILED");
        assertThat(api.as("region-midt").get(path(skovstjernen)).body()).contains(month);

        assertThat(api.as("botilbud-skovstjernen")
                        .delete(path(skovstjernen) + "/" + month)
                        .status())
                .isEqualTo(204);
        assertThat(api.as("region-midt").get(path(skovstjernen)).body()).doesNotContain(month);
        Problems.assertProblem(
                api.as("botilbud-skovstjernen").delete(path(skovstjernen) + "/" + month), 404, "NOT_FOUND");
        assertThat(jdbc.sql("select action from audit_event where entity_type = 'RESIDENT_COUNT' and entity_id = :id")
                        .param("id", String.valueOf(skovstjernen))
                        .query(String.class)
                        .list())
                .contains("RESIDENT_COUNT_DELETED");
    }

    @Test
    void thePageEditsAndDeletesAMonthAfterAConfirmation() {
        String month =
                YearMonth.now(ZoneId.of("Europe/Copenhagen")).minusMonths(3).toString();
        String danish = ResidentCounts.danish(YearMonth.parse(month));
        assertThat(api.as("botilbud-skovstjernen")
                        .put(path(skovstjernen) + "/" + month, counts(21, 17, 2, 3))
                        .status())
                .isEqualTo(200);
        String page = path(skovstjernen).replace("/api/v1", "");
        WebSession facility = WebSession.signIn(port, "botilbud-skovstjernen");
        String list = facility.get(page).body();
        assertThat(list).contains("id=\"edit-" + month + "\"", "id=\"delete-" + month + "\"");
        // "Ret" fills the form with the month's four counts
        String edit = facility.get(page + "?edit=" + month).body();
        assertThat(edit)
                .contains("name=\"month\" placeholder=\"ÅÅÅÅ-MM\" aria-describedby=\"month-help\" value=\"" + month)
                .contains("name=\"residents\" value=\"21\"", "name=\"enrolled\" value=\"17\"")
                .contains("name=\"temporary\" value=\"2\"", "name=\"toldAboutChoice\" value=\"3\"");
        // readers have neither, and cannot open the confirmation
        assertThat(WebSession.signIn(port, "region-midt").get(page).body()).doesNotContain("delete-" + month);
        assertThat(WebSession.signIn(port, "region-midt")
                        .get(page + "/" + month + "/delete")
                        .statusCode())
                .isEqualTo(403);
        assertThat(WebSession.signIn(port, "kommune-aarhus")
                        .get(page + "/" + month + "/delete")
                        .statusCode())
                .isIn(403, 404);
        // "Slet": a confirmation stating the consequence, a GET that changes nothing (language switch, reload)
        for (String lang : new String[] {"", "?lang=en", "?lang=da"}) {
            var confirm = facility.get(page + "/" + month + "/delete" + lang);
            assertThat(confirm.statusCode()).isEqualTo(200);
        }
        assertThat(facility.get(page + "/" + month + "/delete").body())
                .contains("Tallene for " + danish + " slettes: 21 beboere, 17 tilmeldt den faste læge, 2 midlertidige");
        assertThat(api.as("region-midt").get(path(skovstjernen)).body()).contains(month);
        // region may not post it either
        assertThat(WebSession.signIn(port, "region-midt")
                        .post(page + "/" + month + "/delete", page, Map.of())
                        .statusCode())
                .isEqualTo(403);
        var deleted = facility.post(page + "/" + month + "/delete", page + "/" + month + "/delete", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(facility.get(page).body()).contains("Beboertal for " + danish + " er slettet");
        assertThat(api.as("region-midt").get(path(skovstjernen)).body()).doesNotContain(month);
        // a repeat (double click) ends on the list with a flash, not an error page
        var again = facility.post(page + "/" + month + "/delete", page, Map.of());
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(facility.get(page).body()).contains("Der er ingen beboertal for " + danish);
    }

    @Test
    void monthsAreReadBothWaysAndRefusalsNameMonthsInDanish() {
        YearMonth last = YearMonth.parse(lastMonth);
        String danishWay = String.format("%02d-%d", last.getMonthValue(), last.getYear());
        Api.Response put =
                api.as("botilbud-skovstjernen").put(path(skovstjernen) + "/" + danishWay, counts(20, 15, 0, 1));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().path("month").asString()).isEqualTo(lastMonth);
        Api.Response early = api.as("botilbud-skovstjernen").put(path(skovstjernen) + "/2023-12", counts(20, 15, 0, 1));
        assertThat(early.body()).contains("januar 2024").doesNotContain("2024-01");
        Api.Response bad = api.as("botilbud-skovstjernen").put(path(skovstjernen) + "/nov", counts(20, 15, 0, 1));
        assertThat(bad.body()).contains("skriv måneden som 11-2026");
        // the page: the hint and the error agree, and a fraction asks for a whole number
        WebSession facility = WebSession.signIn(port, "botilbud-skovstjernen");
        String page = path(skovstjernen).replace("/api/v1", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("month", "november");
        form.put("residents", "1,5");
        form.put("enrolled", "1");
        form.put("temporary", "0");
        form.put("toldAboutChoice", "0");
        String refused = facility.post(page, page, form).body();
        assertThat(refused).contains("Beboere: skriv et helt tal");
        form.put("residents", "2");
        refused = facility.post(page, page, form).body();
        assertThat(refused).contains("Måned: skriv måneden som 11-2026.");
        form.put("month", "12-2023");
        refused = facility.post(page, page, form).body();
        assertThat(refused).contains("tidligst indtastes for januar 2024").doesNotContain("for 2024-01");
    }

    @Test
    void theMunicipalityFindsSickVisitsOnItsFacilityPage() {
        String page = "/facilities/" + skovstjernen;
        assertThat(WebSession.signIn(port, "kommune-norddjurs").get(page).body())
                .contains("id=\"sick-visits-link\"", "/facilities/" + skovstjernen + "/sick-visits")
                .contains("id=\"resident-counts-link\"");
        assertThat(WebSession.signIn(port, "region-midt").get(page).body()).doesNotContain("sick-visits-link");
        // the sick-visit page: only those who can ask the doctor read how to ask
        String visits = page + "/sick-visits";
        assertThat(WebSession.signIn(port, "region-midt").get(visits).body())
                .doesNotContain("Bed den faste læge")
                .contains("id=\"sick-visits-read-only\"");
        assertThat(WebSession.signIn(port, "botilbud-skovstjernen").get(visits).body())
                .contains("Bed den faste læge")
                .doesNotContain("sick-visits-read-only");
    }

    @Test
    void thePageMonthIsReadBothWays() {
        assertThat(ResidentCountPageController.isoMonth("11-2026")).isEqualTo("2026-11");
        assertThat(ResidentCountPageController.isoMonth(" 3-2025 ")).isEqualTo("2025-03");
        assertThat(ResidentCountPageController.isoMonth("2026-11")).isEqualTo("2026-11");
        assertThat(ResidentCountPageController.isoMonth("nov")).isEqualTo("nov");
        assertThat(ResidentCounts.danish(YearMonth.of(2026, 11))).isEqualTo("november 2026");
    }

    private long newFacility(int residents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Tællestedet " + UUID.randomUUID().toString().substring(0, 8));
        body.put("address", "Skovvej 3, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", residents + 2);
        body.put("residents", residents);
        Api.Response created = api.as("region-midt").post("/api/v1/facilities", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
