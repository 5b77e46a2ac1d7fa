package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.Problems;
import dk.botilbudslaege.support.WebSession;
import dk.botilbudslaege.web.DanishTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 3, the aggregates of hours delivered: the /hours overview's subtotals, its national level and
 * its bad codes, and the coverage report's hours section (PDF and workbook). The scenario is Fanø (563, Region
 * Syddanmark), where the demo data has nothing and no other test makes agreements: two agreements running
 * since the first of the month three months ago, one delivering its 2 hours every month (120 confirmed
 * minutes), one 1 hour a month (short), and a draft agreement that agrees nothing.
 */
@IntegrationTest
class HoursAggregatesTest {

    static final String FANOE = "563";
    static final String SYDDANMARK = "1083";
    /** The demo password, so the page tests sign in through the login form ({@link WebSession}). */
    static final String PASSWORD = Api.PASSWORD;

    /** Built once for the class (Fanø holds nothing else): the logins and the agreements. */
    static Api region;

    static Api fanoe;
    static String regionUser;
    static String fanoeUser;
    static long delivering;
    static long shortOne;
    static long draft;

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        if (region != null) {
            return;
        }
        region = login(Role.REGION, SYDDANMARK, null);
        regionUser = lastUser;
        fanoe = login(Role.MUNICIPALITY, null, FANOE);
        fanoeUser = lastUser;
        YearMonth current = YearMonth.now(DanishTime.DENMARK);
        LocalDate start = current.minusMonths(3).atDay(1);
        delivering = agreement(start, true);
        shortOne = agreement(start, true);
        draft = agreement(start, false);
        for (int i = 3; i >= 1; i--) {
            LocalDate day = current.minusMonths(i).atDay(10);
            session(delivering, day, 120, "CONFIRMED");
            session(shortOne, day, 60, "CONFIRMED");
            session(draft, day, 30, "CONFIRMED");
        }
        // this month's session: never counted before the month is complete
        session(shortOne, current.atDay(1), 600, "CONFIRMED");
    }

    @Test
    void the_overview_has_a_subtotal_per_municipality_and_a_total() {
        Api.Response answer = fanoe.get("/api/v1/hours");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode o = answer.json();
        assertThat(o.path("code").asString()).isEqualTo(FANOE);
        assertThat(o.path("agreements").asInt()).isEqualTo(2);
        assertThat(o.path("agreementsShort").asInt()).isEqualTo(1);
        assertThat(o.path("agreedHoursPerMonth").decimalValue()).isEqualByComparingTo("4");
        assertThat(o.path("rollingAverage").decimalValue()).isEqualByComparingTo("3");
        assertThat(o.path("shareDelivered").decimalValue()).isEqualByComparingTo("0.75");
        JsonNode m = o.path("municipalities");
        assertThat(m.size()).isEqualTo(1);
        assertThat(m.get(0).path("code").asString()).isEqualTo(FANOE);
        assertThat(m.get(0).path("name").asString()).isEqualTo("Fanø");
        assertThat(m.get(0).path("agreements").asInt()).isEqualTo(2);
        assertThat(m.get(0).path("agreementsShort").asInt()).isEqualTo(1);
        assertThat(m.get(0).path("agreedHoursPerMonth").decimalValue()).isEqualByComparingTo("4");
        assertThat(m.get(0).path("rollingAverage").decimalValue()).isEqualByComparingTo("3");
        assertThat(o.path("rows").toString())
                .contains("\"agreementId\":" + delivering, "\"agreementId\":" + shortOne)
                .doesNotContain("\"agreementId\":" + draft + ",");

        JsonNode byRegion =
                region.get("/api/v1/hours?level=REGION&code=" + SYDDANMARK).json();
        assertThat(byRegion.path("municipalities").toString()).contains("\"code\":\"563\"");
    }

    @Test
    void the_national_level_is_region_aggregates_without_agreements() {
        for (Api user : new Api[] {api.as("national"), api.as("admin"), api.as("region-midt"), fanoe}) {
            Api.Response answer = user.get("/api/v1/hours?level=NATIONAL");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("rows").size()).isZero();
            assertThat(answer.json().path("regions").size()).isEqualTo(5);
            assertThat(answer.json().path("regions").toString()).contains("Region Syddanmark");
        }
        // the national viewer's default
        assertThat(api.as("national").get("/api/v1/hours").json().path("level").asString())
                .isEqualTo("NATIONAL");
        for (String user : new String[] {"laege-norddjurs", "botilbud-skovstjernen"}) {
            Problems.assertProblem(api.as(user).get("/api/v1/hours?level=NATIONAL"), 403, "FORBIDDEN");
        }
    }

    @Test
    void an_unknown_or_malformed_code_is_refused_on_code_and_a_known_one_outside_scope_is_forbidden() {
        for (String code : new String[] {"999", "abc", "12345", "1099", "%27--"}) {
            Api.Response answer = region.get("/api/v1/hours?level=MUNICIPALITY&code=" + code);
            assertThat(answer.status()).as(code + ": " + answer.body()).isEqualTo(400);
            assertThat(AdvisorySessionFixtures.errorMessage(answer, "code")).isNotBlank();
        }
        assertThat(fanoe.get("/api/v1/hours?level=REGION&code=9999").status()).isEqualTo(400);
        assertThat(fanoe.get("/api/v1/hours?level=MUNICIPALITY&code=707").status())
                .isEqualTo(403);
        assertThat(region.get("/api/v1/hours?level=REGION&code=1082").status()).isEqualTo(403);
        // roles without an overview are refused before the code is looked at
        Problems.assertProblem(
                api.as("laege-norddjurs").get("/api/v1/hours?level=MUNICIPALITY&code=999"), 403, "FORBIDDEN");
    }

    @Test
    void a_draft_agrees_no_hours_and_is_never_short() {
        JsonNode hours = region.get("/api/v1/agreements/" + draft + "/hours").json();
        assertThat(hours.path("agreedHoursPerMonth").decimalValue()).isEqualByComparingTo("0");
        assertThat(hours.path("shortfall").asBoolean()).isFalse();
        assertThat(hours.path("shortMonths").asInt()).isZero();
        for (JsonNode m : hours.path("months")) {
            assertThat(m.path("agreedHours").decimalValue()).isEqualByComparingTo("0");
            assertThat(m.path("shortfall").asBoolean()).isFalse();
        }
        JsonNode running =
                region.get("/api/v1/agreements/" + shortOne + "/hours").json();
        assertThat(running.path("agreedHoursPerMonth").decimalValue()).isEqualByComparingTo("2");
        assertThat(running.path("shortfall").asBoolean()).isTrue();
    }

    @Test
    void an_agreements_hours_cover_at_most_120_months() {
        String path = "/api/v1/agreements/" + delivering + "/hours";
        assertThat(region.get(path + "?from=2016-01&to=2025-12").status()).isEqualTo(200);
        Api.Response tooLong = region.get(path + "?from=2016-01&to=2026-01");
        assertThat(AdvisorySessionFixtures.errorMessage(tooLong, "to"))
                .isEqualTo("Perioden må højst være 120 måneder (10 år).");
    }

    @Test
    void the_coverage_report_has_the_hours_per_municipality_and_per_region() throws IOException {
        HttpResponse<byte[]> pdf = api.as("kommune-aarhus").getBytes("/api/v1/reports/coverage.pdf?regionCode=1083");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Timer leveret under de løbende aftaler", "Fanø 2 4,00 3,00 75,0 % 1");

        HttpResponse<byte[]> national = api.as("laege-norddjurs").getBytes("/api/v1/reports/coverage.pdf");
        assertThat(national.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(national.body())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Timer leveret under de løbende aftaler", "Syddanmark 2 4,00 3,00 75,0 % 1");
        }

        HttpResponse<byte[]> xlsx =
                api.as("botilbud-skovstjernen").getBytes("/api/v1/reports/coverage.xlsx?regionCode=1083");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Timer leveret");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Andel leveret (%)");
            Row fanoeRow = null;
            for (Row row : sheet) {
                if (row.getCell(0).getStringCellValue().equals(FANOE)) {
                    fanoeRow = row;
                }
            }
            assertThat(fanoeRow).isNotNull();
            assertThat(fanoeRow.getCell(1).getStringCellValue()).isEqualTo("Fanø");
            assertThat(fanoeRow.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(fanoeRow.getCell(3).getNumericCellValue()).isEqualTo(4);
            assertThat(fanoeRow.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(fanoeRow.getCell(5).getNumericCellValue()).isEqualTo(0.75);
            assertThat(fanoeRow.getCell(6).getNumericCellValue()).isEqualTo(1);
        }
        HttpResponse<byte[]> nationalXlsx = api.as("national").getBytes("/api/v1/reports/coverage.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(nationalXlsx.body()))) {
            // the header, the five regions and the total row
            assertThat(workbook.getSheet("Timer leveret").getPhysicalNumberOfRows())
                    .isEqualTo(7);
        }
    }

    @Test
    void the_page_shows_danish_hours_months_subtotals_and_filters() {
        WebSession web = WebSession.signIn(port, fanoeUser);
        String page = web.get("/hours").body();
        // i19-hours: one municipality: its key figures only, no table of one row and its "I alt" with the same figures
        assertThat(page).contains("4,00 timer", "3,00 timer", "hours-filters").doesNotContain("hours-municipalities");
        assertThat(WebSession.signIn(port, "region-midt").get("/hours").body()).contains("hours-municipalities");
        assertThat(page).contains("/agreements/" + delivering + "/sessions");
        String onlyShort = web.get("/hours?onlyShort=true").body();
        assertThat(onlyShort).contains("/agreements/" + shortOne + "/sessions");
        assertThat(onlyShort).doesNotContain("/agreements/" + delivering + "/sessions");
        String national = WebSession.signIn(port, "national").get("/hours").body();
        assertThat(national).contains("hours-regions", "Region Syddanmark").doesNotContain("hours-overview");
        HttpResponse<String> doctorPage =
                WebSession.signIn(port, "laege-norddjurs").get("/hours");
        assertThat(doctorPage.statusCode()).isEqualTo(200);
        assertThat(doctorPage.body()).contains("hours-overview");
        String sessions = web.get("/agreements/" + delivering + "/sessions").body();
        YearMonth last = YearMonth.now(DanishTime.DENMARK).minusMonths(1);
        assertThat(sessions)
                .contains(dk.botilbudslaege.common.DanishFormats.month(
                        last, dk.botilbudslaege.common.DanishFormats.DANISH))
                .contains("2,00 timer", "average-since-start-help");
    }

    @Test
    void hours_have_two_decimals_everywhere() {
        assertThat(HoursFormat.number(new java.math.BigDecimal("1.7"))).isEqualTo("1,70");
        assertThat(HoursFormat.number(new java.math.BigDecimal("2"))).isEqualTo("2,00");
        assertThat(HoursFormat.number(new java.math.BigDecimal("2.125"))).isEqualTo("2,13");
        assertThat(HoursFormat.number(null)).isEqualTo("–");
    }

    @Test
    void the_input_of_hours_is_refused_on_the_field_at_fault() {
        // a level not the caller's own needs a code; the nation has none; the doctor's code is the doctor's
        Api.Response noCode = region.get("/api/v1/hours?level=MUNICIPALITY");
        assertThat(noCode.status()).as(noCode.body()).isEqualTo(400);
        assertThat(AdvisorySessionFixtures.errorMessage(noCode, "code")).contains("Angiv koden");
        assertThat(fanoe.get("/api/v1/hours?level=REGION").status()).isEqualTo(400);
        assertThat(fanoe.get("/api/v1/hours?level=MUNICIPALITY").status()).isEqualTo(200);
        for (Api user : new Api[] {api.as("national"), region}) {
            Api.Response national = user.get("/api/v1/hours?level=NATIONAL&code=1082");
            assertThat(national.status()).as(national.body()).isEqualTo(400);
            assertThat(AdvisorySessionFixtures.errorMessage(national, "code")).contains("ingen kode");
        }
        Api.Response doctor = api.as("laege-norddjurs").get("/api/v1/hours?level=DOCTOR&code=1");
        assertThat(AdvisorySessionFixtures.errorMessage(doctor, "code"))
                .contains("lægekode")
                .doesNotContain("kommune");
        Api.Response level = region.get("/api/v1/hours?level=FOO");
        assertThat(AdvisorySessionFixtures.errorMessage(level, "level"))
                .contains("kommune (MUNICIPALITY)", "region (REGION)", "landet (NATIONAL)", "læge (DOCTOR)");
        HttpResponse<String> page = WebSession.signIn(port, "region-midt").get("/hours?level=FOO");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("Ukendt niveau")
                .doesNotContain("MUNICIPALITY")
                .doesNotContain("DOCTOR");
    }

    @Test
    void the_key_figures_follow_the_municipality_filter_and_an_unknown_one_says_so() {
        WebSession web = WebSession.signIn(port, regionUser);
        String all = web.get("/hours").body();
        assertThat(all).doesNotContain("id=\"figures-for\"");
        String filtered = web.get("/hours?municipality=" + FANOE).body();
        assertThat(filtered)
                .contains("Tallene gælder Fanø")
                .contains("<dd id=\"agreements\">2</dd>", "<dd id=\"agreements-short\">1</dd>")
                .contains("<dd id=\"agreed-total\">4,00 timer</dd>", "<dd id=\"rolling-total\">3,00 timer</dd>");
        for (String unknown : new String[] {"851", "abc"}) {
            String page = web.get("/hours?municipality=" + unknown).body();
            assertThat(page).contains("hours-unknown-municipality", "Kommunen med koden &quot;" + unknown);
            // the whole overview stays shown
            assertThat(page).contains("/agreements/" + delivering + "/sessions");
        }
    }

    // issue 17: a region's page links each municipality to its agreements and, when the region has many, lists
    // them one municipality at a time; every agreement short of hours is one link away
    @Test
    void the_region_page_links_each_municipality_to_its_agreements_and_every_short_one_is_one_link_away() {
        JsonNode overview = api.as("region-midt").get("/api/v1/hours").json();
        List<JsonNode> rows = new java.util.ArrayList<>();
        overview.path("rows").forEach(rows::add);
        JsonNode norddjurs = rows.stream()
                .filter(r -> r.path("municipalityCode").asString().equals("707"))
                .findFirst()
                .orElseThrow();
        JsonNode elsewhere = rows.stream()
                .filter(r -> !r.path("municipalityCode").asString().equals("707"))
                .findFirst()
                .orElseThrow();
        WebSession web = WebSession.signIn(port, "region-midt");
        String page = web.get("/hours").body();
        assertThat(page).contains("href=\"/hours?level=REGION&amp;code=1082&amp;municipality=707\">Norddjurs</a>");
        assertThat(page.contains("id=\"hours-folded\""))
                .as("%d agreements", rows.size())
                .isEqualTo(rows.size() > HoursPage.LISTED_AT_ONCE);

        String ofNorddjurs =
                web.get("/hours?level=REGION&code=1082&municipality=707").body();
        assertThat(ofNorddjurs)
                .contains("Aftaler i Norddjurs", "Tallene gælder Norddjurs")
                .contains(sessions(norddjurs))
                .doesNotContain(sessions(elsewhere));
        assertThat(web.get("/hours?all=true").body()).contains(sessions(norddjurs), sessions(elsewhere));

        String onlyShort = web.get("/hours?onlyShort=true").body();
        assertThat(onlyShort).contains("Aftaler under aftalt");
        for (JsonNode r : rows) {
            if (r.path("shortfall").asBoolean()) {
                assertThat(onlyShort).contains(sessions(r));
            } else {
                assertThat(onlyShort).doesNotContain(sessions(r));
            }
        }
    }

    private static String sessions(JsonNode row) {
        return "href=\"/agreements/" + row.path("agreementId").asLong() + "/sessions\"";
    }

    @Test
    void every_reader_has_the_menu_link_and_the_facility_is_told_where_its_hours_are() {
        for (String user : new String[] {"admin", "national", "region-midt", "kommune-norddjurs", "laege-norddjurs"}) {
            HttpResponse<String> home = WebSession.signIn(port, user).get("/");
            assertThat(home.body()).as(user).contains("href=\"/hours\"");
            assertThat(WebSession.signIn(port, user).get("/hours").statusCode())
                    .as(user)
                    .isEqualTo(200);
        }
        WebSession facility = WebSession.signIn(port, "botilbud-skovstjernen");
        assertThat(facility.get("/").body()).doesNotContain("href=\"/hours\"");
        HttpResponse<String> refused = facility.get("/hours");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Sessioner og timer");
        Api.Response api403 = api.as("botilbud-skovstjernen").get("/api/v1/hours");
        Problems.assertProblem(api403, 403, "FORBIDDEN");
        assertThat(api403.body()).contains("Sessioner og timer");
    }

    @Test
    void a_report_dated_ahead_counts_hours_as_of_today_with_a_total_row() throws IOException {
        HttpResponse<byte[]> pdf =
                api.as("region-midt").getBytes("/api/v1/reports/coverage.pdf?regionCode=1083&date=2100-12-31");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("botilbuddets bekræftede rådgivningstid").doesNotContain("facilitet");
        assertThat(text).contains("Timetallene er opgjort pr.").contains("I alt");
        HttpResponse<byte[]> todays = api.as("region-midt").getBytes("/api/v1/reports/coverage.pdf?regionCode=1083");
        try (PDDocument document = Loader.loadPDF(todays.body())) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("Timetallene er opgjort pr.");
        }
        HttpResponse<byte[]> xlsx =
                api.as("region-midt").getBytes("/api/v1/reports/coverage.xlsx?regionCode=1083&date=2100-12-31");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Timer leveret");
            String all = "";
            Row total = null;
            for (Row row : sheet) {
                for (org.apache.poi.ss.usermodel.Cell cell : row) {
                    all += cell.toString() + "|";
                }
                if (row.getCell(1) != null && row.getCell(1).toString().equals("I alt")) {
                    total = row;
                }
            }
            assertThat(total).as(all).isNotNull();
            assertThat(total.getCell(2).getNumericCellValue()).isGreaterThanOrEqualTo(2);
            assertThat(all).contains("Timetallene er opgjort pr.");
        }
    }

    @Test
    void the_demo_agreements_of_norddjurs_mostly_deliver_and_a_few_fall_short() {
        List<Long> demo = jdbc.sql("select distinct agreement_id from advisory_session where logged_by = 'laege-demo'")
                .query(Long.class)
                .list();
        assertThat(demo).isNotEmpty();
        int delivered = 0;
        int fallShort = 0;
        for (JsonNode row :
                api.as("kommune-norddjurs").get("/api/v1/hours").json().path("rows")) {
            if (demo.contains(row.path("agreementId").asLong())) {
                if (row.path("shortfall").asBoolean()) {
                    fallShort++;
                } else {
                    delivered++;
                }
            }
        }
        assertThat(delivered).as("delivering").isGreaterThan(fallShort);
        assertThat(fallShort).as("short").isPositive();
    }

    @Test
    void the_doctor_sees_their_own_running_agreements_and_no_area() {
        long doctorId = region.get("/api/v1/agreements/" + shortOne)
                .json()
                .path("doctorId")
                .asLong();
        Api doctor = new CollaborationFixtures(api, users).doctorUser(doctorId);
        Api.Response own = doctor.get("/api/v1/hours");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("level").asString()).isEqualTo("DOCTOR");
        assertThat(own.json().path("agreements").asInt()).isEqualTo(1);
        assertThat(own.json().path("agreementsShort").asInt()).isEqualTo(1);
        assertThat(own.json().path("rows").get(0).path("agreementId").asLong()).isEqualTo(shortOne);
        assertThat(doctor.get("/api/v1/hours?level=DOCTOR&code=" + (doctorId + 1))
                        .status())
                .isEqualTo(400);
        for (String area : new String[] {"?level=MUNICIPALITY&code=563", "?level=REGION&code=1083"}) {
            Problems.assertProblem(doctor.get("/api/v1/hours" + area), 403, "FORBIDDEN");
        }
        for (Api other : new Api[] {fanoe, region, api.as("national"), api.as("botilbud-skovstjernen")}) {
            Problems.assertProblem(other.get("/api/v1/hours?level=DOCTOR"), 403, "FORBIDDEN");
        }
    }

    private String lastUser;

    private Api login(Role role, String regionCode, String municipalityCode) {
        String username = "timer-" + UUID.randomUUID().toString().substring(0, 8);
        lastUser = username;
        users.create(new Users.NewUser(username, PASSWORD, "Timer", role, regionCode, municipalityCode, null, null));
        return api.withPassword(username, PASSWORD);
    }

    private long agreement(LocalDate start, boolean approve) {
        CollaborationFixtures given = new CollaborationFixtures(api, users);
        long doctor = given.doctor();
        Map<String, Object> facility = new LinkedHashMap<>();
        facility.put("name", CollaborationFixtures.unique("Timehuset"));
        facility.put("address", "Strandvejen 1, 6720 Fanø");
        facility.put("municipalityCode", FANOE);
        facility.put("operator", "MUNICIPAL");
        facility.put("legalBasis", "SEL_108");
        facility.put("places", 8);
        facility.put("residents", 6);
        long facilityId = CollaborationFixtures.created(region.post("/api/v1/facilities", facility));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctor);
        body.put("facilityIds", List.of(facilityId));
        body.put("startDate", start.toString());
        body.put("matchMethod", "PRACTICE_CONSULTANT");
        long id = CollaborationFixtures.created(fanoe.post("/api/v1/agreements", body));
        if (approve) {
            Api.Response filed = fanoe.post("/api/v1/agreements/" + id + "/submit", Map.of());
            assertThat(filed.status()).as(filed.body()).isEqualTo(200);
            Api.Response approved = region.post("/api/v1/agreements/" + id + "/approve", "");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        }
        return id;
    }

    private void session(long agreement, LocalDate day, int minutes, String status) {
        jdbc.sql("""
                        insert into advisory_session (agreement_id, session_date, duration_minutes, kind, format, topic,
                               notes, status, logged_by, decided_by, decided_at)
                        values (:a, :d, :m, 'ADVICE', 'PHYSICAL', 'KOL', 'Rådgivning', :s, 'test', 'test', now())
                        """)
                .param("a", agreement)
                .param("d", day)
                .param("m", minutes)
                .param("s", status)
                .update();
    }
}
