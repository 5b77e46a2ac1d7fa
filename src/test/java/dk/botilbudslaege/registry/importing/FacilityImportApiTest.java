package dk.botilbudslaege.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Importing facilities from CSV and XLSX over the API (SPEC §2, imports). */
@IntegrationTest
class FacilityImportApiTest {

    static final String HEADER = "Navn;Adresse;Kommunekode;Driftsform;Privat ejerform;Lovgrundlag;Pladser;Beboere;"
            + "Midlertidige pladser;Breddegrad;Længdegrad";
    static final String IMPORT = "/api/v1/facilities/import";

    @LocalServerPort
    int port;

    Api api;
    String tag;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        tag = "Imp" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A CSV file as Danish Excel saves it: UTF-8 with BOM, ";" and CRLF. */
    static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    long count(String user) {
        return api.as(user)
                .get("/api/v1/facilities?q=" + tag)
                .json()
                .path("totalElements")
                .asLong();
    }

    JsonNode find(String user, String name) {
        JsonNode content =
                api.as(user).get("/api/v1/facilities?q=" + tag).json().path("content");
        for (JsonNode facility : content) {
            if (facility.path("name").asString().equals(name)) {
                return facility;
            }
        }
        throw new AssertionError(name + " not found in " + content);
    }

    @Test
    void a_csv_with_bom_semicolons_and_danish_decimals_imports_every_row() {
        byte[] file = csv(
                HEADER,
                tag + " Skovly;Skovvej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;2;56,4123;10,8712",
                tag + " Havblik;Havvej 2, 8500 Grenaa;Norddjurs Kommune;privat;selvejende;ABL 105;12;12;;56,41;10,88",
                tag + " Åhuset;Åvej 3, 8000 Aarhus C;751;REGIONAL;;§108;30;25;0;;");

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "botilbud.csv", file);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("imported").asInt()).isEqualTo(3);
        assertThat(count("region-midt")).isEqualTo(3);
        JsonNode skovly = find("region-midt", tag + " Skovly");
        assertThat(skovly.path("latitude").asDouble()).isEqualTo(56.4123);
        assertThat(skovly.path("temporaryPlaces").asInt()).isEqualTo(2);
        JsonNode havblik = find("region-midt", tag + " Havblik");
        assertThat(havblik.path("municipalityCode").asString()).isEqualTo("707");
        assertThat(havblik.path("operator").asString()).isEqualTo("PRIVATE");
        assertThat(havblik.path("privateOwnership").asString()).isEqualTo("SELF_OWNING");
        assertThat(havblik.path("legalBasis").asString()).isEqualTo("ABL_105");
        JsonNode aahuset = find("region-midt", tag + " Åhuset");
        assertThat(aahuset.path("legalBasis").asString()).isEqualTo("SEL_108");
        assertThat(aahuset.path("latitude").isNull()).isTrue();
        Api.Response history = api.as("region-midt")
                .get("/api/v1/facilities/" + skovly.path("id").asLong() + "/history");
        assertThat(history.json().get(0).path("action").asString()).isEqualTo("CREATED");
        assertThat(history.json().get(0).path("actor").asString()).isEqualTo("region-midt");
    }

    @Test
    void an_xlsx_with_numeric_cells_imports() throws IOException {
        byte[] xlsx = ImportFileTest.workbook(sheet -> {
            ImportFileTest.row(sheet, 0, (Object[]) HEADER.split(";"));
            ImportFileTest.row(
                    sheet,
                    1,
                    tag + " Lyngen",
                    "Lyngvej 4, 8585 Glesborg",
                    707,
                    "Kommunal",
                    null,
                    "SEL_108",
                    14,
                    11,
                    1,
                    56.49,
                    10.72);
            sheet.createRow(2);
            ImportFileTest.row(
                    sheet,
                    3,
                    tag + " Kysten",
                    "Kystvej 5, 8500 Grenaa",
                    "707",
                    "privat",
                    "kommerciel",
                    "ABL § 105",
                    8,
                    8,
                    0);
        });

        Api.Response answer = api.as("kommune-norddjurs").postFile(IMPORT, "botilbud.xlsx", xlsx);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("imported").asInt()).isEqualTo(2);
        JsonNode lyngen = find("kommune-norddjurs", tag + " Lyngen");
        assertThat(lyngen.path("places").asInt()).isEqualTo(14);
        assertThat(lyngen.path("longitude").asDouble()).isEqualTo(10.72);
        assertThat(find("kommune-norddjurs", tag + " Kysten")
                        .path("privateOwnership")
                        .asString())
                .isEqualTo("COMMERCIAL");
    }

    @Test
    void a_file_with_two_bad_rows_among_good_ones_names_both_rows_and_imports_nothing() {
        byte[] file = csv(
                HEADER,
                tag + " God 1;Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;",
                tag + " Overfyldt;Vej 2, 8500 Grenaa;999;kommunal;;SEL § 108;10;12;0;56,4;",
                tag + " God 2;Vej 3, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;",
                tag + " Forkert;Vej 4, 8500 Grenaa;707;statslig;;SEL § 999;tyve;18;0;;");
        long before = count("region-midt");

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "botilbud.csv", file);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("IMPORT_FAILED");
        JsonNode errors = answer.json().path("errors");
        assertThat(errors.toString()).doesNotContain("\"row\":2,", "\"row\":4,");
        assertThat(error(errors, 3, "residents").path("message").asString())
                .isEqualTo("Antal beboere kan ikke være større end antal pladser (10).");
        assertThat(error(errors, 3, "residents").path("column").asString()).isEqualTo("Beboere");
        assertThat(error(errors, 3, "municipalityCode").path("message").asString())
                .isEqualTo("Kommunekoden 999 findes ikke.");
        assertThat(error(errors, 3, "longitude").path("message").asString())
                .isEqualTo("Udfyld både bredde- og længdegrad, eller ingen af dem.");
        assertThat(error(errors, 5, "operator").path("message").asString())
                .isEqualTo("Ugyldig værdi \"statslig\". Tilladt: kommunal, regional, privat.");
        assertThat(error(errors, 5, "legalBasis").path("message").asString()).startsWith("Ugyldig værdi \"SEL § 999\"");
        assertThat(error(errors, 5, "places").path("message").asString())
                .isEqualTo("Skal være et helt tal, ikke \"tyve\".");
        assertThat(errors.size()).isEqualTo(6);
        assertThat(count("region-midt")).isEqualTo(before).isZero();
    }

    @Test
    void rules_of_the_form_apply_row_by_row_with_their_english_messages_on_request() {
        byte[] file = csv(HEADER, ";Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;-1;0;0;60,1;10,1");

        Api.Response answer =
                api.as("region-midt").header("Accept-Language", "en").postFile(IMPORT, "botilbud.csv", file);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode errors = answer.json().path("errors");
        assertThat(error(errors, 2, "name").path("column").asString()).isEqualTo("Navn");
        assertThat(error(errors, 2, "places")).isNotNull();
        assertThat(error(errors, 2, "latitude")).isNotNull();
        assertThat(answer.json().path("detail").asString()).startsWith("Nothing has been imported");
    }

    @Test
    void a_municipal_contact_importing_a_facility_of_another_municipality_is_refused_for_that_row() {
        byte[] file = csv(
                HEADER,
                tag + " Eget;Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;",
                tag + " Samsø;Vej 2, 8305 Samsø;741;kommunal;;SEL § 108;20;18;0;;",
                tag + " Regionalt;Vej 3, 8500 Grenaa;707;regional;;SEL § 108;20;18;0;;");

        Api.Response answer = api.as("kommune-norddjurs").postFile(IMPORT, "botilbud.csv", file);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode errors = answer.json().path("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(error(errors, 3, "municipalityCode").path("message").asString())
                .isEqualTo("Du kan kun oprette og ændre kommunale og private botilbud i din egen kommune.");
        assertThat(error(errors, 4, "operator")).isNotNull();
        assertThat(count("region-midt")).isZero();
    }

    @Test
    void a_facility_already_registered_or_twice_in_the_file_is_reported() {
        String row = tag + " Dublet;Vej 1, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;";
        assertThat(api.as("region-midt")
                        .postFile(IMPORT, "a.csv", csv(HEADER, row))
                        .status())
                .isEqualTo(200);

        Api.Response again = api.as("region-midt")
                .postFile(
                        IMPORT,
                        "b.csv",
                        csv(
                                HEADER,
                                row,
                                tag + " Ny;Vej 2, 8500 Grenaa;707;kommunal;;SEL § 108;20;18;0;;",
                                row.toUpperCase()));

        assertThat(again.status()).isEqualTo(400);
        JsonNode errors = again.json().path("errors");
        assertThat(error(errors, 2, "name").path("message").asString()).contains("allerede registreret");
        assertThat(error(errors, 4, "name").path("message").asString()).contains("som i række 2");
        assertThat(count("region-midt")).isEqualTo(1);
    }

    @Test
    void headings_are_read_in_any_case_with_spaces_or_as_api_field_names_and_missing_ones_are_named() {
        String header = " NAVN ;address;kommunekode;Driftsform;lovgrundlag;places;Beboere;Ekstra kolonne";
        Api.Response ok = api.as("region-midt")
                .postFile(
                        IMPORT,
                        "botilbud.csv",
                        csv(header, tag + " Overskrift;Vej 1, 8500 Grenaa;707;kommunal;SEL 108;5;5;ignoreres"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);

        Api.Response missing =
                api.as("region-midt").postFile(IMPORT, "botilbud.csv", csv("Navn;Adresse", tag + ";Vej"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").toString())
                .contains("Kolonnen \\\"Kommunekode\\\" mangler i overskriften.", "\"row\":1");
    }

    @Test
    void the_national_viewer_and_a_facility_contact_may_not_import_and_an_anonymous_caller_must_sign_in() {
        byte[] file = csv(HEADER, tag + ";Vej 1;707;kommunal;;SEL § 108;20;18;0;;");

        Api.Response national = api.as("national").postFile(IMPORT, "botilbud.csv", file);
        assertThat(national.status()).isEqualTo(403);
        assertThat(national.code()).isEqualTo("FORBIDDEN");
        assertThat(national.json().path("detail").asString())
                .isEqualTo("Kun region og kommune kan importere botilbud.");
        assertThat(api.as("botilbud-skovstjernen")
                        .postFile(IMPORT, "botilbud.csv", file)
                        .status())
                .isEqualTo(403);
        assertThat(api.as("laege-norddjurs")
                        .postFile(IMPORT, "botilbud.csv", file)
                        .status())
                .isEqualTo(403);
        Api.Response unknown = api.withPassword("region-midt", "forkert").postFile(IMPORT, "botilbud.csv", file);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("UNAUTHORIZED");
        // Without any credentials the CSRF check answers first (403, see the report); either way nothing is imported.
        assertThat(api.anonymous().postFile(IMPORT, "botilbud.csv", file).status())
                .isIn(401, 403);
        assertThat(count("region-midt")).isZero();
    }

    @Test
    void an_empty_file_a_missing_file_and_a_file_of_another_type_get_clear_answers() {
        Api.Response empty = api.as("region-midt").postFile(IMPORT, "tom.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("IMPORT_FAILED");
        assertThat(empty.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(empty.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Filen indeholder ingen rækker.");

        Api.Response headerOnly = api.as("region-midt").postFile(IMPORT, "tom.csv", csv(HEADER));
        assertThat(headerOnly.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Filen indeholder ingen rækker.");

        Api.Response pdf = api.as("region-midt").postFile(IMPORT, "liste.pdf", "%PDF-1.7 ...".getBytes());
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Filen skal være .csv eller .xlsx.");

        Api.Response broken = api.as("region-midt").postFile(IMPORT, "liste.xlsx", "ikke et regneark".getBytes());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("errors").get(0).path("message").asString())
                .startsWith("Filen kunne ikke læses");

        Api.Response otherField = api.as("region-midt").postMultipart(IMPORT, "fil", "botilbud.csv", csv(HEADER));
        assertThat(otherField.status()).isEqualTo(400);
        assertThat(otherField.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Vælg en fil.");

        Api.Response json = api.as("region-midt").post(IMPORT, "{}");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().path("errors").get(0).path("message").asString()).isEqualTo("Vælg en fil.");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_with_the_limit_however_large_it_is() {
        for (int megabytes : new int[] {6, 25}) {
            byte[] large = new byte[megabytes * 1024 * 1024];
            Arrays.fill(large, (byte) 'a');

            Api.Response answer = api.as("region-midt").postFile(IMPORT, "stor.csv", large);

            assertThat(answer.status()).as(megabytes + " MB").isEqualTo(400);
            assertThat(answer.code()).isEqualTo("IMPORT_FAILED");
            assertThat(answer.json().path("errors").get(0).path("message").asString())
                    .isEqualTo("Filen er for stor (højst 5 MB).");
        }
    }

    static JsonNode error(JsonNode errors, int row, String field) {
        for (JsonNode error : errors) {
            if (error.path("row").asInt() == row
                    && error.path("field").asString().equals(field)) {
                return error;
            }
        }
        throw new AssertionError("no error for row " + row + " field " + field + " in " + errors);
    }
}
