package dk.botilbudslaege.coverage;

import static dk.botilbudslaege.coverage.CoverageFixtures.SAMSOE;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Partly covered facilities and the pipeline (issue 11 items 9–10) as their own figures on the
 * dashboard, in the PDF and in the workbook: Samsø gets a partly covered facility today, an agreement
 * starting next month and a form awaiting approval.
 */
@IntegrationTest
class CoveragePipelineShownTest {

    @LocalServerPort
    int port;

    Api api;
    CoverageFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        fixtures = new CoverageFixtures(api);
        today = Coverage.today();
        long facility = fixtures.facility("SEL_108", 64, 64);
        long north = fixtures.section(facility, "Afsnit Nord", 32);
        fixtures.section(facility, "Afsnit Syd", 32);
        fixtures.approved(fixtures.doctor(), List.of(facility), north, today);
        fixtures.approved(
                fixtures.doctor(),
                fixtures.facility("SEL_108", 12),
                today.plusMonths(1).withDayOfMonth(1));
        fixtures.submitted(
                fixtures.doctor(),
                fixtures.facility("ABL_105", 9),
                today.plusMonths(2).withDayOfMonth(1));
    }

    @Test
    void the_dashboard_shows_partly_covered_and_the_municipalities_under_way() {
        String page = WebSession.signIn(port, "kommune-aarhus")
                .get("/coverage/figures?date=" + today)
                .body();

        assertThat(page)
                .contains(
                        "id=\"partly-value\"",
                        "id=\"starting-later-value\"",
                        "id=\"awaiting-value\"",
                        "Delvist dækket",
                        "Starter senere",
                        "Afventer godkendelse",
                        "Kommuner i gang");
        String table = page.substring(page.indexOf("id=\"pipeline-table\""));
        assertThat(table).contains("Samsø");
    }

    @Test
    void the_pdf_has_the_new_figures_and_the_municipalities_under_way() throws IOException {
        String text = CoverageReportTest.text(api.as("national")
                .getBytes("/api/v1/reports/coverage.pdf?regionCode=1082&date=" + today)
                .body());

        assertThat(text)
                .contains(
                        "Delvist dækkede botilbud",
                        "Aftaler indgået, der starter senere",
                        "Blanketter, der venter på regionens godkendelse",
                        "Kommuner i gang: aftaler på vej",
                        "Samsø");
    }

    @Test
    void the_workbook_has_the_new_columns_and_a_sheet_of_agreements_on_their_way() throws IOException {
        byte[] body = api.as("national")
                .getBytes("/api/v1/reports/coverage.xlsx?date=" + today)
                .body();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet key = workbook.getSheet("Nøgletal");
            assertThat(label(key, "Delvist dækkede botilbud (tæller med blandt de dækkede)")
                            .getCell(1)
                            .getNumericCellValue())
                    .isGreaterThanOrEqualTo(1);
            assertThat(label(key, "Aftaler indgået, der starter senere")
                            .getCell(1)
                            .getNumericCellValue())
                    .isGreaterThanOrEqualTo(1);
            assertThat(label(key, "Blanketter, der venter på regionens godkendelse")
                            .getCell(1)
                            .getNumericCellValue())
                    .isGreaterThanOrEqualTo(1);
            assertThat(workbook.getSheet("Regioner").getRow(0).getCell(8).getStringCellValue())
                    .isEqualTo("Delvist dækkede botilbud");
            Row samsoe = null;
            for (Row row : workbook.getSheet("Aftaler på vej")) {
                if (row.getCell(0).getStringCellValue().equals(SAMSOE)) {
                    samsoe = row;
                }
            }
            assertThat(samsoe).isNotNull();
            assertThat(samsoe.getCell(5).getNumericCellValue()).isGreaterThanOrEqualTo(1);
            assertThat(samsoe.getCell(6).getNumericCellValue()).isGreaterThanOrEqualTo(1);
            assertThat(samsoe.getCell(7).getNumericCellValue()).isGreaterThanOrEqualTo(1);
        }
    }

    private static Row label(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row " + text);
    }
}
