package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** C4: the status report as PDF and XLSX, national and per region, for every signed-in role. */
@IntegrationTest
class CoverageReportTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    @Test
    void the_pdf_is_a_danish_status_report_with_date_figures_and_municipalities() throws IOException {
        HttpResponse<byte[]> answer = api.as("region-midt").getBytes("/api/v1/reports/coverage.pdf?date=2025-11-14");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = text(answer.body());
        assertThat(text)
                .contains(
                        "Statusrapport",
                        "Dækningsgrad",
                        "14-11-2025",
                        "Hele landet",
                        "Norddjurs",
                        "Region Midtjylland",
                        "Lemvig",
                        "ikke registreret",
                        "Dispensationer i kraft",
                        "250",
                        "Sådan kom aftalerne i stand");
        assertThat(text).doesNotContain("Læge ").doesNotContain("null");
    }

    @Test
    void a_region_report_holds_the_region_only() throws IOException {
        String text = text(api.as("region-midt")
                .getBytes("/api/v1/reports/coverage.pdf?date=2026-01-31&regionCode=1082")
                .body());
        assertThat(text)
                .contains("Region Midtjylland", "31-01-2026", "Norddjurs")
                .doesNotContain("Region Sjælland");
    }

    @Test
    void the_workbook_holds_the_same_tables_as_sheets() throws IOException {
        HttpResponse<byte[]> answer = api.as("national").getBytes("/api/v1/reports/coverage.xlsx?date=2025-11-14");

        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            // issue 16 item 5: the report's day is a date cell, shown as 14-11-2025
            assertThat(workbook.getSheet("Nøgletal").getRow(0).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(java.time.LocalDate.of(2025, 11, 14).atStartOfDay());
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter()
                            .formatCellValue(
                                    workbook.getSheet("Nøgletal").getRow(0).getCell(1)))
                    .isEqualTo("14-11-2025");
            assertThat(workbook.getSheet("Nøgletal").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Hele landet");
            Sheet regions = workbook.getSheet("Regioner");
            assertThat(regions.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Dækningsgrad (%)");
            assertThat(regions.getPhysicalNumberOfRows()).isEqualTo(6);
            Sheet municipalities = workbook.getSheet("Kommuner");
            assertThat(municipalities.getPhysicalNumberOfRows()).isEqualTo(99);
            boolean norddjurs = false;
            for (var row : municipalities) {
                if (row.getCell(0).getStringCellValue().equals("707")) {
                    norddjurs = true;
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Norddjurs");
                    assertThat(row.getCell(4).getNumericCellValue()).isGreaterThan(0);
                    assertThat(row.getCell(6).getNumericCellValue()).isBetween(0.0, 1.0);
                }
            }
            assertThat(norddjurs).isTrue();
            assertThat(workbook.getSheet("Størrelse").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("Op til 30 pladser");
            assertThat(workbook.getSheet("Udvikling").getPhysicalNumberOfRows()).isEqualTo(19);
            assertThat(workbook.getSheet("Kommuner uden dækning")
                            .getRow(0)
                            .getCell(1)
                            .getStringCellValue())
                    .isEqualTo("Kommune");
            assertThat(workbook.getSheet("Matchmetoder")).isNotNull();
        }
    }

    @Test
    void every_role_may_download_the_national_and_a_regional_version() {
        for (String user :
                new String[] {"national", "region-nord", "kommune-aarhus", "botilbud-skovstjernen", "laege-norddjurs"
                }) {
            assertThat(api.as(user).getBytes("/api/v1/reports/coverage.xlsx").statusCode())
                    .as(user)
                    .isEqualTo(200);
            assertThat(api.as(user)
                            .getBytes("/api/v1/reports/coverage.xlsx?regionCode=1082")
                            .statusCode())
                    .as(user)
                    .isEqualTo(200);
        }
        assertThat(api.getBytes("/api/v1/reports/coverage.xlsx").statusCode()).isEqualTo(401);
        assertThat(api.as("national")
                        .get("/api/v1/reports/coverage.xlsx?date=i-går")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void page_one_renders_as_an_image_for_a_person_to_look_at() throws Exception {
        Path pdftoppm = Stream.of(
                        System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "pdftoppm"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(pdftoppm != null, "pdftoppm (poppler-utils) is not installed");
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve("coverage-report.pdf");
        Files.write(
                file,
                api.as("national").getBytes("/api/v1/reports/coverage.pdf").body());
        Process process = new ProcessBuilder(
                        pdftoppm.toString(),
                        "-png",
                        "-r",
                        "60",
                        "-f",
                        "1",
                        "-l",
                        "2",
                        file.toString(),
                        SCREENSHOTS.resolve("coverage-report").toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(new String(process.getInputStream().readAllBytes()))
                .isZero();
    }

    static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
