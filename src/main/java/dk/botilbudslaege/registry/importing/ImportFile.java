package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.InvalidRowsException;
import dk.botilbudslaege.common.RowProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded import file read as a sheet (SPEC §2): its headings (row 1) and its non-blank rows,
 * each with the row number the person sees in Excel. CSV ({@link CsvSheet}) and XLSX
 * ({@link XlsxSheet}) read alike; a file that cannot be read is refused with a reason.
 * <p>
 * A file is refused as soon as it passes a limit (issue 10: one upload must not stop the server):
 * its size ({@link #MAX_BYTES}, unzipped {@link #MAX_UNZIPPED_BYTES}), its rows, columns and cells,
 * and for CSV the length of a line. A refusal names the limit, never the parser's own message.
 */
final class ImportFile {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Data rows: a whole country's facilities are ~2,640 rows, its practices' doctors ~3,500. */
    static final int MAX_ROWS = 10_000;
    /** Columns with a value: the templates have 11 and 12; unknown columns are skipped, up to this many. */
    static final int MAX_COLUMNS = 100;
    /** Cells read, empty ones included: room for {@link #MAX_ROWS} rows of 30 columns. */
    static final int MAX_CELLS = 300_000;
    /** A CSV line, in characters. */
    static final int MAX_LINE_CHARS = 10_000;
    /** An XLSX file unzipped, all parts together, and each part (the sheet, its shared strings). */
    static final long MAX_UNZIPPED_BYTES = 40L * 1024 * 1024;

    static final long MAX_PART_BYTES = 20L * 1024 * 1024;
    static final int MAX_PARTS = 1_000;

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /** A non-blank row: its number in the sheet (the heading is row 1) and its trimmed cells. */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }

    private final List<String> headers;
    private final List<Row> rows;

    ImportFile(List<String> headers, List<Row> rows) {
        this.headers = List.copyOf(headers);
        this.rows = List.copyOf(rows);
    }

    List<String> headers() {
        return headers;
    }

    List<Row> rows() {
        return rows;
    }

    /** Reads an upload, refusing a missing, empty, too large or unreadable file, or one of another type. */
    static ImportFile of(MultipartFile upload) {
        if (upload == null || (upload.isEmpty() && isBlank(upload.getOriginalFilename()))) {
            throw refused("import.file.required");
        }
        if (upload.getSize() > MAX_BYTES) {
            throw refused("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        try {
            return read(upload.getOriginalFilename(), upload.getBytes());
        } catch (IOException e) {
            throw refused("import.file.unreadable");
        }
    }

    /** Reads a file by its name and content: {@code .csv} or {@code .xlsx}, or recognised by its content. */
    static ImportFile read(String filename, byte[] content) {
        if (content.length == 0) {
            throw refused("import.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw refused("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        String extension = extension(filename);
        boolean zip = startsWith(content, ZIP);
        ImportFile file;
        if (extension.equals("xlsx") || (zip && (extension.isEmpty() || extension.equals("csv")))) {
            file = XlsxSheet.read(content);
        } else if (extension.equals("csv") || extension.isEmpty()) {
            if (!isText(content)) {
                throw refused("import.file.notText");
            }
            file = CsvSheet.read(content);
        } else {
            throw refused("import.file.type");
        }
        if (file.rows.isEmpty()) {
            throw refused("import.file.empty");
        }
        return file;
    }

    /** A problem with the file as a whole: no row, the field {@code file}. */
    static InvalidRowsException refused(String messageKey, Object... args) {
        return InvalidRowsException.of(RowProblem.of(null, "file", null, messageKey, args));
    }

    /** Collects the rows of a sheet, refusing more than {@link #MAX_ROWS} that are not blank. */
    static final class Rows {

        private final List<Row> rows = new ArrayList<>();

        void add(int number, List<String> cells) {
            if (cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (rows.size() == MAX_ROWS) {
                throw refused("import.file.tooManyRows", MAX_ROWS);
            }
            rows.add(new Row(number, List.copyOf(cells)));
        }

        ImportFile withHeaders(List<String> headers) {
            return new ImportFile(headers, rows);
        }
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        String name = filename.strip().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text has no NUL bytes; binary files (XLS, PDF, UTF-16 text) almost always do near the start. */
    private static boolean isText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
