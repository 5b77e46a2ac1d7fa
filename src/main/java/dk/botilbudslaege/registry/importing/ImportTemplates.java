package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable templates of the import files (SPEC §2): the Danish headings and one example
 * row, as CSV the way Danish Excel saves it (UTF-8 with BOM, {@code ;}, decimal comma) and as XLSX.
 * Text cells go through {@link SpreadsheetText#safe}, like every file the app writes.
 */
final class ImportTemplates {

    private static final String TEXT_FORMAT = "@";

    private ImportTemplates() {}

    static byte[] csv(List<ImportColumn> columns, List<Object> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            csv.printRecord(columns.stream().map(c -> SpreadsheetText.safe(c.header())));
            csv.printRecord(example.stream().map(ImportTemplates::danish));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(List<ImportColumn> columns, List<Object> example) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Import");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat(TEXT_FORMAT));
            Row headings = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = headings.createCell(i);
                cell.setCellValue(SpreadsheetText.safe(columns.get(i).header()));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(
                        i, Math.min(60, Math.max(14, columns.get(i).header().length() + 4)) * 256);
                Object value = example.get(i);
                Cell exampleCell = row.createCell(i);
                if (value instanceof Number number) {
                    exampleCell.setCellValue(number.doubleValue());
                } else {
                    // Text columns stay text when typed into, so a provider number keeps its leading zero.
                    sheet.setDefaultColumnStyle(i, text);
                    exampleCell.setCellStyle(text);
                    exampleCell.setCellValue(SpreadsheetText.safe(value));
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value as Danish Excel writes it in a CSV file: a decimal comma. */
    private static String danish(Object value) {
        return value instanceof Number ? value.toString().replace('.', ',') : SpreadsheetText.safe(value);
    }
}
