package dk.botilbudslaege.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The coverage files never carry a formula from a name (issue 10, exports); numbers stay numbers. */
class CoverageFilesTest {

    static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    final CoverageFiles files = new CoverageFiles();

    @Test
    void a_name_that_looks_like_a_formula_is_text_in_every_sheet_of_the_report() throws IOException {
        CoverageRow row = new CoverageRow("-1", FORMULA, 4, 1, new BigDecimal("0.25"), 40, 10);
        MunicipalityCoverage municipality = new MunicipalityCoverage(row, "1082", "@Region");
        Targets targets = new Targets(
                LocalDate.of(2025, 11, 14),
                1,
                250,
                LocalDate.of(2025, 12, 31),
                new BigDecimal("0.004"),
                1,
                0,
                List.of(new Targets.ZeroMunicipality("707", FORMULA, "1082", "+Region", 4)),
                Targets.ResidentsChoice.NOT_REGISTERED);
        Coverage.Overview overview = new Coverage.Overview(
                LocalDate.of(2025, 11, 14),
                "1082",
                "-Region",
                row,
                List.of(row),
                List.of(municipality),
                List.of(),
                targets,
                List.of(row),
                List.of(row),
                List.of(row),
                Map.of(),
                0);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(files.reportXlsx(overview)))) {
            assertThat(workbook.getSheet("Nøgletal").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("'-Region");
            for (String name : List.of("Regioner", "Driftsform", "Lovgrundlag", "Størrelse")) {
                Sheet sheet = workbook.getSheet(name);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue())
                        .as(name)
                        .isEqualTo("'-1");
                assertThat(sheet.getRow(1).getCell(1).getCellType()).as(name).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(1).getCell(1).getStringCellValue())
                        .as(name)
                        .isEqualTo("'" + FORMULA);
                assertThat(sheet.getRow(1).getCell(2).getNumericCellValue())
                        .as(name)
                        .isEqualTo(4);
            }
            Sheet municipalities = workbook.getSheet("Kommuner");
            assertThat(municipalities.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(municipalities.getRow(1).getCell(3).getStringCellValue()).isEqualTo("'@Region");
            assertThat(municipalities.getRow(1).getCell(6).getNumericCellValue())
                    .isEqualTo(0.25);
            Sheet zero = workbook.getSheet("Kommuner uden dækning");
            assertThat(zero.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(zero.getRow(1).getCell(2).getStringCellValue()).isEqualTo("'+Region");
        }
    }

    @Test
    void the_open_data_csv_neutralises_names_and_keeps_numbers() {
        CoverageRow row = new CoverageRow("707", FORMULA, 4, 1, new BigDecimal("0.25"), 40, 10);
        String csv = new String(
                files.municipalitiesCsv(List.of(new MunicipalityCoverage(row, "1082", "-Region"))),
                StandardCharsets.UTF_8);

        assertThat(csv).contains("707;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";1082;'-Region;4;1;");
        assertThat(csv).doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
    }
}
