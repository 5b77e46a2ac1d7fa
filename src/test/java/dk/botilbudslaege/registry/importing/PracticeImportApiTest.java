package dk.botilbudslaege.registry.importing;

import static dk.botilbudslaege.registry.importing.FacilityImportApiTest.csv;
import static dk.botilbudslaege.registry.importing.FacilityImportApiTest.error;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Importing practices and their doctors, one row per doctor, over the API (SPEC §2, imports). */
@IntegrationTest
class PracticeImportApiTest {

    static final String HEADER = "Ydernummer;Praksisnavn;Adresse;Kommunekode;Klinikform;Lægekapaciteter;"
            + "Åben for nye patienter;Momsregistreret;Breddegrad;Længdegrad;Lægens navn;Plejehjemslæge";
    static final String IMPORT = "/api/v1/practices/import";
    /** Provider numbers far from the demo data's, unique within a test run. */
    private static final AtomicInteger NEXT =
            new AtomicInteger(500_000 + ThreadLocalRandom.current().nextInt(300_000));

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    static String providerNumber() {
        return String.valueOf(NEXT.getAndIncrement());
    }

    JsonNode practice(String providerNumber) {
        JsonNode content = api.as("region-midt")
                .get("/api/v1/practices?q=" + providerNumber)
                .json()
                .path("content");
        return content.size() == 1 ? content.get(0) : null;
    }

    JsonNode doctorsOf(JsonNode practice) {
        return api.as("region-midt")
                .get("/api/v1/doctors?practiceId=" + practice.path("id").asLong())
                .json()
                .path("content");
    }

