package dk.botilbudslaege.settlement;

import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The payment file of a month (SPEC F5) as XLSX and as CSV the way Danish Excel reads it:
 * semicolon-separated, UTF-8 with BOM, decimal comma. Every text cell (names, provider number) goes
 * through {@link SpreadsheetText#safe}, so a name like {@code =HYPERLINK(...)} is text, not a formula;
 * amounts, hours and days are numbers (numeric cells; in CSV a Danish number such as {@code -12,50}).
 * A month not approved gives a draft: {@code UDKAST} in the file name, the CSV's first line (before the
 * header) and the sheet's title. The labels are messages_da's {@code file.payment.*}, Danish whatever the
 * caller's language.
 */
@Component
class PaymentFiles {

    /** SPEC F5: the first line (CSV) of a month's file before approval; its sheet title (XLSX) begins "UDKAST". */
    static final List<String> DRAFT_LINE =
            List.of(DanishFormats.label("file.payment.draft.title"), DanishFormats.label("file.payment.draft.note"));

    /** {@code afregning-1082-2026-03.csv}; before approval {@code UDKAST-afregning-1082-2026-03.csv}. */
    static String filename(Settlements.MonthView view, String extension) {
        return (view.draft() ? "UDKAST-" : "") + "afregning-" + view.regionCode() + "-" + view.month() + "."
                + extension;
    }

    static String sheetName(Settlements.MonthView view) {
        return DanishFormats.label(view.draft() ? "file.payment.sheet.draft" : "file.payment.sheet", view.month());
    }

    static final List<String> HEADER = Stream.of(
                    "month",
                    "region",
                    "agreement",
                    "providerNumber",
                    "doctor",
                    "unit",
                    "municipality",
                    "kind",
                    "correctsMonth",
                    "days",
                    "hours",
                    "amountExVat",
                    "vat",
                    "amountInclVat")
            .map(column -> DanishFormats.label("file.payment.header." + column))
            .toList();

    byte[] xlsx(Settlements.MonthView view) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName(view));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            // issue 16 item 5: months are date cells (the first of the month) that a Danish Excel shows "oktober 2026"
            CellStyle month = workbook.createCellStyle();
            month.setDataFormat(workbook.createDataFormat().getFormat("mmmm yyyy"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(text(HEADER.get(i)));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (Settlements.LineView v : view.lines()) {
                SettlementLine l = v.line();
                Row row = sheet.createRow(r++);
                month(row, 0, view.month(), month);
                row.createCell(1).setCellValue(text(view.regionCode()));
                row.createCell(2).setCellValue(l.agreementId());
                row.createCell(3).setCellValue(text(l.providerNumber()));
                row.createCell(4).setCellValue(text(v.doctorName()));
                row.createCell(5).setCellValue(text(v.unitName()));
                row.createCell(6).setCellValue(text(v.municipalityName()));
                row.createCell(7).setCellValue(text(kind(l)));
                month(row, 8, l.correctsMonth(), month);
                row.createCell(9).setCellValue(l.days());
                row.createCell(10).setCellValue(l.hours().doubleValue());
                money(row, 11, l.amountExVat(), money);
                money(row, 12, l.vat(), money);
                money(row, 13, l.amountInclVat(), money);
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue(DanishFormats.label("file.payment.total"));
            total.getCell(0).setCellStyle(bold);
            money(total, 11, view.totalExVat(), money);
            money(total, 12, view.totalVat(), money);
            money(total, 13, view.totalInclVat(), money);
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.autoSizeColumn(i);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] csv(Settlements.MonthView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(
                        writer,
                        CSVFormat.DEFAULT
                                .builder()
                                .setDelimiter(';')
                                .setRecordSeparator("\r\n")
                                .get())) {
            writer.write('\uFEFF');
            if (view.draft()) {
                printer.printRecord(DRAFT_LINE);
            }
            printer.printRecord(HEADER.stream().map(SpreadsheetText::safe));
            for (Settlements.LineView v : view.lines()) {
                SettlementLine l = v.line();
                printer.printRecord(
                        text(view.month()),
                        text(view.regionCode()),
                        l.agreementId(),
                        text(l.providerNumber()),
                        text(v.doctorName()),
                        text(v.unitName()),
                        text(v.municipalityName()),
                        text(kind(l)),
                        text(l.correctsMonth()),
                        l.days(),
                        DanishFormats.decimal(l.hours(), 1),
                        DanishFormats.decimal(l.amountExVat(), 2),
                        DanishFormats.decimal(l.vat(), 2),
                        DanishFormats.decimal(l.amountInclVat(), 2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A text cell: user text made safe for Excel (a missing value is empty). */
    private static String text(Object value) {
        return SpreadsheetText.safe(value);
    }

    private static String kind(SettlementLine l) {
        return DanishFormats.label("file.payment.kind." + l.kind().name());
    }

    private static void month(Row row, int column, java.time.YearMonth value, CellStyle style) {
        if (value == null) {
            row.createCell(column).setCellValue("");
            return;
        }
        row.createCell(column).setCellValue(value.atDay(1));
        row.getCell(column).setCellStyle(style);
    }

    private static void money(Row row, int column, BigDecimal amount, CellStyle style) {
        row.createCell(column).setCellValue(amount.doubleValue());
        row.getCell(column).setCellStyle(style);
    }
}
