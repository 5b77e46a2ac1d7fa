package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.plan;
import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.collaboration.CooperationPlanScenarios.Running;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 session 5: an unchanged draft records nothing, the contact person is the facility's and its history
 * holds accepted versions only, a stale accept shows what changed, names instead of usernames, the PDF in the
 * OpenAPI description.
 */
@IntegrationTest
class CooperationPlanChangesTest extends CooperationPlanTestBase {

    private long audits(long agreementId) {
        return jdbc.sql("select count(*) from audit_event where entity_type = 'COOPERATION_PLAN' and entity_id = :id")
                .param("id", String.valueOf(agreementId))
                .query(Long.class)
                .single();
    }

    private Running accepted() {
        Running a = given.active(LocalDate.now());
        assertThat(a.doctor()
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(200);
        assertThat(a.facility()
                        .post(path(a.id()) + "/accept", Map.of("version", 1))
                        .status())
                .isEqualTo(200);
        return a;
    }

    @Test
    void a_draft_that_changes_nothing_records_nothing_and_the_plan_stays_accepted() {
        Running a = accepted();
        long audited = audits(a.id());
        for (Api party : List.of(a.doctor(), a.facility())) {
            Map<String, Object> same = plan(LocalDate.now(), 1, null);
            same.put("scope", "  " + same.get("scope") + "\n"); // surrounding blanks are not a change
            Api.Response answer = party.put(path(a.id()), same);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().path("version").asInt()).isEqualTo(1);
            assertThat(answer.json().path("status").asString()).isEqualTo("ACCEPTED");
        }
        assertThat(a.doctor().get(path(a.id()) + "/versions").json()).hasSize(1);
        assertThat(audits(a.id())).isEqualTo(audited);
        // a stale version is still refused, even with the same content
        assertProblem(a.doctor().put(path(a.id()), plan(LocalDate.now(), 0, null)), 409, "CONCURRENT_CHANGE");
    }

    @Test
    void the_doctor_may_not_change_the_facility_contact_and_nothing_is_saved() {
        Running a = accepted();
        Map<String, Object> change = plan(LocalDate.now(), 1, null);
        change.put("contactName", "Lægens kandidat");
        change.put("contactPhone", "+45 11 22 33 44");
        change.put("scope", "Et nyt omfang.");
        JsonNode problem = assertProblem(a.doctor().put(path(a.id()), change), 400, "VALIDATION_FAILED");
        assertThat(problem.path("errors").toString())
                .contains("contactName", "contactPhone")
                .doesNotContain("contactEmail")
                .contains("botilbuddets at ændre");
        assertThat(a.doctor().get(path(a.id()) + "/versions").json()).hasSize(1);
        assertThat(a.doctor().get(path(a.id())).json().path("status").asString())
                .isEqualTo("ACCEPTED");
        // the same draft with the contact kept is a new version
        change.put("contactName", "Mette Sørensen");
        change.put("contactPhone", "+45 86 12 34 56");
        assertThat(a.doctor().put(path(a.id()), change).json().path("version").asInt())
                .isEqualTo(2);
        // the facility side changes it
        Map<String, Object> own = new LinkedHashMap<>(change);
        own.put("version", 2);
        own.put("contactName", "Jens Holm");
        assertThat(a.facility().put(path(a.id()), own).status()).isEqualTo(200);
    }

