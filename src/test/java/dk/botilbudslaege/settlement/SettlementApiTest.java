package dk.botilbudslaege.settlement;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.web.DanishTime;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The monthly settlement through the API (SPEC F5). Each test uses its own months: approved months
 * stay locked in the shared database.
 */
@IntegrationTest
class SettlementApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    JsonNode lineOf(JsonNode lines, long agreementId, String kind) {
        for (JsonNode line : lines) {
            if (line.path("agreementId").asLong() == agreementId
                    && line.path("kind").asString().equals(kind)) {
                return line;
            }
        }
        return null;
    }

    long agreementOf(String user, String unitName) {
        for (JsonNode a : api.as(user)
                .get("/api/v1/agreements?size=200&q=" + unitName)
                .json()
                .path("content")) {
            if (a.path("unitName").asString().equals(unitName)
                    && a.path("status").asString().equals("ACTIVE")) {
                return a.path("id").asLong();
            }
        }
        throw new AssertionError(unitName);
    }

    @Test
    void a_full_month_of_two_and_three_hours_is_paid_at_1072_01_an_hour() {
        JsonNode lines =
                api.as("region-midt").get("/api/v1/settlements/2025-09/lines").json();
        JsonNode skovstjernen = lineOf(lines, agreementOf("kommune-norddjurs", "Skovstjernen"), "FEE");
        JsonNode dolmerhave = lineOf(lines, agreementOf("kommune-norddjurs", "Dolmerhave"), "FEE");

        assertThat(skovstjernen.path("hours").asInt()).isEqualTo(2);
        assertThat(skovstjernen.path("amountExVat").decimalValue()).isEqualByComparingTo("2144.02");
        assertThat(skovstjernen.path("vat").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(skovstjernen.path("providerNumber").asString()).isEqualTo("070101");
        assertThat(dolmerhave.path("hours").asInt()).isEqualTo(3);
        assertThat(dolmerhave.path("amountInclVat").decimalValue()).isEqualByComparingTo("3216.03");
    }

    @Test
    void the_region_runs_reviews_and_approves_and_the_month_is_then_locked() throws Exception {
        Api region = api.as("region-midt");
        JsonNode run = region.post("/api/v1/settlements/2025-10/run", "").json();
        assertThat(run.path("status").asString()).isEqualTo("RUN");
        JsonNode again = region.post("/api/v1/settlements/2025-10/run", "").json();
        assertThat(again.path("lines").size()).isEqualTo(run.path("lines").size());
        assertThat(again.path("totalExVat").decimalValue())
                .isEqualByComparingTo(run.path("totalExVat").decimalValue());

        Api.Response approved = region.post("/api/v1/settlements/2025-10/approve", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("locked").asBoolean()).isTrue();

        Api.Response rerun = region.post("/api/v1/settlements/2025-10/run", "");
        assertThat(rerun.status()).isEqualTo(409);
        assertThat(rerun.code()).isEqualTo("MONTH_LOCKED");
        assertThat(region.post("/api/v1/settlements/2025-10/approve", "").code())
                .isEqualTo("MONTH_LOCKED");
        assertThat(region.get("/api/v1/settlements/2025-10/lines").json().size())
                .isEqualTo(run.path("lines").size());

        // an approved month's payment files are no drafts
        var csv = region.getBytes("/api/v1/settlements/2025-10/export.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("\"afregning-1082-2025-10.csv\"")
                .doesNotContain("UDKAST");
        List<CSVRecord> records = csvRecords(csv.body());
        assertThat(records.get(0).get(0)).isEqualTo("Måned");
        assertThat(records).hasSize(run.path("lines").size() + 1);
        var xlsx = region.getBytes("/api/v1/settlements/2025-10/export.xlsx");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).doesNotContain("UDKAST");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Afregning 2025-10");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_later_month_runs_as_a_preview_that_stores_nothing_and_approving_it_is_month_not_due() {
        Api region = api.as("region-midt");
        YearMonth current = YearMonth.now(DanishTime.DENMARK);
        YearMonth later = current.plusMonths(1);

        Api.Response preview = region.post("/api/v1/settlements/" + later + "/run", "");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("status").asString()).isEqualTo("PREVIEW");
        assertThat(preview.json().path("due").asBoolean()).isFalse();
        assertThat(preview.json().path("locked").asBoolean()).isFalse();
        assertThat(lineOf(preview.json().path("lines"), agreementOf("kommune-norddjurs", "Skovstjernen"), "FEE"))
                .isNotNull();
        assertThat(stored(later)).as("a preview stores no month and no lines").isZero();

        assertProblem(region.post("/api/v1/settlements/" + later + "/approve", ""), 409, "MONTH_NOT_DUE");
        assertProblem(
                region.post("/api/v1/settlements/" + current.plusMonths(14) + "/approve", ""), 409, "MONTH_NOT_DUE");
        assertThat(stored(later)).as("nothing approved or locked").isZero();
        JsonNode after = region.get("/api/v1/settlements/" + later).json();
        assertThat(after.path("status").asString()).isEqualTo("PREVIEW");
        assertThat(after.path("locked").asBoolean()).isFalse();
        assertThat(region.get("/api/v1/settlements/" + current)
                        .json()
                        .path("due")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_run_stored_before_its_month_began_is_no_run_to_approve() {
        // a preview stored before this rule existed: run on 15 March for April
        jdbc.sql("""
                insert into settlement_month (region_code, month, status, run_by, run_at)
                values ('1082', date '2025-04-01', 'OPEN', 'region-midt', timestamptz '2025-03-15 10:00+01')
                on conflict do nothing
                """).update();
        assertProblem(api.as("region-midt").post("/api/v1/settlements/2025-04/approve", ""), 409, "NOT_RUN");
        assertThat(api.as("region-midt")
                        .get("/api/v1/settlements/2025-04")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("OPEN");
    }

    /** Rows stored for region 1082 and a month: the month's state and its lines. */
    long stored(YearMonth month) {
        return jdbc.sql("select count(*) from settlement_month where region_code = '1082' and month = :m")
                        .param("m", month.atDay(1))
                        .query(Long.class)
                        .single()
                + jdbc.sql("select count(*) from settlement_line where region_code = '1082' and month = :m")
                        .param("m", month.atDay(1))
                        .query(Long.class)
                        .single();
    }

    static List<CSVRecord> csvRecords(byte[] body) throws java.io.IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(body, 3, body.length - 3), StandardCharsets.UTF_8))
                .getRecords();
    }

    @Test
    void approving_a_month_that_was_never_run_is_refused() {
        Api.Response answer = api.as("region-midt").post("/api/v1/settlements/2025-05/approve", "");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("NOT_RUN");
    }

    @Test
    void a_month_whose_lines_changed_since_its_run_is_approved_only_after_it_is_run_again() {
        Api region = api.as("region-midt");
        assertThat(region.post("/api/v1/settlements/2025-08/run", "").status()).isEqualTo(200);
        long facility = facility();
        long doctor = doctor();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctor);
        body.put("facilityIds", List.of(facility));
        body.put("startDate", "2025-08-01");
        body.put("matchMethod", "OTHER");
        long id = api.as("kommune-norddjurs")
                .post("/api/v1/agreements", body)
                .json()
                .path("id")
                .asLong();
        api.as("kommune-norddjurs").post("/api/v1/agreements/" + id + "/submit", "");
        assertThat(region.post("/api/v1/agreements/" + id + "/approve", "").status())
                .isEqualTo(200);

        assertProblem(region.post("/api/v1/settlements/2025-08/approve", ""), 409, "MONTH_CHANGED_SINCE_RUN");
        assertThat(region.get("/api/v1/settlements/2025-08")
                        .json()
                        .path("locked")
                        .asBoolean())
                .isFalse();

        assertThat(region.post("/api/v1/settlements/2025-08/run", "").status()).isEqualTo(200);
        assertThat(region.post("/api/v1/settlements/2025-08/approve", "").status())
                .isEqualTo(200);
        assertThat(lineOf(region.get("/api/v1/settlements/2025-08/lines").json(), id, "FEE")
                        .path("amountExVat")
                        .decimalValue())
                .isEqualByComparingTo("2144.02");
    }

    @Test
    void a_late_approval_with_an_earlier_start_becomes_an_adjustment_in_the_next_open_month() {
        Api region = api.as("region-midt");
        region.post("/api/v1/settlements/2025-11/run", "");
        region.post("/api/v1/settlements/2025-11/approve", "");

        long facility = facility();
        long doctor = doctor();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctor);
        body.put("facilityIds", List.of(facility));
        body.put("startDate", "2025-11-16");
        body.put("matchMethod", "OTHER");
        long id = api.as("kommune-norddjurs")
                .post("/api/v1/agreements", body)
                .json()
                .path("id")
                .asLong();
        api.as("kommune-norddjurs").post("/api/v1/agreements/" + id + "/submit", "");
        assertThat(region.post("/api/v1/agreements/" + id + "/approve", "").status())
                .isEqualTo(200);

        JsonNode december = region.get("/api/v1/settlements/2025-12/lines").json();
        JsonNode adjustment = lineOf(december, id, "ADJUSTMENT");
        assertThat(adjustment).isNotNull();
        assertThat(adjustment.path("correctsMonth").asString()).isEqualTo("2025-11");
        assertThat(adjustment.path("amountExVat").decimalValue()).isEqualByComparingTo("1072.01");
        assertThat(lineOf(december, id, "FEE").path("amountExVat").decimalValue())
                .isEqualByComparingTo("2144.02");
        assertThat(lineOf(region.get("/api/v1/settlements/2025-11/lines").json(), id, "FEE"))
                .isNull();

        // once the adjustment is approved, it is never paid again
        region.post("/api/v1/settlements/2025-12/run", "");
        region.post("/api/v1/settlements/2025-12/approve", "");
        assertThat(lineOf(region.get("/api/v1/settlements/2026-01/lines").json(), id, "ADJUSTMENT"))
                .isNull();
    }

    @Test
    void a_month_not_approved_gives_draft_payment_files_that_say_udkast_and_still_read_back() throws Exception {
        Api region = api.as("region-midt");
        JsonNode lines = region.get("/api/v1/settlements/2025-09/lines").json();
        var xlsx = region.getBytes("/api/v1/settlements/2025-09/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .contains("\"UDKAST-afregning-1082-2025-09.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("UDKAST Afregning 2025-09");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Ydernummer");
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() + 1);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue())
                    .isEqualTo("I alt");
        }
        var csv = region.getBytes("/api/v1/settlements/2025-09/export.csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("\"UDKAST-afregning-1082-2025-09.csv\"");
        assertThat(csv.body()[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFUDKAST – ikke godkendt;");
        List<CSVRecord> records = csvRecords(csv.body());
        assertThat(records).hasSize(lines.size() + 2);
        assertThat(records.get(0).get(0)).isEqualTo("UDKAST – ikke godkendt");
        assertThat(records.get(1).get(11)).isEqualTo("Beløb ekskl. moms");
        assertThat(records.stream().skip(2).map(r -> r.get(11))).contains("2144,02", "3216,03");
    }

    @Test
    void names_that_look_like_formulas_are_text_in_both_payment_files_and_amounts_stay_numbers() throws Exception {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long facility = facility(formula + " " + tag);
        long doctor = doctor("@" + tag + " læge", "-" + tag + " praksis");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doctorId", doctor);
        body.put("facilityIds", List.of(facility));
        body.put("startDate", "2026-03-01");
        body.put("matchMethod", "OTHER");
        long id = api.as("kommune-norddjurs")
                .post("/api/v1/agreements", body)
                .json()
                .path("id")
                .asLong();
        api.as("kommune-norddjurs").post("/api/v1/agreements/" + id + "/submit", "");
        Api region = api.as("region-midt");
        assertThat(region.post("/api/v1/agreements/" + id + "/approve", "").status())
                .isEqualTo(200);

        var csv = region.getBytes("/api/v1/settlements/2026-03/export.csv");
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(csv.body(), 3, csv.body().length - 3), StandardCharsets.UTF_8))
                .getRecords();
        CSVRecord line = records.stream()
                .filter(r -> r.size() > 2 && r.get(2).equals(String.valueOf(id)))
                .findFirst()
                .orElseThrow();
        assertThat(line.get(4)).isEqualTo("'@" + tag + " læge");
        assertThat(line.get(5)).isEqualTo("'" + formula + " " + tag);
        assertThat(line.get(11)).matches("\\d+,\\d\\d");

        var xlsx = region.getBytes("/api/v1/settlements/2026-03/export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            for (var row : sheet) {
                if (row.getRowNum() > 0
                        && row.getCell(2).getCellType() == CellType.NUMERIC
                        && (long) row.getCell(2).getNumericCellValue() == id) {
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("'@" + tag + " læge");
                    assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("'" + formula + " " + tag);
                    assertThat(row.getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
                    return;
                }
            }
            throw new AssertionError("agreement " + id + " is not in the XLSX");
        }
    }

    @Test
    void only_the_region_runs_and_approves_and_each_sees_only_its_own_lines() {
        assertThat(api.as("kommune-norddjurs")
                        .post("/api/v1/settlements/2026-02/run", "")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("region-nord")
                        .post("/api/v1/settlements/2026-02/run?regionCode=1082", "")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("laege-norddjurs")
                        .post("/api/v1/settlements/2026-02/approve", "")
                        .status())
                .isEqualTo(403);
        assertThat(api.as("national").get("/api/v1/settlements/2026-02/lines").status())
                .isEqualTo(403);
        assertThat(api.anonymous().get("/api/v1/settlements/2026-02/lines").status())
                .isEqualTo(401);
        assertThat(api.as("region-nord")
                        .get("/api/v1/settlements/2026-02/lines?regionCode=1082")
                        .status())
                .isEqualTo(403);

        JsonNode doctorLines = api.as("laege-norddjurs")
                .get("/api/v1/settlements/2026-02/lines")
                .json();
        assertThat(doctorLines.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode line : doctorLines) {
            assertThat(line.path("providerNumber").asString()).isEqualTo("070101");
            assertThat(line.path("doctorName").asString()).isEqualTo("Anne Kjær");
        }
        for (JsonNode line : api.as("kommune-norddjurs")
                .get("/api/v1/settlements/2026-02/lines")
                .json()) {
            assertThat(line.path("municipalityCode").asString()).isEqualTo("707");
        }
    }

    @Test
    void a_bad_month_is_a_clear_400() {
        Api.Response answer = api.as("region-midt").get("/api/v1/settlements/2025-13/lines");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("month");
        assertThat(api.as("region-midt").get("/api/v1/settlements/april/lines").status())
                .isEqualTo(400);
    }

    @Test
    void the_administrator_adds_an_indexed_rate_and_everyone_reads_the_table() {
        Api.Response added =
                api.as("admin").post("/api/v1/rates", Map.of("validFrom", "2031-04-01", "hourlyRate", 1100.50));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        JsonNode rates = api.as("laege-norddjurs").get("/api/v1/rates").json();
        assertThat(rates.get(0).path("validFrom").asString()).isEqualTo("2024-04-01");
        assertThat(rates.get(0).path("hourlyRate").decimalValue()).isEqualByComparingTo("1072.01");
        assertThat(api.as("admin")
                        .post("/api/v1/rates", Map.of("validFrom", "2031-04-01", "hourlyRate", 1100))
                        .status())
                .isEqualTo(400);
        assertThat(api.as("admin")
                        .post("/api/v1/rates", Map.of("validFrom", "2032-04-01", "hourlyRate", -5))
                        .status())
                .isEqualTo(400);
        assertThat(api.as("kommune-norddjurs")
                        .post("/api/v1/rates", Map.of("validFrom", "2033-04-01", "hourlyRate", 1200))
                        .status())
                .isEqualTo(403);
    }

    long facility() {
        return facility("Settlement " + UUID.randomUUID().toString().substring(0, 8));
    }

    long facility(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("address", "Testvej 2, 8500 Grenaa");
        body.put("municipalityCode", "707");
        body.put("operator", "MUNICIPAL");
        body.put("legalBasis", "SEL_108");
        body.put("places", 10);
        body.put("residents", 10);
        return api.as("region-midt")
                .post("/api/v1/facilities", body)
                .json()
                .path("id")
                .asLong();
    }

    long doctor() {
        return doctor("Settlement læge", "Settlement praksis");
    }

    long doctor(String name, String practiceName) {
        Map<String, Object> practice = new LinkedHashMap<>();
        practice.put("providerNumber", String.valueOf(700_000 + (int) (Math.random() * 99_999)));
        practice.put("name", practiceName);
        practice.put("address", "Torvet 2, 8500 Grenaa");
        practice.put("municipalityCode", "707");
        practice.put("clinicType", "ORDINARY");
        practice.put("doctorCapacity", 1);
        practice.put("openForNewPatients", true);
        practice.put("vatRegistered", false);
        long practiceId = api.as("region-midt")
                .post("/api/v1/practices", practice)
                .json()
                .path("id")
                .asLong();
        return api.as("region-midt")
                .post("/api/v1/doctors", Map.of("practiceId", practiceId, "name", name, "nursingHomeDoctor", false))
                .json()
                .path("id")
                .asLong();
    }
}
