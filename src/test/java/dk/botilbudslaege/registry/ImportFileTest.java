package dk.botilbudslaege.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dk.botilbudslaege.common.InvalidRowsException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertRefused(() -> ImportFile.read("liste.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)),
                "import.file.type");
        assertRefused(() -> ImportFile.read("liste.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}),
                "import.file.type");
        assertRefused(() -> ImportFile.read("liste.csv", new byte[] {'N', 0, 'a', 0}), "import.file.type");
        assertRefused(() -> ImportFile.read("liste.xlsx", "Navn;Adresse".getBytes(StandardCharsets.UTF_8)),
                "import.file.unreadable");
    }

    @Test
    void an_empty_file_or_one_with_only_headings_is_refused() {
        assertRefused(() -> ImportFile.read("tom.csv", new byte[0]), "import.file.empty");
        assertRefused(() -> ImportFile.read("tom.csv", "\uFEFFNavn;Adresse\r\n;\r\n".getBytes(StandardCharsets.UTF_8)),
                "import.file.empty");
    }

    @Test
    void a_file_with_more_rows_than_allowed_is_refused() {
        StringBuilder csv = new StringBuilder("Navn\n");
        for (int i = 0; i <= ImportFile.MAX_ROWS; i++) {
            csv.append("Bosted ").append(i).append('\n');
        }
        assertRefused(() -> ImportFile.read("stor.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
                "import.file.tooManyRows");
    }

    @Test
    void an_unterminated_quote_is_an_unreadable_file_not_an_error() {
        assertRefused(() -> ImportFile.read("fejl.csv", "Navn;Adresse\n\"Skovly;Vej".getBytes(StandardCharsets.UTF_8)),
                "import.file.unreadable");
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
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
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