    @Test
    void the_contact_history_holds_the_contacts_of_accepted_versions_only() {
        Running a = accepted();
        assertThat(a.facility().get(path(a.id()) + "/contacts").json()).hasSize(1);
        Map<String, Object> change = plan(LocalDate.now(), 1, null);
        change.put("contactName", "Jens Holm");
        change.put("contactRole", "HEALTH_LEADER");
        assertThat(a.facility().put(path(a.id()), change).status()).isEqualTo(200);
        // a draft changes the version, not the history
        JsonNode contacts = a.facility().get(path(a.id()) + "/contacts").json();
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).path("name").asString()).isEqualTo("Mette Sørensen");
        assertThat(a.doctor().get(path(a.id())).json().path("contactName").asString())
                .isEqualTo("Jens Holm");
        assertThat(a.doctor()
                        .post(path(a.id()) + "/accept", Map.of("version", 2))
                        .status())
                .isEqualTo(200);
        contacts = a.facility().get(path(a.id()) + "/contacts").json();
        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).path("name").asString()).isEqualTo("Jens Holm");
        JsonNode versions = a.facility().get(path(a.id()) + "/versions").json();
        assertThat(versions.get(1).path("contactName").asString()).isEqualTo("Mette Sørensen");
    }

    @Test
    void a_stale_accept_shows_what_changed_before_the_user_confirms() {
        Running a = given.active(LocalDate.now());
        assertThat(a.doctor()
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(200);
        Map<String, Object> change = plan(LocalDate.now(), 1, null);
        change.put("scope", "Rådgivning, 3 timer om måneden.");
        assertThat(a.doctor().put(path(a.id()), change).status()).isEqualTo(200);

        WebSession facility = WebSession.signIn(port, a.facilityLogin());
        String page = "/agreements/" + a.id() + "/cooperation-plan";
        // the facility opened version 1 and presses accept (even a confirmed post of the old version): both go to
        // the confirmation page, a GET, which shows what changed
        for (String confirmed : List.of("false", "true")) {
            var answer = facility.post(page + "/accept", page, Map.of("version", "1", "confirmed", confirmed));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(page + "/accept?version=1");
        }
        for (String query : List.of("?version=1", "?version=1&lang=en", "?version=1&lang=da")) {
            var answer = facility.get(page + "/accept" + query);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body())
                    .contains("Rådgivning og undervisning af personalet, 2 timer om måneden.")
                    .contains("Rådgivning, 3 timer om måneden.")
                    .contains("name=\"version\" value=\"2\"");
        }
        assertThat(facility.get(page + "/accept?version=1").body())
                .contains("Planen er ændret siden du åbnede den (version 1 → 2)");
        assertThat(a.doctor().get(path(a.id())).json().path("status").asString())
                .isEqualTo("DRAFT");
        // the API keeps refusing the stale version
        assertProblem(a.facility().post(path(a.id()) + "/accept", Map.of("version", 1)), 409, "CONCURRENT_CHANGE");
        // the current version's confirmation has no such note, and confirming accepts it
        var current = facility.get(page + "/accept?version=2");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).doesNotContain("ændret siden du åbnede");
        // the doctor drafted it, so the doctor has nothing to accept: back to the plan with the reason
        var doctor = WebSession.signIn(port, a.doctorLogin());
        assertThat(doctor.get(page + "/accept?version=2").statusCode()).isEqualTo(302);
        assertThat(WebSession.signIn(port, "region-midt").get(page + "/accept").statusCode())
                .isEqualTo(403);
        assertThat(facility.post(page + "/accept", page, Map.of("version", "2", "confirmed", "true"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(a.doctor().get(path(a.id())).json().path("status").asString())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void the_page_names_people_not_usernames() {
        Running a = accepted();
        String page = WebSession.signIn(port, "region-midt")
                .get("/agreements/" + a.id() + "/cooperation-plan")
                .body();
        assertThat(page)
                .contains("Testlæge (fast læge)")
                .contains("Kontaktperson (botilbud " + a.facilityName() + ")")
                .contains("Mette Sørensen, Sundhedsfaglig medarbejder · ")
                .doesNotContain("(" + a.doctorLogin() + ")")
                .doesNotContain(a.facilityLogin() + ",");
        var pdf = WebSession.signIn(port, "region-midt").getBytes("/agreements/" + a.id() + "/cooperation-plan.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
    }

    @Test
    void the_demo_plans_are_drafted_and_accepted_after_the_agreement_was_approved() {
        String demo = """
                 from cooperation_plan_version v join agreement_overview o on o.id = v.agreement_id
                where v.drafted_by = 'laege-norddjurs' and o.decided_at is not null
                """;
        assertThat(jdbc.sql("select count(*) " + demo).query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) " + demo
                                + " and (v.drafted_at < o.decided_at or v.accepted_at < o.decided_at)")
                        .query(Long.class)
                        .single())
                .isZero();
        // the demo's draft never accepted has no row in the contact history
        assertThat(jdbc.sql("select count(*) " + demo
                                + " and v.accepted_at is null and exists (select 1 from cooperation_contact c"
                                + " where c.agreement_id = v.agreement_id)")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_plan_pdf_is_in_the_openapi_description() {
        Api.Response answer = Api.on(port).get("/api/v1/openapi.json");
        assertThat(answer.json().path("paths").has("/api/v1/agreements/{id}/cooperation-plan.pdf"))
                .isTrue();
        assertThat(answer.json().path("paths").has("/agreements/{id}/cooperation-plan.pdf"))
                .isFalse();
    }
}
