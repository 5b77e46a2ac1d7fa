package dk.botilbudslaege.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The administrator's page (issue 10 item 1): the hourly rate, the legal bases in scope and the coverage
 * targets as dated settings with their history; nobody else sees or changes them. Dates used here lie
 * years ahead, so that no other test's answers change.
 */
@IntegrationTest
class AdminSettingsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    @Test
    void nobody_but_the_administrator_opens_or_changes_the_settings() {
        for (String user :
                new String[] {"region-midt", "kommune-norddjurs", "laege-norddjurs", "botilbud-skovstjernen", "national"
                }) {
            WebSession session = WebSession.signIn(port, user);
            assertThat(session.get("/admin").statusCode()).as(user).isEqualTo(403);
            assertThat(session.get("/").body()).as(user).doesNotContain("href=\"/admin\"");
            assertThat(session.post("/admin/targets", "/", Map.of("targetDate", "2041-12-31", "facilities", "1"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.post(
                                    "/admin/legal-bases",
                                    "/",
                                    Map.of("legalBasis", "SEL_107", "validFrom", "2041-01-01", "inScope", "true"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.post(
                                    "/settlements/rates",
                                    "/",
                                    Map.of("validFrom", "2041-01-01", "hourlyRate", "1.100,00"))
                            .statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(jdbc.sql("select count(*) from coverage_target where target_date = date '2041-12-31'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_administrator_sees_the_three_sections_from_the_menu() {
        WebSession admin = WebSession.signIn(port, "admin");
        String home = admin.get("/").body();
        assertThat(home).contains("href=\"/admin\"", "Administrator");
        String page = admin.get("/admin").body();
        assertThat(page).contains("Timesats", "Lovgrundlag i målgruppen", "Mål", "1.072,01 kr.", "31-12-2025", "250");
        // the pages built for the national viewer answer the administrator too
        assertThat(admin.get("/reports").statusCode()).isEqualTo(200);
        assertThat(admin.get("/settlements/budget").statusCode()).isEqualTo(200);
        assertThat(admin.get("/settlements/rates").statusCode()).isEqualTo(200);
    }

    @Test
    void a_new_rate_is_shown_with_what_it_rewrites_before_it_is_saved() {
        WebSession admin = WebSession.signIn(port, "admin");
        HttpResponse<String> asked =
                admin.post("/admin/rates", "/admin", Map.of("validFrom", "2036-04-01", "hourlyRate", "1.234,50"));
        assertThat(asked.statusCode()).isEqualTo(302);
        String confirm = admin.get("/admin").body();
        assertThat(confirm).contains("omskriver betalingen til alle regioner fra 01-04-2036");
        assertThat(confirm).contains("Taksten 1.234,50 kr. gælder fra 01-04-2036");

        admin.post("/admin/rates", "/admin", Map.of("validFrom", "2036-04-01", "hourlyRate", "1234.5"));
        assertThat(admin.get("/admin").body())
                .as("the amount as the administrator reads it in Danish, whatever way it was typed")
                .contains("Taksten 1.234,50 kr. gælder fra 01-04-2036")
                .doesNotContain("Taksten 1234.5 kr.");
        assertThat(api.as("admin").get("/api/v1/rates").body()).doesNotContain("2036-04-01");

        admin.post(
                "/admin/rates",
                "/admin",
                Map.of("validFrom", "2036-04-01", "hourlyRate", "1.234,50", "confirmed", "true"));
        assertThat(admin.get("/admin").body()).contains("Taksten er tilføjet.", "1.234,50 kr.");
        assertThat(api.as("admin").get("/api/v1/rates").body()).contains("2036-04-01");

        admin.post("/admin/rates/2036-04-01/remove", "/admin", Map.of());
        assertThat(admin.get("/admin").body()).contains("Taksten er fjernet.");
        assertThat(api.as("admin").get("/api/v1/rates").body()).doesNotContain("2036-04-01");
    }

    @Test
    void the_administrator_adds_a_target_and_coverage_measures_against_it() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post(
                "/admin/targets",
                "/admin",
                Map.of("targetDate", "2040-12-31", "facilities", "900", "everyMunicipality", "true", "note", "Fase 2"));
        String page = admin.get("/admin").body();
        assertThat(page).contains("Målet er gemt.", "31-12-2040", "900", "Fase 2");

        JsonNode target = api.as("national")
                .get("/api/v1/coverage/targets?date=2040-06-01")
                .json();
        assertThat(target.path("targetFacilities").asInt()).isEqualTo(900);
        assertThat(target.path("targetDate").asString()).isEqualTo("2040-12-31");
        JsonNode first = api.as("national")
                .get("/api/v1/coverage/targets?date=2025-06-01")
                .json();
        assertThat(first.path("targetFacilities").asInt()).isEqualTo(250);

        // a newer row for the same date replaces it; the old one stays in the history
        admin.post("/admin/targets", "/admin", Map.of("targetDate", "2040-12-31", "facilities", "950"));
        assertThat(admin.get("/admin").body()).contains("900", "950", "Erstattet af nyere");
        assertThat(api.as("national")
                        .get("/api/v1/coverage/targets?date=2040-06-01")
                        .json()
                        .path("targetFacilities")
                        .asInt())
                .isEqualTo(950);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'COVERAGE_TARGET'"
                                + " and entity_id = '2040-12-31' and actor = 'admin'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_target_or_scope_change_in_the_past_is_refused_with_a_message_naming_the_field() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/admin/targets", "/admin", Map.of("targetDate", "2025-06-30", "facilities", "0"));
        assertThat(admin.get("/admin").body())
                .contains("Senest: skal være i dag eller senere", "Botilbud: angiv et helt antal");
        admin.post(
                "/admin/legal-bases",
                "/admin",
                Map.of("legalBasis", "SEL_107", "validFrom", "2025-01-01", "inScope", "true"));
        assertThat(admin.get("/admin").body()).contains("Fra: skal være i dag eller senere");
        admin.post(
                "/admin/legal-bases",
                "/admin",
                Map.of("legalBasis", "SEL_107", "validFrom", "i morgen", "inScope", "true"));
        assertThat(admin.get("/admin").body()).contains("Fra: skriv datoen som dd-mm-åååå.");
        assertThat(jdbc.sql("select count(*) from legal_basis_scope_change where valid_from < current_date"
                                + " and created_by <> 'system'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_administrator_adds_a_legal_basis_to_the_scope_and_sees_the_history() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post(
                "/admin/legal-bases",
                "/admin",
                Map.of(
                        "legalBasis",
                        "SEL_107",
                        "validFrom",
                        "2039-01-01",
                        "inScope",
                        "true",
                        "note",
                        "Fase 3: midlertidige ophold"));
        String page = admin.get("/admin").body();
        assertThat(page)
                .contains(
                        "Ændringen af målgruppen er gemt.",
                        "01-01-2039",
                        "Fase 3: midlertidige ophold",
                        "Kommer med i målgruppen",
                        "01-01-2025");

        assertThat(api.as("national")
                        .get("/api/v1/coverage/breakdown?by=LEGAL_BASIS&date=2039-02-01")
                        .body())
                .contains("SEL_107");
        assertThat(api.as("national")
                        .get("/api/v1/coverage/breakdown?by=LEGAL_BASIS&date=2038-12-31")
                        .body())
                .doesNotContain("SEL_107");

        admin.post(
                "/admin/legal-bases",
                "/admin",
                Map.of("legalBasis", "SEL_107", "validFrom", "2039-06-01", "inScope", "true"));
        assertThat(admin.get("/admin").body()).contains("Ændring: lovgrundlaget er allerede i målgruppen");
    }
}
