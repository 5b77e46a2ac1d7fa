package dk.botilbudslaege.registry.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX files written by hand, streamed into the zip: the smallest package Excel and POI open, with
 * the sheet's {@code <sheetData>} written by the caller. Makes the hostile files of issue 10 (millions
 * of cells) in a few hundred KB without holding them in memory:
 * {@code java -cp target/test-classes dk.botilbudslaege.registry.XlsxFiles /tmp/4m.xlsx 4000 1000}.
 */
final class XlsxFiles {

    @FunctionalInterface
    interface SheetData {
        void write(Writer sheet) throws IOException;
    }

    private XlsxFiles() {}

    static byte[] xlsx(SheetData rows) {
        return xlsx("", rows);
    }

    /** With {@code prolog} (e.g. a DOCTYPE) between the sheet's XML declaration and its root element. */
    static byte[] xlsx(String prolog, SheetData rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, prolog, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code rows} rows of {@code columns} one-digit numbers each, as {@code <c><v>7</v></c>} (15 bytes a cell). */
    static SheetData numbers(int rows, int columns) {
        return sheet -> {
            for (int r = 0; r < rows; r++) {
                sheet.write("<row>");
                for (int c = 0; c < columns; c++) {
                    sheet.write("<c><v>" + ((r + c) % 10) + "</v></c>");
                }
                sheet.write("</row>");
            }
        };
    }

    static void write(OutputStream out, SheetData rows) throws IOException {
        write(out, "", rows);
    }

    static void write(OutputStream out, String prolog, SheetData rows) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        entry(zip, text, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                </Types>""");
        entry(zip, text, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>""");
        entry(zip, text, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        entry(zip, text, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet1.xml"/></Relationships>""");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        text.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + prolog
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        rows.write(text);
        text.write("</sheetData></worksheet>");
        text.flush();
        zip.closeEntry();
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, Writer text, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        text.write(content);
        text.flush();
        zip.closeEntry();
    }

    /** Writes {@code rows} x {@code columns} number cells to a file: {@code path rows columns}. */
    public static void main(String[] args) throws IOException {
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            write(out, numbers(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        }
    }
}
