package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.InvalidRowsException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook, headings in row 1. A whole number reads as an integer
 * ({@code 20}, not {@code 20.0}), other numbers with a point, yes/no cells as true/false and a
 * formula as its last computed value.
 * <p>
 * The workbook is never loaded whole (issue 10: a 663 KB file of 4 million cells took 4 GB that
 * way). First every part is unzipped once into nothing, counting its bytes, and a file larger than
 * {@link ImportFile#MAX_PART_BYTES} per part or {@link ImportFile#MAX_UNZIPPED_BYTES} in all is
 * refused. Then the sheet is read as a stream of XML events (SAX), and reading stops at the first
 * limit it passes: rows, cells or columns.
 */
final class XlsxSheet {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheet.class);

    static {
        // POI's own zip-bomb guard refuses a part that compresses better than 100:1, as ten thousand
        // similar rows do. The bytes of every part are counted before POI reads any (checkUnzippedSize),
        // which is the guard that matters; POI's ratio would only turn good files into "unreadable" ones.
        // This is POI's global setting; the import is the only place the app reads a workbook.
        ZipSecureFile.setMinInflateRatio(0);
        ZipSecureFile.setMaxEntrySize(ImportFile.MAX_PART_BYTES);
    }

    private XlsxSheet() {}

    static ImportFile read(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("import-", ".xlsx");
            Files.write(file, content);
            checkUnzippedSize(file);
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                return read(pkg);
            } finally {
                pkg.revert();
            }
        } catch (InvalidRowsException e) {
            throw e;
        } catch (Exception e) {
            // A damaged or foreign file: POI and the XML parser fail in many ways, none of them for the reader.
            log.info("An uploaded XLSX file could not be read: {}", e.toString());
            throw ImportFile.refused("import.file.unreadable");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the temporary import file {}", file);
                }
            }
        }
    }

    /** Unzips every part without keeping it, refusing too many parts, or too many bytes per part or in all. */
    private static void checkUnzippedSize(Path file) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int parts = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++parts > ImportFile.MAX_PARTS) {
                    throw ImportFile.refused("import.file.tooManyParts", ImportFile.MAX_PARTS);
                }
                if (entry.getSize() > ImportFile.MAX_PART_BYTES) {
                    throw partTooLarge();
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        size += n;
                        total += n;
                        if (size > ImportFile.MAX_PART_BYTES) {
                            throw partTooLarge();
                        }
                        if (total > ImportFile.MAX_UNZIPPED_BYTES) {
                            throw tooLargeUnzipped();
                        }
                    }
                }
            }
        }
    }

    private static InvalidRowsException partTooLarge() {
        return ImportFile.refused("import.file.partTooLarge", ImportFile.MAX_PART_BYTES / (1024 * 1024));
    }

    private static InvalidRowsException tooLargeUnzipped() {
        return ImportFile.refused("import.file.tooLargeUnzipped", ImportFile.MAX_UNZIPPED_BYTES / (1024 * 1024));
    }

    private static ImportFile read(OPCPackage pkg) throws Exception {
        XSSFReader reader = new XSSFReader(pkg);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw ImportFile.refused("import.file.empty");
        }
        SheetHandler handler = new SheetHandler(new ReadOnlySharedStringsTable(pkg, false));
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        try (InputStream sheet = sheets.next()) {
            parser.parse(new InputSource(sheet));
        } catch (SAXException e) {
            if (e.getException() instanceof InvalidRowsException refusal) {
                throw refusal;
            }
            throw e;
        }
        return handler.file();
    }

    /**
     * The rows of a sheet from its XML ({@code <row r="2"><c r="A2" t="s"><v>0</v></c>...}), with
     * empty cells left out and every limit of {@link ImportFile} checked as the cells arrive.
     */
    private static final class SheetHandler extends DefaultHandler {

        private final SharedStrings strings;
        private final ImportFile.Rows rows = new ImportFile.Rows();
        private final StringBuilder value = new StringBuilder();
        private List<String> headers = List.of();
        private List<String> cells;
        private int rowNumber;
        private int column;
        private String type;
        private boolean inValue;
        private boolean inText;
        private boolean inPhonetic;
        private long cellCount;

        SheetHandler(SharedStrings strings) {
            this.strings = strings;
        }

        ImportFile file() {
            return rows.withHeaders(headers);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r.trim());
                    cells = new ArrayList<>();
                    column = -1;
                }
                case "c" -> {
                    if (++cellCount > ImportFile.MAX_CELLS) {
                        throw ImportFile.refused("import.file.tooManyCells", ImportFile.MAX_CELLS);
                    }
                    String r = attributes.getValue("r");
                    column = r == null ? column + 1 : new CellReference(r).getCol();
                    String t = attributes.getValue("t");
                    type = t == null ? "n" : t;
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "t" -> inText = true;
                case "rPh" -> inPhonetic = true;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || (inText && !inPhonetic)) {
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (name(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> cell(text(type, value.toString()));
                case "row" -> row();
                default -> {}
            }
        }

        private void cell(String text) {
            if (text.isEmpty() || cells == null) {
                return;
            }
            if (column >= ImportFile.MAX_COLUMNS) {
                throw ImportFile.refused("import.file.tooManyColumns", rowNumber, ImportFile.MAX_COLUMNS);
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (cells.size() == column) {
                cells.add(text);
            } else {
                cells.set(column, text);
            }
        }

        private void row() {
            if (rowNumber == 1) {
                headers = cells;
            } else if (rowNumber > 1) {
                while (cells.size() < headers.size()) {
                    cells.add("");
                }
                rows.add(rowNumber, cells);
            }
            cells = null;
        }

        private String text(String type, String raw) {
            return switch (type) {
                case "s" ->
                    raw.isBlank()
                            ? ""
                            : clean(strings.getItemAt(Integer.parseInt(raw.trim()))
                                    .getString());
                case "inlineStr", "str" -> clean(raw);
                case "b" -> raw.isBlank() ? "" : String.valueOf("1".equals(raw.trim()));
                case "e", "d" -> raw.strip();
                default -> raw.isBlank() ? "" : number(Double.parseDouble(raw.trim()));
            };
        }

        private static String name(String localName, String qName) {
            if (localName != null && !localName.isEmpty()) {
                return localName;
            }
            int colon = qName.indexOf(':');
            return colon < 0 ? qName : qName.substring(colon + 1);
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\u00A0', ' ').strip();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
