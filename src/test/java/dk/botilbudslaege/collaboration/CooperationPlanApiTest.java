package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.AARHUS;
import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.NATIONAL;
import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.NORDDJURS;
import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.REGION_MIDT;
import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.REGION_NORD;
import static dk.botilbudslaege.collaboration.CooperationPlanScenarios.plan;
import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.collaboration.CooperationPlanScenarios.Running;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The cooperation plan through the API (issue 13 items 1 and 6): who may do what, bad input, versions. */
@IntegrationTest
class CooperationPlanApiTest extends CooperationPlanTestBase {

    @Test
    void the_doctor_drafts_and_the_facility_accepts_and_every_version_is_kept() {
        Running a = given.active(LocalDate.now());

        Api.Response drafted = a.doctor().put(path(a.id()), plan(LocalDate.now(), null, a.colleague()));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(200);
        assertThat(drafted.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.json().path("version").asInt()).isEqualTo(1);
        assertThat(drafted.json().path("substituteDoctor").asString()).isEqualTo(a.colleague());
        assertThat(drafted.json().path("contactName").asString()).isEqualTo("Mette Sørensen");

        Api.Response accepted = a.facility().post(path(a.id()) + "/accept", Map.of("version", 1));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("acceptedAt").isNull()).isFalse();

        // a later change by the facility is a new draft, which the doctor accepts
        Map<String, Object> change = plan(LocalDate.now(), 1, null);
        change.put("contactName", "Jens Holm");
        change.put("contactRole", "HEALTH_LEADER");
        Api.Response redrafted = a.facility().put(path(a.id()), change);
        assertThat(redrafted.status()).as(redrafted.body()).isEqualTo(200);
        assertThat(redrafted.json().path("version").asInt()).isEqualTo(2);
        assertThat(redrafted.json().path("status").asString()).isEqualTo("DRAFT");
        assertThat(a.doctor().post(path(a.id()) + "/accept", Map.of()).status()).isEqualTo(200);

