package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * i19-misc: an XLSX whose sheet carries a DOCTYPE (refused: no entities are ever expanded) is a user's mistake: the
 * import answers its clear message and nothing is logged at ERROR (POI's XML helper logged one per upload).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class XlsxDoctypeTest {

    @LocalServerPort
    int port;

    @Test
    void a_sheet_with_a_doctype_is_refused_with_the_clear_message_and_no_error_is_logged(CapturedOutput output)
            throws IOException {
        Api.Response answer =
                Api.on(port).as("region-midt").postFile("/api/v1/facilities/import", "doctype.xlsx", withDoctype());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IMPORT_FAILED");
        assertThat(answer.json().path("errors").get(0).path("message").asString())
                .startsWith("Filen kunne ikke læses.");
        assertThat(answer.body()).doesNotContain("DOCTYPE").doesNotContainIgnoringCase("exception");
        assertThat(output.getAll())
                .contains("An uploaded XLSX file could not be read")
                .doesNotContain("XMLHelper");
    }

    private static byte[] withDoctype() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="xl/workbook.xml"/></Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                    Target="worksheets/sheet1.xml"/></Relationships>""");
            entry(zip, "xl/worksheets/sheet1.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <!DOCTYPE worksheet [<!ENTITY name "Skovly">]>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
                    <row><c t="inlineStr"><is><t>&name;</t></is></c></row></sheetData></worksheet>""");
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