    @Test
    void practices_and_their_doctors_are_created_grouped_by_provider_number() {
        String a = providerNumber();
        String b = providerNumber();
        byte[] file = csv(
                HEADER,
                a + ";Lægehuset Nord;Nordvej 1, 8500 Grenaa;707;almindelig praksis;2;ja;nej;56,41;10,88;Anna Nord;nej",
                b + ";Udbudsklinikken;Sydvej 2, 8000 Aarhus C;Aarhus;udbudsklinik;1;nej;ja;;;Bo Syd;x",
                a + ";Lægehuset Nord;Nordvej 1, 8500 Grenaa;707;Almindelig praksis;2;Ja;Nej;56.41;10.88;Carl Nord;");

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "praksisser.csv", file);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("practices").asInt()).isEqualTo(2);
        assertThat(answer.json().path("doctors").asInt()).isEqualTo(3);
        JsonNode nord = practice(a);
        assertThat(nord.path("name").asString()).isEqualTo("Lægehuset Nord");
        assertThat(nord.path("clinicType").asString()).isEqualTo("ORDINARY");
        assertThat(nord.path("openForNewPatients").asBoolean()).isTrue();
        assertThat(nord.path("vatRegistered").asBoolean()).isFalse();
        assertThat(doctorsOf(nord).findValuesAsString("name")).containsExactlyInAnyOrder("Anna Nord", "Carl Nord");
        JsonNode syd = practice(b);
        assertThat(syd.path("municipalityCode").asString()).isEqualTo("751");
        assertThat(syd.path("clinicType").asString()).isEqualTo("TENDER");
        assertThat(doctorsOf(syd).get(0).path("nursingHomeDoctor").asBoolean()).isTrue();
        Api.Response history =
                api.as("region-midt").get("/api/v1/practices/" + syd.path("id").asLong() + "/history");
        assertThat(history.json().get(0).path("action").asString()).isEqualTo("CREATED");
    }

    @Test
    void a_provider_number_already_registered_is_reported_for_its_row_even_without_its_leading_zero() {
        String fresh = providerNumber();
        byte[] file = csv(
                HEADER,
                fresh + ";Ny praksis;Vej 1, 8500 Grenaa;707;almindelig praksis;1;ja;ja;;;Ny Læge;nej",
                "70101;Lægerne ved Torvet;Torvet 3, 8500 Grenaa;707;almindelig praksis;3;nej;ja;;;Gammel Læge;nej");

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "praksisser.csv", file);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IMPORT_FAILED");
        JsonNode taken = error(answer.json().path("errors"), 3, "providerNumber");
        assertThat(taken.path("column").asString()).isEqualTo("Ydernummer");
        assertThat(taken.path("message").asString()).startsWith("Ydernummeret 070101 er allerede registreret.");
        assertThat(answer.json().path("errors").size()).isEqualTo(1);
        assertThat(practice(fresh)).isNull();
    }

    @Test
    void rows_of_one_provider_number_with_different_practice_details_are_reported_and_nothing_is_imported() {
        String a = providerNumber();
        byte[] file = csv(
                HEADER,
                a + ";Lægehuset;Vej 1, 8500 Grenaa;707;almindelig praksis;2;ja;nej;;;Anna;nej",
                a + ";Lægehuset;Vej 9, 8500 Grenaa;707;almindelig praksis;3;ja;nej;;;Bo;nej",
                a + ";Lægehuset;Vej 1, 8500 Grenaa;707;almindelig praksis;2;ja;nej;;;;nej");

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "praksisser.csv", file);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode errors = answer.json().path("errors");
        assertThat(error(errors, 3, "address").path("message").asString())
                .isEqualTo("Ydernummeret " + a + " har andre praksisoplysninger her end i række 2.");
        assertThat(error(errors, 3, "doctorCapacity").path("column").asString()).isEqualTo("Lægekapaciteter");
        assertThat(error(errors, 4, "doctorName").path("message").asString()).isEqualTo("Lægens navn skal udfyldes.");
        assertThat(errors.size()).isEqualTo(3);
        assertThat(practice(a)).isNull();
    }

    @Test
    void a_region_imports_practices_of_its_own_region_only() {
        String own = providerNumber();
        String other = providerNumber();
        byte[] file = csv(
                HEADER,
                own + ";Egen;Vej 1, 8500 Grenaa;707;almindelig praksis;1;ja;ja;;;Anna;nej",
                other + ";Fremmed;Vej 2, 1000 København K;101;almindelig praksis;1;ja;ja;;;Bo;nej");

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "praksisser.csv", file);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer.json().path("errors"), 3, "municipalityCode")
                        .path("message")
                        .asString())
                .isEqualTo("Kun regionen kan oprette praksisser, og kun i sin egen region.");
        assertThat(practice(own)).isNull();
    }

    @Test
    void an_xlsx_with_numeric_and_yes_no_cells_imports() throws IOException {
        int number = Integer.parseInt(providerNumber());
        byte[] xlsx = ImportFileTest.workbook(sheet -> {
            ImportFileTest.row(sheet, 0, (Object[]) HEADER.split(";"));
            Row row = sheet.createRow(1);
            ImportFileTest.row(
                    sheet,
                    1,
                    number,
                    "Regionsklinikken",
                    "Klinikvej 3, 8900 Randers C",
                    730,
                    "regionsklinik",
                    4,
                    null,
                    null,
                    56.46,
                    10.03,
                    "Dorte Region");
            row = sheet.getRow(1);
            row.createCell(6).setCellValue(true);
            row.createCell(7).setCellValue(false);
        });

        Api.Response answer = api.as("region-midt").postFile(IMPORT, "praksisser.xlsx", xlsx);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode practice = practice(String.valueOf(number));
        assertThat(practice.path("clinicType").asString()).isEqualTo("REGIONAL");
        assertThat(practice.path("doctorCapacity").asInt()).isEqualTo(4);
        assertThat(practice.path("openForNewPatients").asBoolean()).isTrue();
        assertThat(doctorsOf(practice).get(0).path("nursingHomeDoctor").asBoolean())
                .isFalse();
    }

    @Test
    void only_the_region_imports_practices() {
        byte[] file = csv(HEADER, providerNumber() + ";X;Vej 1;707;almindelig praksis;1;ja;ja;;;Anna;nej");

        for (String user : new String[] {"kommune-norddjurs", "laege-norddjurs", "botilbud-skovstjernen", "national"}) {
            Api.Response answer = api.as(user).postFile(IMPORT, "praksisser.csv", file);
            assertThat(answer.status()).as(user).isEqualTo(403);
            assertThat(answer.json().path("detail").asString())
                    .isEqualTo("Kun regionen kan importere praksisser og læger.");
        }
    }
}
