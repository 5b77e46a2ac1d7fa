package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.common.InvalidRowsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ImportFileTest {

    @Test
    void a_csv_as_danish_excel_saves_it_reads_with_bom_semicolons_and_spreadsheet_row_numbers() {
        String csv = "\uFEFFNavn;Adresse;Pladser\r\n"
                + "Skovly;\"Skovvej 1; 8500 Grenaa\";20\r\n"
                + ";;\r\n"
                + "\r\n"
                + " Havblik ;Havvej 2;12\r\n";
        ImportFile file = ImportFile.read("botilbud.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(file.headers()).containsExactly("Navn", "Adresse", "Pladser");
        assertThat(file.rows()).extracting(ImportFile.Row::number).containsExactly(2, 5);
        assertThat(file.rows().get(0).cells()).containsExactly("Skovly", "Skovvej 1; 8500 Grenaa", "20");
        assertThat(file.rows().get(1).cell(0)).isEqualTo("Havblik");
    }

    @Test
    void a_csv_separated_by_commas_reads_when_its_heading_has_no_semicolon() {
        String csv = "Navn,Breddegrad\nSkovly,\"56,41\"\n";
        ImportFile file = ImportFile.read("botilbud.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(file.rows().get(0).cells()).containsExactly("Skovly", "56,41");
    }

    @Test
    void a_csv_saved_as_windows_1252_keeps_its_danish_letters() {
        String csv = "Navn;Kommunekode\nBøgely Ærø;Åbenrå\n";
        ImportFile file = ImportFile.read("botilbud.csv", csv.getBytes(Charset.forName("windows-1252")));

        assertThat(file.headers()).containsExactly("Navn", "Kommunekode");
        assertThat(file.rows().get(0).cells()).containsExactly("Bøgely Ærø", "Åbenrå");
    }

    @Test
    void an_xlsx_reads_its_first_sheet_with_whole_numbers_as_integers_and_blank_rows_skipped() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "Navn", "Pladser", "Breddegrad", "Momsregistreret", "Ydernummer");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("Skovly");
            first.createCell(1).setCellValue(20);
            first.createCell(2).setCellValue(56.4123);
            first.createCell(3).setCellValue(true);
            first.createCell(4).setCellValue("070101");
            sheet.createRow(2).createCell(0).setCellValue("  ");
            row(sheet, 4, "Havblik");
        });
        ImportFile file = ImportFile.read("botilbud.xlsx", xlsx);

        assertThat(file.headers()).containsExactly("Navn", "Pladser", "Breddegrad", "Momsregistreret", "Ydernummer");
        assertThat(file.rows()).extracting(ImportFile.Row::number).containsExactly(2, 5);
        assertThat(file.rows().get(0).cells()).containsExactly("Skovly", "20", "56.4123", "true", "070101");
    }

    @Test
    void an_xlsx_is_recognised_by_its_content_when_the_name_says_nothing() throws IOException {
        byte[] xlsx = workbook(sheet -> {
            row(sheet, 0, "Navn");
            row(sheet, 1, "Skovly");
        });
        assertThat(ImportFile.read("export", xlsx).rows()).hasSize(1);
    }

    @Test
    void files_that_are_not_csv_or_xlsx_are_refused_with_a_reason() {
        assertRefused(
                () -> ImportFile.read("liste.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)), "import.file.type");
        assertRefused(
                () -> ImportFile.read("liste.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}),
                "import.file.type");
        // a .csv that is not text (NUL bytes: UTF-16, a renamed binary) is told so, not that it is no .csv
        assertRefused(() -> ImportFile.read("liste.csv", new byte[] {'N', 0, 'a', 0}), "import.file.notText");
        assertRefused(
                () -> ImportFile.read("liste.xlsx", "Navn;Adresse".getBytes(StandardCharsets.UTF_8)),
                "import.file.unreadable");
    }

    @Test
    void an_empty_file_or_one_with_only_headings_is_refused() {
        assertRefused(() -> ImportFile.read("tom.csv", new byte[0]), "import.file.empty");
        assertRefused(
                () -> ImportFile.read("tom.csv", "\uFEFFNavn;Adresse\r\n;\r\n".getBytes(StandardCharsets.UTF_8)),
                "import.file.empty");
    }

    @Test
    void a_file_with_more_rows_than_allowed_is_refused() {
        StringBuilder csv = new StringBuilder("Navn\n");
        for (int i = 0; i <= ImportFile.MAX_ROWS; i++) {
            csv.append("Bosted ").append(i).append('\n');
        }
        assertRefused(
                () -> ImportFile.read("stor.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
                "import.file.tooManyRows");
    }

    @Test
    void an_unterminated_quote_is_an_unreadable_file_not_an_error() {
        assertRefused(
                () -> ImportFile.read("fejl.csv", "Navn;Adresse\n\"Skovly;Vej".getBytes(StandardCharsets.UTF_8)),
                "import.file.unreadable");
    }

    @Test
    void an_xlsx_written_by_another_program_reads_inline_strings_formula_results_and_sparse_cells() {
        byte[] xlsx =
                XlsxFiles.xlsx(sheet -> sheet.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Navn</t></is></c>"
                        + "<c r=\"C1\" t=\"inlineStr\"><is><r><t>Plad</t></r><r><t>ser</t></r></is></c></row>"
                        + "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"Skov\"&amp;\"ly\"</f><v>Skovly</v></c>"
                        + "<c r=\"C3\"><f>10*2</f><v>20</v></c><c r=\"D3\" t=\"b\"><v>1</v></c></row>"));
        ImportFile file = ImportFile.read("botilbud.xlsx", xlsx);

        assertThat(file.headers()).containsExactly("Navn", "", "Pladser");
        assertThat(file.rows()).extracting(ImportFile.Row::number).containsExactly(3);
        assertThat(file.rows().get(0).cells()).containsExactly("Skovly", "", "20", "true");
    }

    @Test
    void an_xlsx_of_millions_of_cells_is_refused_by_its_unzipped_size_before_it_is_read() {
        // issue 10: ~660 KB zipped, 60 MB unzipped; here 1.5 million cells, 22 MB unzipped, ~100 KB zipped
        byte[] xlsx = XlsxFiles.xlsx(XlsxFiles.numbers(1_500, 1_000));
        assertThat(xlsx.length).isLessThan((int) ImportFile.MAX_BYTES);

        // its one sheet passes the limit of a part (20 MB) before the whole file passes 40 MB
        assertRefused(() -> ImportFile.read("stor.xlsx", xlsx), "import.file.partTooLarge");
    }

    @Test
    void an_xlsx_stops_at_the_first_limit_it_passes_cells_columns_or_rows() {
        assertRefused(
                () -> ImportFile.read("celler.xlsx", XlsxFiles.xlsx(XlsxFiles.numbers(4_000, 80))),
                "import.file.tooManyCells");
        assertRefused(
                () -> ImportFile.read("kolonner.xlsx", XlsxFiles.xlsx(XlsxFiles.numbers(2, 101))),
                "import.file.tooManyColumns");
        assertRefused(
                () -> ImportFile.read("rækker.xlsx", XlsxFiles.xlsx(XlsxFiles.numbers(ImportFile.MAX_ROWS + 2, 1))),
                "import.file.tooManyRows");
        // empty cells far to the right are no values: only a value beyond the last column counts
        ImportFile file = ImportFile.read(
                "tom.xlsx",
                XlsxFiles.xlsx(sheet -> sheet.write(
                        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Navn</t></is></c><c r=\"XFD1\" s=\"1\"/></row>"
                                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>")));
        assertThat(file.rows()).hasSize(1);
    }

    @Test
    void a_csv_stops_at_a_line_too_long_too_many_columns_or_too_many_cells() {
        String longLine = "Navn\n" + "x".repeat(ImportFile.MAX_LINE_CHARS + 1) + "\n";
        assertRefused(
                () -> ImportFile.read("lang.csv", longLine.getBytes(StandardCharsets.UTF_8)),
                "import.file.lineTooLong");
        String wide = "Navn\n" + ";".repeat(ImportFile.MAX_COLUMNS) + "x\n";
        assertRefused(
                () -> ImportFile.read("bred.csv", wide.getBytes(StandardCharsets.UTF_8)), "import.file.tooManyColumns");
        StringBuilder many = new StringBuilder("Navn\n");
        String row = ";".repeat(59) + "\n";
        for (int i = 0; i < ImportFile.MAX_CELLS / 60 + 1; i++) {
            many.append(row);
        }
        assertRefused(
                () -> ImportFile.read("mange.csv", many.toString().getBytes(StandardCharsets.UTF_8)),
                "import.file.tooManyCells");
    }

    @Test
    void an_unreadable_file_is_refused_without_the_parser_s_own_words() {
        assertThatThrownBy(() -> ImportFile.read("fejl.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
                .isInstanceOfSatisfying(
                        InvalidRowsException.class,
                        e -> assertThat(e.problems().get(0).message().getArguments())
                                .isNullOrEmpty());
        assertThatThrownBy(() -> ImportFile.read("fejl.csv", "Navn\n\"Skovly".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidRowsException.class,
                        e -> assertThat(e.problems().get(0).message().getArguments())
                                .isNullOrEmpty());
    }

    private static void assertRefused(Runnable reading, String messageKey) {
        assertThatThrownBy(reading::run).isInstanceOfSatisfying(InvalidRowsException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).row()).isNull();
            assertThat(e.problems().get(0).field()).isEqualTo("file");
            assertThat(e.problems().get(0).message().getCodes()).containsExactly(messageKey);
        });
    }

    static byte[] workbook(java.util.function.Consumer<Sheet> content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            content.accept(workbook.createSheet("Ark1"));
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }
}
