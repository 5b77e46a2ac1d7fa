package dk.botilbudslaege.matching;

import static dk.botilbudslaege.matching.MatchingRoundsTest.NATIONAL_USER;
import static dk.botilbudslaege.matching.MatchingRoundsTest.REGION_NORD;
import static dk.botilbudslaege.matching.MatchingRoundsTest.REGION_NORD_USER;
import static dk.botilbudslaege.matching.MatchingRoundsTest.START;
import static dk.botilbudslaege.matching.MatchingRoundsTest.facilityUser;
import static dk.botilbudslaege.matching.MatchingRoundsTest.municipality;
import static dk.botilbudslaege.matching.MatchingRoundsTest.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who a round's openings and proposals belong to (SPEC §1, §3, §6): a municipality publishes and decides
 * only what it files for, a facility is in one open round at a time, the national viewer sees no names,
 * a private facility confirms its own proposal, and a doctor of another region is no offer.
 */
@IntegrationTest
class MatchingRoundsScopeTest {

    static final String MORSOE = "773";
    static final String HJOERRING = "860";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Rounds rounds;

    @Autowired
    Proposals proposals;

    @Autowired
    Offers offers;

    Api api;
    MatchingFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new MatchingFixtures(api);
    }

    /** A facility of the test's own, then made regional or private when asked (the region may change it). */
    long facility(String municipalityCode, String operator, double[] at) {
        long id = fixtures.facility(REGION_NORD, municipalityCode, 10, at, "SEL_108");
        if (!"MUNICIPAL".equals(operator)) {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            var current = api.as(REGION_NORD).get("/api/v1/facilities/" + id).json();
            body.put("name", current.path("name").asString());
            body.put("address", current.path("address").asString());
            body.put("municipalityCode", municipalityCode);
            body.put("operator", operator);
            if ("PRIVATE".equals(operator)) {
                body.put("privateOwnership", "SELF_OWNING");
            }
            body.put("legalBasis", "SEL_108");
            body.put("places", 12);
            body.put("residents", 10);
            body.put("latitude", at[0]);
            body.put("longitude", at[1]);
            Api.Response changed = api.as(REGION_NORD).put("/api/v1/facilities/" + id, body);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        }
        return id;
    }

    @Test
    void the_national_viewer_sees_no_round_and_no_names() {
        assertThatThrownBy(() -> rounds.list(NATIONAL_USER)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_municipality_publishes_no_regional_facility_and_may_not_decline_its_proposal() {
        CurrentUser morsoe = municipality(MORSOE);
        double[] clinic = {56.79, 8.73};
        long regional = facility(MORSOE, "REGIONAL", MatchingFixtures.offset(clinic, 1, 0));
        long municipal = facility(MORSOE, "MUNICIPAL", MatchingFixtures.offset(clinic, -1, 0));
        fixtures.doctor(REGION_NORD, fixtures.practice(REGION_NORD, MORSOE, 2, clinic), false);
        fixtures.doctor(
                REGION_NORD, fixtures.practice(REGION_NORD, MORSOE, 2, MatchingFixtures.offset(clinic, 0, 1)), false);

        assertThat(rounds.candidates(morsoe, null))
                .extracting(SolverFacade.Opening::id)
                .contains(municipal)
                .doesNotContain(regional);
        assertThatThrownBy(() -> rounds.open(morsoe, null, MatchMethod.OTHER, null, null, List.of(regional)))
                .isInstanceOf(dk.botilbudslaege.common.InvalidInputException.class);

        // the region opens the municipality's round with both; the municipality runs it, yet the regional
        // facility's proposal is the region's to decide
        Rounds.Round round = rounds.open(
                REGION_NORD_USER, MORSOE, MatchMethod.COVERAGE_PLAN, null, null, List.of(regional, municipal));
        rounds.close(REGION_NORD_USER, round.id(), plan(10.0, false), null);
        Map<Long, Rounds.ProposalRow> byFacility = new java.util.HashMap<>();
        proposals.of(REGION_NORD_USER, round.id()).proposals().forEach(p -> byFacility.put(p.facilityId(), p));
        assertThat(byFacility).containsKeys(regional, municipal);

        assertThatThrownBy(
                        () -> proposals.decline(morsoe, byFacility.get(regional).id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(
                        () -> proposals.accept(morsoe, byFacility.get(regional).id(), START))
                .isInstanceOf(ForbiddenException.class);
        proposals.decline(REGION_NORD_USER, byFacility.get(regional).id());
        proposals.decline(morsoe, byFacility.get(municipal).id());
    }

    @Test
    void a_facility_is_in_one_open_round_at_a_time_and_a_private_facility_confirms_its_own_proposal() {
        CurrentUser hjoerring = municipality(HJOERRING);
        double[] clinic = {57.46, 9.98};
        long privat = facility(HJOERRING, "PRIVATE", MatchingFixtures.offset(clinic, 1, 0));
        fixtures.doctor(REGION_NORD, fixtures.practice(REGION_NORD, HJOERRING, 1, clinic), false);

        Rounds.Round regionRound = rounds.open(REGION_NORD_USER, null, MatchMethod.OTHER, null, null, List.of(privat));
        try {
            assertThat(rounds.candidates(hjoerring, null))
                    .extracting(SolverFacade.Opening::id)
                    .doesNotContain(privat);
            assertThatThrownBy(() -> rounds.open(hjoerring, null, MatchMethod.OTHER, null, null, List.of(privat)))
                    .isInstanceOf(dk.botilbudslaege.common.InvalidInputException.class);
        } finally {
            rounds.close(REGION_NORD_USER, regionRound.id(), plan(10.0, false), null);
        }
        Rounds.ProposalRow proposal =
                proposals.of(REGION_NORD_USER, regionRound.id()).proposals().get(0);
        // while its proposal waits, the facility is no candidate for another round either
        assertThat(rounds.candidates(hjoerring, null))
                .extracting(SolverFacade.Opening::id)
                .doesNotContain(privat);

        CurrentUser contact = facilityUser(privat, HJOERRING);
        long agreementId = proposals.accept(contact, proposal.id(), START);
        assertThat(api.as(REGION_NORD)
                        .get("/api/v1/agreements/" + agreementId)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void a_doctor_of_another_region_who_wishes_for_a_facility_is_no_offer_to_it() {
        double[] clinic = {57.46, 9.98};
        long wanted = facility(HJOERRING, "MUNICIPAL", MatchingFixtures.offset(clinic, 2, 0));
        long near = fixtures.doctor(REGION_NORD, fixtures.practice(REGION_NORD, HJOERRING, 1, clinic), false);
        long far = fixtures.doctor("region-midt", fixtures.practice("region-midt", "707", 1, null), false);
        assertThat(api.as(REGION_NORD)
                        .put("/api/v1/doctors/" + near + "/wishes", List.of(wanted))
                        .status())
                .isEqualTo(200);
        assertThat(api.as("region-midt")
                        .put("/api/v1/doctors/" + far + "/wishes", List.of(wanted))
                        .status())
                .isEqualTo(200);

        assertThat(offers.toFacility(wanted)).extracting(Offers.Offer::doctorId).containsExactly(near);
    }
}
