package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.AARHUS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NATIONAL;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The information form (oplysningsskema, SPEC §3) downloaded as a printable Danish PDF. */
@IntegrationTest
class InformationFormPdfTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Provider numbers of the VAT registered practices made here; AgreementFixtures counts from 800000. */
    private static final AtomicInteger PROVIDER_NUMBERS = new AtomicInteger(700_000);

    @LocalServerPort
    int port;

    Api api;
    AgreementFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void the_municipality_and_the_region_download_the_filed_form_in_danish() throws IOException {
        Filed filed = filedAgreement();

        for (String user : new String[] {NORDDJURS, REGION_MIDT}) {
            HttpResponse<byte[]> answer = api.as(user).getBytes(pdfPath(filed.id()));

            assertThat(answer.statusCode()).as(user).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
            assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
                    .isEqualTo("attachment; filename=\"oplysningsskema-" + filed.id() + ".pdf\"");
            assertThat(text(answer.body()))
                    .as(user)
                    .contains(
                            "Oplysningsskema – fast læge på botilbud",
                            "Aftale nr.",
                            String.valueOf(filed.id()),
                            "Indsendt",
                            "Enhed",
                            filed.unitName(),
                            "Norddjurs",
                            "Kommunal",
                            "SEL § 108 – længerevarende botilbud",
                            "Antal beboere",
                            "18",
                            "Fast læge",
                            filed.doctorName(),
                            "Ydernummer",
                            filed.providerNumber(),
                            filed.practiceName(),
                            "Startdato",
                            "01-09-2025",
                            "Timer pr. måned",
                            "2 timer",
                            "1.072,01 kr. pr. time ekskl. moms",
                            "2.144,02 kr.",
                            "Momsregistreret",
                            "Nej",
                            "Kontaktperson på botilbuddet",
                            "Lise Holm",
                            "Afdelingsleder",
                            "lise.holm@norddjurs.dk",
                            "86 12 34 56",
                            "Der er ikke indgået anden (konsulent)aftale om funktionen",
                            "Indsendt af",
                            "Norddjurs Kommune, Socialområdet",
                            "Afventer regionens afgørelse")
                    .doesNotContain("Udkast", "Moms 25 %");
        }
    }

    @Test
    void an_approved_form_shows_the_decision_and_a_vat_registered_practice_the_fee_with_vat() throws IOException {
        HttpResponse<byte[]> answer = api.as(NORDDJURS).getBytes(pdfPath(approvedWithVat()));

        assertThat(answer.statusCode()).isEqualTo(200);
        String text = text(answer.body());
        assertThat(text)
                .contains(
                        "Aktiv",
                        "01-10-2025",
                        "3 timer",
                        "3.216,03 kr.",
                        "Moms 25 %",
                        "804,01 kr.",
                        "4.020,04 kr.",
                        "Momsregistreret Ja",
                        "ABL § 105 med hjælp efter SEL § 85",
                        "Regionens afgørelse",
                        "Godkendt",
                        "Region Midtjylland, Sundhedsplanlægning");
    }

    @Test
    void page_one_renders_as_an_image_for_a_person_to_look_at() throws IOException {
        Path pdftoppm = Stream.of(
                        System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "pdftoppm"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(pdftoppm != null, "pdftoppm (poppler-utils) is not installed");

        screenshot(
                pdftoppm,
                api.as(REGION_MIDT).getBytes(pdfPath(approvedWithVat())).body(),
                "information-form");
        long draft = created(fixtures.facility("SEL_108", 12), LocalDate.of(2025, 11, 14))
                .path("id")
                .asLong();
        screenshot(pdftoppm, api.as(NORDDJURS).getBytes(pdfPath(draft)).body(), "information-form-draft");
        long rejected = rejected("Lægen har allerede en aftale med et plejehjem & et botilbud");
        screenshot(
                pdftoppm,
                api.as(REGION_MIDT)
                        .header("Accept-Language", "en")
                        .getBytes(pdfPath(rejected))
                        .body(),
                "information-form-rejected-en");
    }

    @Test
    void a_rejected_form_shows_the_reason() throws IOException {
        long id = rejected("Lægen har allerede en aftale med et plejehjem & et botilbud");

        String text = text(api.as(REGION_MIDT).getBytes(pdfPath(id)).body());

        assertThat(text)
                .contains("Afvist", "Begrundelse", "Lægen har allerede en aftale med et plejehjem & et botilbud");
    }

    @Test
    void a_draft_prints_as_a_marked_draft_from_the_current_facts() throws IOException {
        JsonNode draft = created(fixtures.facility("SEL_108", 12), LocalDate.of(2025, 11, 14));

        HttpResponse<byte[]> answer =
                api.as(NORDDJURS).getBytes(pdfPath(draft.path("id").asLong()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(text(answer.body()))
                .contains(
                        "Udkast – ikke indsendt",
                        "Kladde",
                        draft.path("unitName").asString(),
                        "14-11-2025",
                        "2.144,02 kr.",
                        "Angives ved indsendelse",
                        "Ikke indsendt endnu");
    }

    @Test
    void the_form_prints_in_english_when_asked() throws IOException {
        long id = filedAgreement().id();

        String text = text(api.as(REGION_MIDT)
                .header("Accept-Language", "en")
                .getBytes(pdfPath(id))
                .body());

        assertThat(text)
                .contains(
                        "Information form – fixed doctor at a residential facility",
                        "Provider number",
                        "DKK 2,144.02",
                        "01-09-2025",
                        "Filed");
    }

    @Test
    void only_those_in_scope_get_the_form() {
        long id = filedAgreement().id();

        assertThat(api.as(AARHUS).getBytes(pdfPath(id)).statusCode()).isEqualTo(404);
        assertThat(api.as(NATIONAL).getBytes(pdfPath(id)).statusCode()).isEqualTo(403);
        assertThat(api.anonymous().getBytes(pdfPath(id)).statusCode()).isEqualTo(401);
        assertThat(api.as(REGION_MIDT)
                        .getBytes("/api/v1/agreements/999999999/information-form.pdf")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_signed_in_person_downloads_the_form_from_the_page_address() throws Exception {
        long id = filedAgreement().id();
        String page = "/agreements/" + id + "/information-form.pdf";

        HttpResponse<byte[]> answer = signedIn(NORDDJURS).getBytes(page);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"oplysningsskema-" + id + ".pdf\"");
        assertThat(text(answer.body())).contains("Oplysningsskema", "Ydernummer");
        assertThat(signedIn(AARHUS).getBytes(page).statusCode()).isEqualTo(404);
        assertThat(api.anonymous().getBytes(page).statusCode()).isEqualTo(302);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    record Filed(long id, String unitName, String doctorName, String practiceName, String providerNumber) {}

    /** A draft made by the municipality, with a free doctor. */
    private JsonNode created(long facility, LocalDate start) {
        Api.Response created = fixtures.create(NORDDJURS, fixtures.freeDoctor(), facility, start);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** A municipal SEL § 108 facility of 18 residents in Norddjurs, filed by the municipality. */
    private Filed filedAgreement() {
        long id = created(fixtures.facility("SEL_108", 18), LocalDate.of(2025, 9, 1))
                .path("id")
                .asLong();
        Api.Response submitted = api.as(NORDDJURS)
                .post(
                        "/api/v1/agreements/" + id + "/submit",
                        Map.of(
                                "contactName",
                                "Lise Holm",
                                "contactRole",
                                "Afdelingsleder",
                                "contactEmail",
                                "lise.holm@norddjurs.dk",
                                "contactPhone",
                                "86 12 34 56",
                                "noOtherContract",
                                true));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode a = submitted.json();
        return new Filed(
                id,
                a.path("unitName").asString(),
                a.path("doctorName").asString(),
                a.path("practiceName").asString(),
                a.path("providerNumber").asString());
    }

    private long rejected(String reason) {
        long id = filedAgreement().id();
        Api.Response rejected =
                api.as(REGION_MIDT).post("/api/v1/agreements/" + id + "/reject", Map.of("reason", reason));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        return id;
    }

    /** ABL § 105, 34 residents (3 hours), a VAT registered practice; filed and approved. */
    private long approvedWithVat() {
        long doctor = fixtures.doctor(vatRegisteredPractice(), false);
        return fixtures.active(doctor, fixtures.facility("ABL_105", 34), LocalDate.of(2025, 10, 1));
    }

    private long vatRegisteredPractice() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNumber", String.valueOf(PROVIDER_NUMBERS.incrementAndGet()));
        body.put("name", AgreementFixtures.unique("Moms-lægehuset"));
        body.put("address", "Torvet 2, 8500 Grenaa");
        body.put("municipalityCode", NORDDJURS_CODE);
        body.put("clinicType", "ORDINARY");
        body.put("doctorCapacity", 1);
        body.put("openForNewPatients", true);
        body.put("vatRegistered", true);
        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/practices", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }

    private static String pdfPath(long id) {
        return "/api/v1/agreements/" + id + "/information-form.pdf";
    }

    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
        }
    }

    /** Page 1 as target/screenshots/{name}.png (and the PDF beside it), rendered by poppler's pdftoppm. */
    private static void screenshot(Path pdftoppm, byte[] pdf, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".pdf");
        Files.write(file, pdf);
        try {
            Process process = new ProcessBuilder(
                            pdftoppm.toString(),
                            "-png",
                            "-r",
                            "60",
                            "-f",
                            "1",
                            "-l",
                            "1",
                            "-singlefile",
                            file.toString(),
                            SCREENSHOTS.resolve(name).toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as(new String(process.getInputStream().readAllBytes()))
                    .isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(SCREENSHOTS.resolve(name + ".png")).isNotEmptyFile();
    }

    /** A person's session: signed in through the login form; its cookie sent with later requests. */
    private Api signedIn(String username) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://127.0.0.1:" + port;
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        HttpResponse<String> signIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + Api.PASSWORD
                                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .findFirst()
                .orElseThrow()
                .getValue();
        return api.anonymous().header("Cookie", "JSESSIONID=" + session);
    }
}
