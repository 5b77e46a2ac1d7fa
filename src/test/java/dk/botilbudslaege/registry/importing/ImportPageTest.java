package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import page as a person uses it: signed in, templates downloaded, files uploaded with the form. */
@IntegrationTest
class ImportPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ImportSlots slots;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    @Test
    void a_region_sees_both_forms_and_a_municipality_only_the_facility_form() {
        String region = signIn("region-midt").get("/import").body();
        assertThat(region)
                .contains(
                        "action=\"/import/facilities\"",
                        "action=\"/import/practices\"",
                        "href=\"/import/templates/facilities.xlsx\"",
                        "href=\"/import/templates/practices.csv\"",
                        "Lægens navn",
                        "Privat ejerform");

        String municipality = signIn("kommune-norddjurs").get("/import").body();
        assertThat(municipality).contains("action=\"/import/facilities\"").doesNotContain("/import/practices");
    }

    @Test
    void roles_that_import_nothing_are_refused_the_page() {
        assertThat(signIn("botilbud-skovstjernen").get("/import").statusCode()).isEqualTo(403);
        assertThat(signIn("laege-norddjurs").get("/import").statusCode()).isEqualTo(403);
        assertThat(signIn("national").get("/import/templates/facilities.csv").statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_facility_csv_template_is_excel_ready_and_imports_again_with_its_example_row() {
        Browser browser = signIn("kommune-norddjurs");
        HttpResponse<byte[]> template = browser.getBytes("/import/templates/facilities.csv");

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(template.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "botilbud-skabelon.csv");
        String text = new String(template.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFNavn;Adresse;Kommunekode;Driftsform;Privat ejerform;Lovgrundlag;Pladser;"
                        + "Beboere;Midlertidige pladser;Breddegrad;Længdegrad\r\n");
        assertThat(text).contains(";SEL § 108;20;18;2;56,4123;10,8712");

        HttpResponse<String> upload = browser.upload("/import/facilities", "botilbud-skabelon.csv", template.body());

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location").orElse("")).endsWith("/import");
        String page = browser.get("/import").body();
        assertThat(page).contains("1 botilbud er importeret.", "href=\"/facilities\"");
    }

    @Test
    void the_facility_xlsx_template_imports_once_its_example_row_is_replaced() throws IOException {
        Browser browser = signIn("region-midt");
        HttpResponse<byte[]> template = browser.getBytes("/import/templates/facilities.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        String name = "Xlsx " + UUID.randomUUID().toString().substring(0, 8);

        byte[] filled = edit(template.body(), sheet -> {
            sheet.getRow(1).getCell(0).setCellValue(name);
            sheet.getRow(1).getCell(2).setCellValue("Aarhus");
        });
        HttpResponse<String> upload = browser.upload("/import/facilities", "botilbud.xlsx", filled);

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(api.as("region-midt")
                        .get("/api/v1/facilities?q=" + name.replace(' ', '+'))
                        .json()
                        .path("content")
                        .get(0)
                        .path("municipalityCode")
                        .asString())
                .isEqualTo("751");
    }

    @Test
    void the_practice_templates_import_again_with_or_without_the_example_row() throws IOException {
        Browser browser = signIn("region-midt");
        HttpResponse<byte[]> xlsx = browser.getBytes("/import/templates/practices.xlsx");
        assertThat(browser.upload("/import/practices", "praksisser.xlsx", xlsx.body())
                        .statusCode())
                .isEqualTo(302);
        assertThat(browser.get("/import").body())
                .contains("1 praksisser og 1 læger er importeret.", "href=\"/practices\"");

        String csv =
                new String(browser.getBytes("/import/templates/practices.csv").body(), StandardCharsets.UTF_8);
        String header = csv.substring(0, csv.indexOf("\r\n") + 2);
        String own = PracticeImportApiTest.providerNumber();
        String filled = header + own + ";Egen praksis;Egenvej 1, 8500 Grenaa;707;almindelig praksis;1;ja;ja;;;"
                + "Egen Læge;nej\r\n";
        assertThat(browser.upload("/import/practices", "praksisser.csv", filled.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(302);
        assertThat(api.as("region-midt")
                        .get("/api/v1/practices?q=" + own)
                        .json()
                        .path("totalElements")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void a_refused_file_shows_each_bad_row_with_its_column_and_reason() {
        Browser browser = signIn("region-midt");
        String file = "\uFEFF" + FacilityImportApiTest.HEADER + "\r\n"
                + "Fint;Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;\r\n"
                + "Forkert;Vej 2, 8500 Grenaa;707;kommunal;;SEL § 200;20;18;0;;\r\n";

        HttpResponse<String> upload =
                browser.upload("/import/facilities", "botilbud.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body())
                .contains(
                        "Intet er importeret.",
                        "botilbud.csv",
                        "<td class=\"num\">3</td>",
                        "<td>Lovgrundlag</td>",
                        "Ugyldig værdi &quot;SEL § 200&quot;.");
        assertThat(upload.body()).doesNotContain("<td class=\"num\">2</td>");
    }

    @Test
    void an_upload_without_a_file_asks_for_one() {
        HttpResponse<String> upload = signIn("region-midt").upload("/import/facilities", "", new byte[0]);

        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(upload.body()).contains("Vælg en fil.", "<td class=\"num\">Filen</td>");
    }

    @Test
    void a_file_too_large_for_the_server_to_read_brings_the_page_back_with_the_limit() {
        Browser browser = signIn("region-midt");
        byte[] large = new byte[25 * 1024 * 1024];
        Arrays.fill(large, (byte) 'a');

        HttpResponse<String> upload = browser.upload("/import/facilities", "film.mp4", large);

        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location").orElse("")).endsWith("/import?error=fileTooLarge");
        assertThat(browser.get("/import?error=fileTooLarge").body()).contains("Filen er for stor (højst 5 MB).");
    }

    @Test
    void while_two_imports_run_a_third_upload_gets_the_page_again_with_429_and_nothing_is_imported() {
        Browser browser = signIn("region-midt");
        String name = "Travl " + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = (FacilityImportApiTest.HEADER + "\n" + name
                        + ";Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;\n")
                .getBytes(StandardCharsets.UTF_8);
        slots.acquire();
        slots.acquire();
        HttpResponse<String> upload;
        try {
            upload = browser.upload("/import/facilities", "botilbud.csv", file);
        } finally {
            slots.release();
            slots.release();
        }

        assertThat(upload.statusCode()).isEqualTo(429);
        assertThat(upload.headers().firstValue("Retry-After")).contains("10");
        assertThat(upload.body())
                .contains("Der kører allerede to importer. Prøv igen om lidt.", "action=\"/import/facilities\"");
        assertThat(api.as("region-midt")
                        .get("/api/v1/facilities?q=" + name.replace(' ', '+'))
                        .json()
                        .path("totalElements")
                        .asLong())
                .isZero();
        assertThat(browser.upload("/import/facilities", "botilbud.csv", file).statusCode())
                .isEqualTo(302);
    }

    private static byte[] edit(byte[] xlsx, java.util.function.Consumer<Sheet> change) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            change.accept(workbook.getSheetAt(0));
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private Browser signIn(String username) {
        Browser browser = new Browser("http://127.0.0.1:" + port);
        String token = browser.csrf("/login");
        HttpResponse<String> login = browser.post(
                "/login",
                "application/x-www-form-urlencoded",
                ("username=" + username + "&password=" + Api.PASSWORD + "&_csrf="
                                + URLEncoder.encode(token, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    /** A person's browser: a session cookie, the CSRF token of the page's forms, no redirects followed. */
    private static final class Browser {

        private final String base;
        private final HttpClient client;

        Browser(String base) {
            this.base = base;
            this.client =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, String contentType, byte[] body) {
            return send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String path) {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("CSRF token on " + path).isTrue();
            return m.group(1);
        }

        /** Submits the upload form of the import page: its CSRF token and the file, as multipart. */
        HttpResponse<String> upload(String action, String filename, byte[] content) {
            String token = csrf("/import");
            String boundary = "----form" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + filename
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return post(action, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
            try {
                return client.send(request.build(), handler);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