        JsonNode versions = a.doctor().get(path(a.id()) + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(versions.get(1).path("contactName").asString()).isEqualTo("Mette Sørensen");
        assertThat(versions.get(0).path("contactName").asString()).isEqualTo("Jens Holm");
        JsonNode contacts = a.facility().get(path(a.id()) + "/contacts").json();
        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).path("name").asString()).isEqualTo("Jens Holm");
    }

    @Test
    void readers_are_the_parties_the_municipality_and_the_region_and_no_one_else() {
        Running a = given.active(LocalDate.now());
        assertThat(a.doctor()
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(200);
        Running other = given.active(LocalDate.now());

        for (Api reader : List.of(a.doctor(), a.facility(), api.as(NORDDJURS), api.as(REGION_MIDT))) {
            assertThat(reader.get(path(a.id())).status()).isEqualTo(200);
            assertThat(reader.get(path(a.id()) + "/versions").status()).isEqualTo(200);
            assertThat(reader.get(path(a.id()) + ".pdf").status()).isEqualTo(200);
        }
        assertProblem(api.as(NATIONAL).get(path(a.id())), 403, "FORBIDDEN");
        assertProblem(api.as(NATIONAL).get(path(a.id()) + ".pdf"), 403, "FORBIDDEN");
        for (Api outsider : List.of(api.as(REGION_NORD), api.as(AARHUS), other.doctor(), other.facility())) {
            assertThat(outsider.get(path(a.id())).status()).isIn(403, 404);
            assertThat(outsider.get(path(a.id()) + "/contacts").status()).isIn(403, 404);
            assertThat(outsider.put(path(a.id()), plan(LocalDate.now(), 1, null))
                            .status())
                    .isIn(403, 404);
            assertThat(outsider.post(path(a.id()) + "/accept", Map.of()).status())
                    .isIn(403, 404);
        }
        assertThat(api.anonymous().get(path(a.id())).status()).isEqualTo(401);
    }

    @Test
    void the_region_reads_but_does_not_draft_and_the_municipality_drafts_for_its_facility() {
        Running a = given.active(LocalDate.now());
        assertProblem(api.as(REGION_MIDT).put(path(a.id()), plan(LocalDate.now(), null, null)), 403, "FORBIDDEN");
        assertThat(api.as(NATIONAL)
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(403);

        Api.Response byMunicipality = api.as(NORDDJURS).put(path(a.id()), plan(LocalDate.now(), null, null));
        assertThat(byMunicipality.status()).as(byMunicipality.body()).isEqualTo(200);
        assertThat(byMunicipality.json().path("draftedSide").asString()).isEqualTo("FACILITY");
        // the facility's contact is the same side as the municipality: it cannot accept the municipality's draft
        assertProblem(a.facility().post(path(a.id()) + "/accept", Map.of()), 409, "COOPERATION_PLAN_OWN_DRAFT");
        assertProblem(api.as(REGION_MIDT).post(path(a.id()) + "/accept", Map.of()), 403, "FORBIDDEN");
        assertThat(a.doctor().post(path(a.id()) + "/accept", Map.of()).status()).isEqualTo(200);
        assertProblem(a.facility().post(path(a.id()) + "/accept", Map.of()), 409, "COOPERATION_PLAN_ALREADY_ACCEPTED");
    }

    @Test
    void accepting_ones_own_draft_is_refused() {
        Running a = given.active(LocalDate.now());
        assertThat(a.doctor()
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(200);
        assertProblem(a.doctor().post(path(a.id()) + "/accept", Map.of()), 409, "COOPERATION_PLAN_OWN_DRAFT");
        assertThat(a.doctor().get(path(a.id())).json().path("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void a_stale_version_is_refused_and_nothing_is_saved() {
        Running a = given.active(LocalDate.now());
        assertThat(a.doctor()
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(200);
        Map<String, Object> changed = plan(LocalDate.now(), 1, null);
        changed.put("scope", "Rådgivning, 3 timer om måneden.");
        assertThat(a.facility().put(path(a.id()), changed).status()).isEqualTo(200);

        assertProblem(a.doctor().put(path(a.id()), plan(LocalDate.now(), 1, null)), 409, "CONCURRENT_CHANGE");
        assertProblem(a.doctor().post(path(a.id()) + "/accept", Map.of("version", 1)), 409, "CONCURRENT_CHANGE");
        assertThat(a.doctor().get(path(a.id()) + "/versions").json()).hasSize(2);
    }

    @Test
    void a_draft_without_a_version_applies_to_the_current_state() {
        Running a = given.active(LocalDate.now());
        assertThat(a.doctor()
                        .put(path(a.id()), plan(LocalDate.now(), null, null))
                        .status())
                .isEqualTo(200);
        // unchanged content, no version: the current plan, nothing recorded (docs/api.md Conventions)
        Api.Response same = a.facility().put(path(a.id()), plan(LocalDate.now(), null, null));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().path("version").asInt()).isEqualTo(1);
        // changed content, no version: a new version on top of the current one
        Map<String, Object> changed = plan(LocalDate.now(), null, null);
        changed.put("scope", "Rådgivning, 3 timer om måneden.");
        Api.Response next = a.facility().put(path(a.id()), changed);
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("version").asInt()).isEqualTo(2);
        assertThat(next.json().path("scope").asString()).isEqualTo("Rådgivning, 3 timer om måneden.");
        assertThat(a.doctor().get(path(a.id()) + "/versions").json()).hasSize(2);
    }

    @Test
    void the_start_date_lies_within_a_year_ahead() {
        Running a = given.active(LocalDate.now());
        Api.Response far = a.doctor().put(path(a.id()), plan(LocalDate.of(2100, 12, 31), null, null));
        assertProblem(far, 400, "VALIDATION_FAILED");
        assertThat(fields(far)).containsExactly("startDate");
        assertThat(far.body()).contains("Startdato kan højst ligge et år frem (senest ");
        assertProblem(
                a.doctor().put(path(a.id()), plan(LocalDate.now().plusYears(1).plusDays(1), null, null)),
                400,
                "VALIDATION_FAILED");
        assertProblem(api.as(NORDDJURS).get(path(a.id())), 404, "NOT_FOUND");
        Api.Response yearAhead =
                a.doctor().put(path(a.id()), plan(LocalDate.now().plusYears(1), null, null));
        assertThat(yearAhead.status()).as(yearAhead.body()).isEqualTo(200);
    }

    @Test
    void a_plan_needs_a_running_agreement() {
        Running draft = given.draftAgreement();
        assertProblem(
                api.as(NORDDJURS).put(path(draft.id()), plan(LocalDate.now().plusMonths(1), null, null)),
                409,
                "AGREEMENT_NOT_RUNNING");
        assertProblem(draft.doctor().post(path(draft.id()) + "/accept", Map.of()), 409, "AGREEMENT_NOT_RUNNING");
        assertProblem(api.as(NORDDJURS).get(path(draft.id())), 404, "NOT_FOUND");
    }

    @Test
    void missing_fields_are_named_each() {
        Running a = given.active(LocalDate.now());
        Api.Response answer = a.doctor().put(path(a.id()), Map.of());
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fields(answer))
                .contains(
                        "startDate",
                        "scope",
                        "schedule",
                        "meetings",
                        "communication",
                        "contactName",
                        "contactRole",
                        "contactEmail",
                        "contactPhone");
        assertThat(a.doctor().get(path(a.id())).status()).isEqualTo(404);
    }

    @Test
    void too_long_text_cpr_like_text_a_bad_email_and_a_doctor_from_elsewhere_are_refused() {
        Running a = given.active(LocalDate.now());
        Map<String, Object> body = plan(LocalDate.now().minusYears(1), null, "Dr. Ukendt Udefra");
        body.put("scope", "x".repeat(4001));
        body.put("meetings", "Beboeren 010203-1234 skal ses");
        body.put("communication", "Ring om 0102031234");
        body.put("contactEmail", "ikke en adresse");
        body.put("contactPhone", "ring til mig");
        Api.Response answer = a.doctor().put(path(a.id()), body);
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(fields(answer))
                .containsExactlyInAnyOrder(
                        "startDate",
                        "scope",
                        "meetings",
                        "communication",
                        "contactEmail",
                        "contactPhone",
                        "substituteDoctor");
        assertThat(answer.body()).contains("CPR-nummer", "samme praksis");
        assertThat(a.doctor().get(path(a.id())).status()).isEqualTo(404);
    }

    @Test
    void the_missing_list_is_for_the_region_and_the_municipality() {
        for (String user : List.of(REGION_MIDT, NORDDJURS)) {
            Api.Response answer = api.as(user).get("/api/v1/cooperation-plans/missing");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().isArray()).isTrue();
        }
        assertThat(api.as(AARHUS).get("/api/v1/cooperation-plans/missing").status())
                .isEqualTo(200);
        assertProblem(api.as(NATIONAL).get("/api/v1/cooperation-plans/missing"), 403, "FORBIDDEN");
        Running a = given.active(LocalDate.now());
        assertProblem(a.doctor().get("/api/v1/cooperation-plans/missing"), 403, "FORBIDDEN");
        assertProblem(a.facility().get("/api/v1/cooperation-plans/missing"), 403, "FORBIDDEN");
        // Aarhus does not see Norddjurs' agreements
        assertThat(api.as(AARHUS)
                        .get("/api/v1/cooperation-plans/missing")
                        .json()
                        .toString())
                .doesNotContain("Norddjurs");
    }

    @Test
    void the_demo_data_has_accepted_plans_a_draft_and_one_missing_in_norddjurs() {
        JsonNode missing =
                api.as(NORDDJURS).get("/api/v1/cooperation-plans/missing").json();
        List<String> statuses = new ArrayList<>();
        missing.forEach(m -> statuses.add(m.path("planStatus").asString()));
        assertThat(statuses).contains("NONE");
        JsonNode agreements =
                api.as("botilbud-skovstjernen").get("/api/v1/agreements").json();
        long skovstjernen = agreements.path("content").get(0).path("id").asLong();
        Api.Response plan = api.as("botilbud-skovstjernen").get(path(skovstjernen));
        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
        assertThat(plan.json().path("status").asString()).isEqualTo("ACCEPTED");
    }
}
