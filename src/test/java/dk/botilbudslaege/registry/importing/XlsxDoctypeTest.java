package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
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

    private static byte[] withDoctype() {
        return XlsxFiles.xlsx(
                "<!DOCTYPE worksheet [<!ENTITY name \"Skovly\">]>\n",
                sheet -> sheet.write("<row><c t=\"inlineStr\"><is><t>&name;</t></is></c></row>"));
    }
}
