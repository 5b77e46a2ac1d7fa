package dk.botilbudslaege.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dk.botilbudslaege.common.InvalidRowsException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an XLSX workbook, headings in row 1. A whole number reads as an integer
 * ({@code 20}, not {@code 20.0}), other numbers with a point, yes/no cells as true/false and a
 * formula as its last computed value.
 */
final class XlsxSheet {

    private XlsxSheet() {
    }

    static ImportFile read(byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ImportFile.refused("import.file.empty");
            }
            return read(workbook.getSheetAt(0));
        } catch (InvalidRowsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Apache POI reports a damaged or foreign file with many kinds of unchecked exception.
            throw ImportFile.refused("import.file.unreadable", e.getMessage());
        }
    }

    private static ImportFile read(Sheet sheet) {
        List<String> headers = cells(sheet.getRow(0), 0);
        ImportFile.Rows rows = new ImportFile.Rows();
        for (int index = 1; index <= sheet.getLastRowNum(); index++) {
            Row row = sheet.getRow(index);
            if (row != null) {
                rows.add(index + 1, cells(row, headers.size()));
            }
        }
        return rows.withHeaders(headers);
    }

    private static List<String> cells(Row row, int atLeast) {
        if (row == null) {
            return List.of();
        }
        int width = Math.max(atLeast, row.getLastCellNum());
        List<String> cells = new ArrayList<>(width);
        for (int column = 0; column < width; column++) {
            cells.add(text(row.getCell(column)));
        }
        return cells;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().replace('\u00A0', ' ').strip();
            case NUMERIC -> number(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
