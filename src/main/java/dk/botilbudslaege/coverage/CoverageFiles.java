package dk.botilbudslaege.coverage;

import dk.botilbudslaege.collaboration.Hours;
import dk.botilbudslaege.common.DanishFormats;
import dk.botilbudslaege.common.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
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
 * The coverage tables as files: the open-data CSV and the report's workbook (C4), each table with the
 * partly covered facilities and the pipeline of the date in its last three columns. Every text cell
 * goes through {@link SpreadsheetText#safe} (no formula from a name); counts and shares are numbers.
 */
@Component
class CoverageFiles {

    static final List<String> MUNICIPALITY_HEADER = columns(
            "municipalityCode",
            "municipality",
            "regionCode",
            "region",
            "inScope",
            "covered",
            "coverage",
            "places",
            "coveredPlaces",
            "placesCoverage",
            "partlyCovered",
            "startingLater",
            "awaitingApproval");
    static final List<String> ROW_HEADER = columns(
            "code",
            "name",
            "inScope",
            "covered",
            "coverage",
            "places",
            "coveredPlaces",
            "placesCoverage",
            "partlyCovered",
            "startingLater",
            "awaitingApproval");
    private static final DateTimeFormatter DANISH_DATE = DanishFormats.DATE;

    byte[] municipalitiesCsv(List<MunicipalityCoverage> rows) {
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
            printer.printRecord(MUNICIPALITY_HEADER.stream().map(SpreadsheetText::safe));
            for (MunicipalityCoverage m : rows) {
                CoverageRow c = m.coverage();
                printer.printRecord(
                        SpreadsheetText.safe(c.code()),
                        SpreadsheetText.safe(c.name()),
                        SpreadsheetText.safe(m.regionCode()),
                        SpreadsheetText.safe(m.regionName()),
                        c.inScopeFacilities(),
                        c.coveredFacilities(),
                        Charts.number(c.coverage()),
                        c.places(),
                        c.coveredPlaces(),
                        Charts.number(c.placesCoverage()),
                        c.partlyCoveredFacilities(),
                        c.startingLater(),
                        c.awaitingApproval());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The report's tables as sheets: key figures, regions, municipalities, breakdowns, history,
     * zero-list, the municipalities with agreements on their way, match methods.
     */
    byte[] reportXlsx(Coverage.Overview o) {
        return reportXlsx(
                o,
                new Hours.Report(
                        o.date(),
                        List.of(),
                        new Hours.Subtotal("", "", 0, 0, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, null)));
    }

    /** The report's tables, the last sheet the hours delivered per region or municipality (issue 13 item 3). */
    byte[] reportXlsx(Coverage.Overview o, Hours.Report hoursReport) {
        List<Hours.Subtotal> hours = hoursReport.parts();
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            // issue 16 item 5: counts read 1.531 and dates are date cells (a Danish Excel shows 14-11-2025)
            CellStyle integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
            Styles styles = new Styles(percent, integer, date);

            Sheet key = workbook.createSheet(sheet("keyFigures"));
            Targets t = o.targets();
            Object[][] figures = {
                {column("date"), o.date()},
                {figure("area"), o.regionName() == null ? figure("nation") : o.regionName()},
                {column("inScope"), o.total().inScopeFacilities()},
                {column("covered"), o.total().coveredFacilities()},
                {figure("coverage"), o.total().coverage()},
                {column("places"), o.total().places()},
                {column("coveredPlaces"), o.total().coveredPlaces()},
                {figure("placesCoverage"), o.total().placesCoverage()},
                {figure("partlyCovered"), o.total().partlyCoveredFacilities()},
                {figure("startingLater"), o.total().startingLater()},
                {figure("awaitingApproval"), o.total().awaitingApproval()},
                {figure("coveredNationally"), t.coveredFacilities()},
                {
                    DanishFormats.label(
                            "file.coverage.figure.target", t.targetDate().format(DANISH_DATE)),
                    (long) t.targetFacilities()
                },
                {figure("municipalitiesWithFacilities"), t.municipalitiesWithFacilities()},
                {figure("municipalitiesWithCoverage"), t.municipalitiesWithCoverage()},
                {figure("dispensations"), o.dispensations()},
                {
                    figure("residentsChoosing"),
                    t.residentsChoice().registered() ? t.residentsChoice().share() : figure("notRegistered")
                },
                {figure("residentsChoosingCounts"), choiceNote(t.residentsChoice())}
            };
            for (int i = 0; i < figures.length; i++) {
                Row row = key.createRow(i);
                row.createCell(0).setCellValue(SpreadsheetText.safe(figures[i][0]));
                row.getCell(0).setCellStyle(bold);
                set(row, 1, figures[i][1], styles);
            }

            rows(workbook.createSheet(sheet("regions")), o.regions(), bold, styles, null);
            Sheet municipalities = workbook.createSheet(sheet("municipalities"));
            header(municipalities, MUNICIPALITY_HEADER, bold);
            int r = 1;
            for (MunicipalityCoverage m : o.municipalities()) {
                CoverageRow c = m.coverage();
                Row row = municipalities.createRow(r++);
                Object[] values = {
                    c.code(),
                    c.name(),
                    m.regionCode(),
                    m.regionName(),
                    c.inScopeFacilities(),
                    c.coveredFacilities(),
                    c.coverage(),
                    c.places(),
                    c.coveredPlaces(),
                    c.placesCoverage(),
                    c.partlyCoveredFacilities(),
                    c.startingLater(),
                    c.awaitingApproval()
                };
                for (int i = 0; i < values.length; i++) {
                    set(row, i, values[i], styles);
                }
            }
            // a breakdown's code column shows its short label (SEL § 108), not the code (SEL_108)
            rows(workbook.createSheet(sheet("operator")), o.byOperator(), bold, styles, "operator.");
            rows(workbook.createSheet(sheet("legalBasis")), o.byLegalBasis(), bold, styles, "legalBasis.short.");
            rows(workbook.createSheet(sheet("size")), o.bySize(), bold, styles, "coverage.group.");

            Sheet history = workbook.createSheet(sheet("history"));
            header(history, columns("date", "inScope", "covered", "coverage"), bold);
            r = 1;
            for (HistoryRow h : o.history()) {
                Row row = history.createRow(r++);
                Object[] values = {h.date(), h.inScopeFacilities(), h.coveredFacilities(), h.coverage()};
                for (int i = 0; i < values.length; i++) {
                    set(row, i, values[i], styles);
                }
            }

            Sheet zero = workbook.createSheet(sheet("zero"));
            header(zero, columns("municipalityCode", "municipality", "region", "inScope"), bold);
            r = 1;
            for (Targets.ZeroMunicipality z : t.municipalitiesAtZero()) {
                Row row = zero.createRow(r++);
                Object[] values = {z.code(), z.name(), z.regionName(), z.inScopeFacilities()};
                for (int i = 0; i < values.length; i++) {
                    set(row, i, values[i], styles);
                }
            }

            Sheet pipeline = workbook.createSheet(sheet("pipeline"));
            header(
                    pipeline,
                    columns(
                            "municipalityCode",
                            "municipality",
                            "region",
                            "inScope",
                            "covered",
                            "partlyCovered",
                            "startingLater",
                            "awaitingApproval"),
                    bold);
            r = 1;
            for (MunicipalityCoverage m : o.inProgress()) {
                CoverageRow c = m.coverage();
                Row row = pipeline.createRow(r++);
                Object[] values = {
                    c.code(),
                    c.name(),
                    m.regionName(),
                    c.inScopeFacilities(),
                    c.coveredFacilities(),
                    c.partlyCoveredFacilities(),
                    c.startingLater(),
                    c.awaitingApproval()
                };
                for (int i = 0; i < values.length; i++) {
                    set(row, i, values[i], styles);
                }
            }

            Sheet methods = workbook.createSheet(sheet("matchMethods"));
            header(methods, columns("method", "agreementsInForce"), bold);
            r = 1;
            for (Map.Entry<String, Long> e : o.matchMethods().entrySet()) {
                Row row = methods.createRow(r++);
                row.createCell(0).setCellValue(SpreadsheetText.safe(Charts.matchMethod(e.getKey())));
                set(row, 1, e.getValue(), styles);
            }
            Sheet hoursSheet = workbook.createSheet(sheet("hours"));
            header(
                    hoursSheet,
                    columns(
                            "code",
                            "name",
                            "agreements",
                            "agreedHoursPerMonth",
                            "confirmedHoursPerMonth",
                            "shareDelivered",
                            "agreementsShort"),
                    bold);
            r = 1;
            for (Hours.Subtotal h : hours) {
                Row row = hoursSheet.createRow(r++);
                row.createCell(0).setCellValue(SpreadsheetText.safe(h.code()));
                row.createCell(1).setCellValue(SpreadsheetText.safe(h.name()));
                set(row, 2, (long) h.agreements(), styles);
                row.createCell(3).setCellValue(h.agreedHoursPerMonth().doubleValue());
                row.getCell(3).setCellStyle(decimal);
                row.createCell(4).setCellValue(h.rollingAverage().doubleValue());
                row.getCell(4).setCellStyle(decimal);
                if (h.shareDelivered() != null) {
                    set(row, 5, h.shareDelivered(), styles);
                }
                set(row, 6, (long) h.agreementsShort(), styles);
            }
            // the total row (as on /hours and in the PDF), then the day counted as of when the report is dated ahead
            Hours.Subtotal total = hoursReport.total();
            CellStyle boldPercent = workbook.createCellStyle();
            boldPercent.cloneStyleFrom(percent);
            boldPercent.setFont(font);
            CellStyle boldInteger = workbook.createCellStyle();
            boldInteger.cloneStyleFrom(integer);
            boldInteger.setFont(font);
            CellStyle boldDecimal = workbook.createCellStyle();
            boldDecimal.cloneStyleFrom(decimal);
            boldDecimal.setFont(font);
            Styles boldStyles = new Styles(boldPercent, boldInteger, date);
            Row totalRow = hoursSheet.createRow(r++);
            totalRow.createCell(0).setCellValue("");
            totalRow.createCell(1).setCellValue(DanishFormats.label("file.hours.total"));
            totalRow.getCell(1).setCellStyle(bold);
            set(totalRow, 2, (long) total.agreements(), boldStyles);
            totalRow.createCell(3).setCellValue(total.agreedHoursPerMonth().doubleValue());
            totalRow.getCell(3).setCellStyle(boldDecimal);
            totalRow.createCell(4).setCellValue(total.rollingAverage().doubleValue());
            totalRow.getCell(4).setCellStyle(boldDecimal);
            set(totalRow, 6, (long) total.agreementsShort(), boldStyles);
            if (total.shareDelivered() != null) {
                set(totalRow, 5, total.shareDelivered(), boldStyles);
            }
            if (!hoursReport.asOf().equals(o.date())) {
                hoursSheet
                        .createRow(r + 1)
                        .createCell(0)
                        .setCellValue(DanishFormats.label(
                                "file.hours.asOf", hoursReport.asOf().format(DANISH_DATE)));
            }
            for (Sheet sheet : workbook) {
                for (int i = 0; i < 13; i++) {
                    sheet.autoSizeColumn(i);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Danish labels of the exported files: messages_da's {@code file.coverage.*}. */
    private static String column(String name) {
        return DanishFormats.label("file.coverage.column." + name);
    }

    private static List<String> columns(String... names) {
        return Stream.of(names).map(CoverageFiles::column).toList();
    }

    private static String sheet(String name) {
        return DanishFormats.label("file.coverage.sheet." + name);
    }

    private static String figure(String name) {
        return DanishFormats.label("file.coverage.figure." + name);
    }

    /** Where the C5 share comes from: how many facilities have counts, and how many are missing. */
    private static String choiceNote(Targets.ResidentsChoice rc) {
        return rc.registered()
                ? DanishFormats.label(rc.noteKey(), rc.facilitiesWithCounts(), rc.coveredFacilities(), rc.missing())
                : DanishFormats.label("coverage.choice.none");
    }

    private static void rows(
            Sheet sheet, List<CoverageRow> rows, CellStyle bold, Styles styles, String codeLabelPrefix) {
        header(sheet, ROW_HEADER, bold);
        int r = 1;
        for (CoverageRow c : rows) {
            Row row = sheet.createRow(r++);
            Object[] values = {
                codeLabelPrefix == null ? c.code() : DanishFormats.labelOrCode(codeLabelPrefix, c.code()),
                c.name(),
                c.inScopeFacilities(),
                c.coveredFacilities(),
                c.coverage(),
                c.places(),
                c.coveredPlaces(),
                c.placesCoverage(),
                c.partlyCoveredFacilities(),
                c.startingLater(),
                c.awaitingApproval()
            };
            for (int i = 0; i < values.length; i++) {
                set(row, i, values[i], styles);
            }
        }
    }

    private static void header(Sheet sheet, List<String> names, CellStyle bold) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            header.createCell(i).setCellValue(SpreadsheetText.safe(names.get(i)));
            header.getCell(i).setCellStyle(bold);
        }
    }

    /** The number formats of the workbook's cells. */
    private record Styles(CellStyle percent, CellStyle integer, CellStyle date) {}

    /**
     * Numbers as numbers with a thousands separator, fractions as percentages, days as date cells, everything
     * else as text safe for Excel.
     */
    private static void set(Row row, int column, Object value, Styles styles) {
        if (value instanceof BigDecimal fraction) {
            row.createCell(column).setCellValue(fraction.doubleValue());
            row.getCell(column).setCellStyle(styles.percent());
        } else if (value instanceof Long || value instanceof Integer) {
            row.createCell(column).setCellValue(((Number) value).longValue());
            row.getCell(column).setCellStyle(styles.integer());
        } else if (value instanceof java.time.LocalDate day) {
            row.createCell(column).setCellValue(day);
            row.getCell(column).setCellStyle(styles.date());
        } else {
            row.createCell(column).setCellValue(SpreadsheetText.safe(value));
        }
    }
}
