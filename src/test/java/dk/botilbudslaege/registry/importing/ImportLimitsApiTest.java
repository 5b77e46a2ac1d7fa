package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10, hostile imports: a small file of millions of cells is refused by its limits without
 * being loaded, and at most two imports run at a time; the third is told to come back.
 */
@IntegrationTest
class ImportLimitsApiTest {

    static final String IMPORT = "/api/v1/facilities/import";

    @LocalServerPort
    int port;

    @Autowired
    ImportSlots slots;

    Api api;
    String tag;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        tag = "Lim" + UUID.randomUUID().toString().substring(0, 8);
    }

    long count() {
        return api.as("region-midt")
                .get("/api/v1/facilities?q=" + tag)
                .json()
                .path("totalElements")
                .asLong();
    }

    /** A facility file whose first rows are good, followed by a million and a half number cells. */
    byte[] goodRowsThenMillionsOfCells() {
        String[] headers = FacilityImportApiTest.HEADER.split(";");
        return XlsxFiles.xlsx(sheet -> {
            sheet.write("<row>");
            for (String header : headers) {
                sheet.write("<c t=\"inlineStr\"><is><t>" + header + "</t></is></c>");
            }
            sheet.write("</row><row><c t=\"inlineStr\"><is><t>" + tag + " Skovly</t></is></c>"
                    + "<c t=\"inlineStr\"><is><t>Skovvej 1, 8500 Grenaa</t></is></c><c><v>707</v></c>"
                    + "<c t=\"inlineStr\"><is><t>kommunal</t></is></c><c/>"
                    + "<c t=\"inlineStr\"><is><t>SEL § 108</t></is></c><c><v>20</v></c><c><v>18</v></c></row>");
            XlsxFiles.numbers(1_500, 1_000).write(sheet);
        });
    }

    @Test
    void a_small_xlsx_of_millions_of_cells_is_refused_by_its_limit_in_danish_and_nothing_is_saved() {
        byte[] file = goodRowsThenMillionsOfCells();
        assertThat(file.length).isLessThan(1024 * 1024);

        long started = System.nanoTime();
        Api.Response answer = api.as("region-midt").postFile(IMPORT, "stor.xlsx", file);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IMPORT_FAILED");
        JsonNode error = answer.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("file");
        assertThat(error.path("message").asString())
                .isEqualTo("En del af filen (f.eks. et ark) fylder for meget, når den pakkes ud (højst 20 MB pr. del). "
                        + "Del den op i flere filer.");
        assertThat(answer.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("zip");
        assertThat(count()).isZero();
    }

    @Test
    void while_two_imports_run_a_third_is_answered_429_import_busy_with_retry_after_and_nothing_is_saved()
            throws Exception {
        byte[] file = FacilityImportApiTest.csv(
                FacilityImportApiTest.HEADER, tag + " Travl;Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;");
        slots.acquire();
        slots.acquire();
        HttpResponse<String> busy;
        try {
            busy = upload("region-midt", file);
        } finally {
            slots.release();
            slots.release();
        }

        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(busy.headers().firstValue("Retry-After")).contains("10");
        assertThat(busy.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(busy.body())
                .contains(
                        "\"code\":\"IMPORT_BUSY\"",
                        "\"detail\":\"Der kører allerede to importer. Prøv igen om lidt.\"");
        assertThat(count()).isZero();

        // refused imports give their slot back: after more than two refusals an import runs
        for (int i = 0; i < 3; i++) {
            assertThat(api.as("region-midt")
                            .postFile(IMPORT, "tom.csv", new byte[0])
                            .status())
                    .isEqualTo(400);
        }
        assertThat(upload("region-midt", file).statusCode()).isEqualTo(200);
        assertThat(count()).isEqualTo(1);
    }

    private HttpResponse<String> upload(String user, byte[] content) throws IOException, InterruptedException {
        String boundary = "----limits" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + IMPORT))
                .header("Authorization", "Basic " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
