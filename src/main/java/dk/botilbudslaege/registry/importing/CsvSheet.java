package dk.botilbudslaege.registry.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as Danish Excel writes it: separated by {@code ;} (or {@code ,} when the heading
 * has no {@code ;}), UTF-8 with or without a byte order mark, or Windows-1252 from "CSV
 * (semikolonsepareret)". Each record is one spreadsheet row, so its number is the row number.
 * Lines, cells and columns are limited ({@link ImportFile}); the first limit passed ends the reading.
 */
final class CsvSheet {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvSheet() {}

    static ImportFile read(byte[] content) {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .get();
        checkLineLength(text);
        List<String> headers = List.of();
        ImportFile.Rows rows = new ImportFile.Rows();
        long cellCount = 0;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                int number = Math.toIntExact(record.getRecordNumber());
                cellCount += record.size();
                if (cellCount > ImportFile.MAX_CELLS) {
                    throw ImportFile.refused("import.file.tooManyCells", ImportFile.MAX_CELLS);
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(value -> cells.add(value.replace('\u00A0', ' ').strip()));
                for (int column = ImportFile.MAX_COLUMNS; column < cells.size(); column++) {
                    if (!cells.get(column).isEmpty()) {
                        throw ImportFile.refused("import.file.tooManyColumns", number, ImportFile.MAX_COLUMNS);
                    }
                }
                if (number == 1) {
                    headers = cells;
                } else {
                    rows.add(number, cells);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // e.g. a quote that is never closed; the parser's own words are not for the reader
            throw ImportFile.refused("import.file.unreadable");
        }
        return rows.withHeaders(headers);
    }

    /** Refuses a line longer than {@link ImportFile#MAX_LINE_CHARS} before any of it is parsed into cells. */
    private static void checkLineLength(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > ImportFile.MAX_LINE_CHARS) {
                    throw ImportFile.refused("import.file.lineTooLong", line, ImportFile.MAX_LINE_CHARS);
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what older Danish Excel saves). */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String heading = end < 0 ? text : text.substring(0, end);
        if (heading.indexOf(';') >= 0) {
            return ';';
        }
        if (heading.indexOf(',') >= 0) {
            return ',';
        }
        return heading.indexOf('\t') >= 0 ? '\t' : ';';
    }
}
