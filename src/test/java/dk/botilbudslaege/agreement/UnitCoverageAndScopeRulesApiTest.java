package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS;
import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementFixtures.REGION_MIDT;
import static dk.botilbudslaege.agreement.AgreementScenarios.R4_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R5_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.agreement;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertProblem;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static dk.botilbudslaege.agreement.AgreementScenarios.editable;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorFields;
import static dk.botilbudslaege.agreement.AgreementScenarios.errorMessage;
import static dk.botilbudslaege.agreement.AgreementScenarios.sectionAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A unit has at most one active agreement at any date (SPEC §3 R4) — a facility, a section of it or
 * a group it belongs to — and only facilities whose legal basis is in scope on the start date can
 * get one (R5). Refused on create and again on approval, with the rule's Danish message on the field
 * facilityIds.
 */
@IntegrationTest
class UnitCoverageAndScopeRulesApiTest extends AgreementTestBase {

    private static final LocalDate APRIL_2025 = LocalDate.of(2025, 4, 1);
    private static final LocalDate JANUARY_2026 = LocalDate.of(2026, 1, 1);

    // ---- R4 -------------------------------------------------------------------------------------------

    @Test
    void a_facility_with_an_active_agreement_cannot_get_another_one_for_an_overlapping_period() {
        long facility = given.facility(12);
        given.active(given.doctorInRoomyPractice(), facility, APRIL_2025);

        Api.Response answer = given.create(given.doctorInRoomyPractice(), facility, JANUARY_2026);

        assertRefused(answer, "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
    }

    @Test
    void of_two_filed_agreements_for_one_facility_the_region_can_approve_only_the_first() {
        long facility = given.facility(12);
        long first = given.submitted(given.doctorInRoomyPractice(), facility, APRIL_2025);
        long second = given.submitted(given.doctorInRoomyPractice(), facility, JANUARY_2026);

        assertThat(given.approve(first).status()).isEqualTo(200);

        assertRefused(given.approve(second), "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
        assertThat(given.status(second)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_section_cannot_get_an_agreement_while_the_whole_facility_has_one() {
        long facility = given.facility(70);
        long section = given.section(facility, 30);
        given.active(given.doctorInRoomyPractice(), facility, APRIL_2025);

        Api.Response answer = given.create(
                NORDDJURS, sectionAgreement(given.doctorInRoomyPractice(), facility, section, JANUARY_2026));

        assertRefused(answer, "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
    }

    @Test
    void the_whole_facility_cannot_get_an_agreement_while_one_of_its_sections_has_one() {
        long facility = given.facility(70);
        long section = given.section(facility, 30);
        given.active(sectionAgreement(given.doctorInRoomyPractice(), facility, section, APRIL_2025));

        assertRefused(
                given.create(given.doctorInRoomyPractice(), facility, JANUARY_2026),
                "UNIT_ALREADY_COVERED",
                "facilityIds",
                R4_MESSAGE);
    }

    @Test
    void a_filed_whole_facility_agreement_is_refused_at_approval_once_a_section_is_covered() {
        long facility = given.facility(70);
        long section = given.section(facility, 30);
        long whole = given.submitted(given.doctorInRoomyPractice(), facility, JANUARY_2026);
        given.active(sectionAgreement(given.doctorInRoomyPractice(), facility, section, APRIL_2025));

        assertRefused(given.approve(whole), "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
    }

    @Test
    void two_sections_of_one_facility_each_get_their_own_doctor() {
        long facility = given.facility(70);
        long north = given.section(facility, 30);
        long south = given.section(facility, 40);
        long first = given.active(sectionAgreement(given.doctorInRoomyPractice(), facility, north, APRIL_2025));

        long second = given.active(sectionAgreement(given.doctorInRoomyPractice(), facility, south, APRIL_2025));

        assertThat(given.status(first)).isEqualTo("ACTIVE");
        assertThat(given.status(second)).isEqualTo("ACTIVE");
        assertRefused(
                given.create(NORDDJURS, sectionAgreement(given.doctorInRoomyPractice(), facility, north, JANUARY_2026)),
                "UNIT_ALREADY_COVERED",
                "facilityIds",
                R4_MESSAGE);
    }

    @Test
    void a_group_cannot_get_an_agreement_while_one_of_its_facilities_has_one() {
        List<Long> group = given.groupOf(10, 12);
        given.active(given.doctorInRoomyPractice(), group.get(1), APRIL_2025);

        Api.Response answer =
                given.create(NORDDJURS, agreement(given.doctorInRoomyPractice(), group.subList(0, 2), JANUARY_2026));

        assertRefused(answer, "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
    }

    @Test
    void a_facility_of_a_covered_group_cannot_get_an_agreement_of_its_own() {
        List<Long> group = given.groupOf(10, 12);
        long groupAgreement = given.active(agreement(given.doctorInRoomyPractice(), group.subList(0, 2), APRIL_2025));
        assertThat(given.read(groupAgreement).path("unitKind").asString()).isEqualTo("GROUP");

        assertRefused(
                given.create(given.doctorInRoomyPractice(), group.get(0), JANUARY_2026),
                "UNIT_ALREADY_COVERED",
                "facilityIds",
                R4_MESSAGE);
    }

    @Test
    void an_ended_agreement_no_longer_blocks_a_new_one_starting_after_its_end_date() {
        long facility = given.facility(12);
        long old = given.active(given.doctorInRoomyPractice(), facility, APRIL_2025);
        // a notice is dated at most 30 days back (issue 11): today's, ending at a quarter's end
        LocalDate end = NoticePeriod.endDate(LocalDate.now());
        Api.Response notice = given.notice(NORDDJURS, old, LocalDate.now().toString());
        assertThat(notice.json().path("endDate").asString()).isEqualTo(end.toString());

        assertRefused(
                given.create(given.doctorInRoomyPractice(), facility, end),
                "UNIT_ALREADY_COVERED",
                "facilityIds",
                R4_MESSAGE);
        long next = given.submitted(given.doctorInRoomyPractice(), facility, end.plusDays(1));
        Api.Response approved = given.approve(next);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void a_rejected_or_withdrawn_agreement_does_not_cover_the_facility() {
        long facility = given.facility(12);
        long rejected = given.submitted(given.doctorInRoomyPractice(), facility, APRIL_2025);
        assertThat(api.as(REGION_MIDT)
                        .post("/api/v1/agreements/" + rejected + "/reject", Map.of("reason", "Forkert læge"))
                        .status())
                .isEqualTo(200);
        long withdrawn = given.submitted(given.doctorInRoomyPractice(), facility, APRIL_2025);
        assertThat(api.as(NORDDJURS)
                        .post("/api/v1/agreements/" + withdrawn + "/withdraw", "")
                        .status())
                .isEqualTo(200);

        given.active(given.doctorInRoomyPractice(), facility, APRIL_2025);
    }

    // ---- R5 -------------------------------------------------------------------------------------------

    @Test
    void a_facility_under_a_legal_basis_not_yet_in_scope_cannot_get_an_agreement() {
        long temporaryStay = given.facility("SEL_107", 12, "MUNICIPAL", NORDDJURS_CODE);
        long childrensHome = given.facility("BL_43", 8, "MUNICIPAL", NORDDJURS_CODE);

        assertRefused(
                given.create(given.doctorInRoomyPractice(), temporaryStay, APRIL_2025),
                "LEGAL_BASIS_NOT_IN_SCOPE",
                "facilityIds",
                R5_MESSAGE);
        assertRefused(
                given.create(given.doctorInRoomyPractice(), childrensHome, APRIL_2025),
                "LEGAL_BASIS_NOT_IN_SCOPE",
                "facilityIds",
                R5_MESSAGE);
    }

    @Test
    void both_legal_bases_in_scope_at_the_start_can_get_an_agreement() {
        assertThat(given.create(
                                given.doctorInRoomyPractice(),
                                given.facility("SEL_108", 12, "MUNICIPAL", NORDDJURS_CODE),
                                APRIL_2025)
                        .status())
                .isEqualTo(201);
        assertThat(given.create(
                                given.doctorInRoomyPractice(),
                                given.facility("ABL_105", 12, "MUNICIPAL", NORDDJURS_CODE),
                                APRIL_2025)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_group_with_one_facility_out_of_scope_cannot_get_an_agreement() {
        long group = given.group();
        long inScope = given.facility(10);
        long outOfScope = given.facility("SEL_107", 10, "MUNICIPAL", NORDDJURS_CODE);
        given.joinGroup(inScope, group);
        given.joinGroup(outOfScope, group);

        assertRefused(
                given.create(
                        NORDDJURS, agreement(given.doctorInRoomyPractice(), List.of(inScope, outOfScope), APRIL_2025)),
                "LEGAL_BASIS_NOT_IN_SCOPE",
                "facilityIds",
                R5_MESSAGE);
    }

    @Test
    void a_facility_whose_legal_basis_changed_out_of_scope_after_filing_is_refused_at_approval() {
        long facility = given.facility(12);
        long filed = given.submitted(given.doctorInRoomyPractice(), facility, APRIL_2025);
        Map<String, Object> body = editable(api.as(REGION_MIDT).get("/api/v1/facilities/" + facility));
        body.put("legalBasis", "SEL_107");
        assertThat(api.as(REGION_MIDT)
                        .put("/api/v1/facilities/" + facility, body)
                        .status())
                .isEqualTo(200);

        assertRefused(given.approve(filed), "LEGAL_BASIS_NOT_IN_SCOPE", "facilityIds", R5_MESSAGE);
        assertThat(given.status(filed)).isEqualTo("SUBMITTED");
    }

    @Test
    void a_start_date_before_the_scheme_began_is_refused_as_bad_input() {
        Api.Response answer =
                given.create(given.doctorInRoomyPractice(), given.facility(12), LocalDate.of(2024, 12, 31));

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(errorFields(answer)).containsExactly("startDate");
        assertThat(errorMessage(answer, "startDate"))
                .isEqualTo("Startdatoen kan ikke ligge før ordningen begyndte 1. januar 2025.");
        assertThat(given.create(given.doctorInRoomyPractice(), given.facility(12), LocalDate.of(2025, 1, 1))
                        .status())
                .isEqualTo(201);
    }
}
