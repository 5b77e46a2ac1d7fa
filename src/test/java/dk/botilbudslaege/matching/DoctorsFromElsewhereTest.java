package dk.botilbudslaege.matching;

import static dk.botilbudslaege.matching.MatchingRoundsTest.plan;
import static dk.botilbudslaege.matching.MatchingRoundsTest.stable;
import static dk.botilbudslaege.matching.MatchingRoundsTest.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 13 (SPEC §6 M1, M4; seed 000: doctors "placeret langt væk"): a municipality's round and
 * coverage plan consider every doctor of the region within the chosen distance, not only the
 * municipality's own; a round may include the doctors of the neighbouring regions within its reach.
 *
 * <p>Each test has rounds in a Region Midtjylland municipality of its own where no other test opens a
 * round (Randers, Skanderborg), and puts its rows on a spot of its own in the Kattegat, more than 35 km
 * from the demo data (Djursland) and from each other, so no demo row and no other test's row is within reach.
 */
@IntegrationTest
class DoctorsFromElsewhereTest {

    static final String MIDT = "1082";
    static final String REGION_MIDT = "region-midt";
    static final String REGION_NORD = "region-nord";
    static final String RANDERS = "730";
    static final String SYDDJURS = "706";
    static final String FAVRSKOV = "710";
    static final String SILKEBORG = "740";
    static final String SKANDERBORG = "746";
    static final String AALBORG = "851";

    @Autowired
    WebApplicationContext context;

    @Autowired
    Rounds rounds;

    @Autowired
    Offers offers;

    @Autowired
    Proposals proposals;

    @Autowired
    JdbcClient jdbc;

    Api api;
    MatchingFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new MatchingFixtures(api);
    }

    static CurrentUser municipality(String code) {
        return MatchingRoundsTest.municipality(code, MIDT);
    }

    static CurrentUser doctorUser(long doctorId, long practiceId, String regionCode) {
        return new CurrentUser("laege-" + doctorId, "Læge", Role.DOCTOR, regionCode, null, null, doctorId, practiceId);
    }

    record Doctor(long id, long practiceId) {}

    Doctor doctor(String user, String municipalityCode, double[] at) {
        long practice = fixtures.practice(user, municipalityCode, 1, at);
        return new Doctor(fixtures.doctor(user, practice, false), practice);
    }

    long facility(String municipalityCode, double[] at) {
        return fixtures.facility(REGION_MIDT, municipalityCode, 10, at, "SEL_108");
    }

    void wishes(String user, long doctorId, Long... facilityIds) {
        Api.Response answer = api.as(user).put("/api/v1/doctors/" + doctorId + "/wishes", List.of(facilityIds));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    void priorities(long facilityId, Long... doctorIds) {
        Api.Response answer =
                api.as(REGION_MIDT).put("/api/v1/facilities/" + facilityId + "/priorities", List.of(doctorIds));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    JsonNode planApi(String municipalityCode, double maxDistanceKm, Boolean neighbourRegions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipalityCode", municipalityCode);
        body.put("maxDistanceKm", maxDistanceKm);
        if (neighbourRegions != null) {
            body.put("neighbourRegions", neighbourRegions);
        }
        Api.Response answer = api.as(REGION_MIDT).post("/api/v1/matching/coverage-plan", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    static Map<Long, Long> doctorByFacility(JsonNode plan) {
        Map<Long, Long> pairs = new LinkedHashMap<>();
        plan.path("pairs")
                .forEach(p -> pairs.put(
                        p.path("facilityId").asLong(), p.path("doctorId").asLong()));
        return pairs;
    }

    static Map<Long, Long> doctorByFacility(Rounds.OutcomeView view) {
        Map<Long, Long> pairs = new LinkedHashMap<>();
        view.proposals().forEach(p -> pairs.put(p.facilityId(), p.doctorId()));
        return pairs;
    }

    @Test
    void neighbouring_regions_are_data_denmarks_adjacent_regions_both_ways() {
        assertThat(jdbc.sql("select neighbour_code from region_neighbour where region_code = '1082' order by 1")
                        .query(String.class)
                        .list())
                .containsExactly("1081", "1083");
        assertThat(jdbc.sql("select neighbour_code from region_neighbour where region_code = '1081'")
                        .query(String.class)
                        .list())
                .containsExactly("1082");
        assertThat(jdbc.sql("select neighbour_code from region_neighbour where region_code = '1085' order by 1")
                        .query(String.class)
                        .list())
                .containsExactly("1083", "1084");
    }

    @Test
    void a_municipal_plan_and_round_use_a_doctor_of_a_neighbouring_municipality_within_the_distance_not_beyond() {
        double[] spot = {56.30, 11.45};
        long f = facility(RANDERS, spot);
        long g = facility(RANDERS, MatchingFixtures.offset(spot, 0, 26));
        // the seed's case: a Syddjurs doctor 6 km from a Randers facility; a Favrskov doctor 14 km from it and
        // 12 km from the other; a Silkeborg doctor 40 km away
        Doctor near = doctor(REGION_MIDT, SYDDJURS, MatchingFixtures.offset(spot, 6, 0));
        Doctor further = doctor(REGION_MIDT, FAVRSKOV, MatchingFixtures.offset(spot, 0, 14));
        Doctor away = doctor(REGION_MIDT, SILKEBORG, MatchingFixtures.offset(spot, 40, 0));

        // the coverage plan of the municipality (M4): the Syddjurs doctor within 10 km; none beyond it
        JsonNode tenKm = planApi(RANDERS, 10, null);
        assertThat(doctorByFacility(tenKm)).containsEntry(f, near.id()).doesNotContainKey(g);
        assertThat(tenKm.path("uncoveredFacilityIds").toString()).contains(String.valueOf(g));
        assertThat(doctorByFacility(planApi(RANDERS, 13, null)))
                .containsEntry(f, near.id())
                .containsEntry(g, further.id());

        // a round of the municipality: the region's doctors within its reach (25 km) see its openings
        CurrentUser randers = municipality(RANDERS);
        Rounds.Round round =
                rounds.open(randers, RANDERS, MatchMethod.WISH_LIST, today().plusDays(7), null, List.of(f, g));
        try {
            assertThat(round.reachKm()).isEqualTo(25.0);
            assertThat(round.includeNeighbours()).isFalse();
            assertThat(offers.near(near.id()))
                    .extracting(Offers.NearOpening::facilityId)
                    .contains(f)
                    .doesNotContain(g);
            assertThat(offers.near(further.id()))
                    .extracting(Offers.NearOpening::facilityId)
                    .contains(f, g);
            assertThat(offers.near(away.id()))
                    .extracting(Offers.NearOpening::facilityId)
                    .doesNotContain(f, g);
            assertThat(rounds.list(doctorUser(further.id(), further.practiceId(), MIDT)))
                    .extracting(Rounds.Round::id)
                    .contains(round.id());
            assertThat(rounds.list(doctorUser(away.id(), away.practiceId(), MIDT)))
                    .extracting(Rounds.Round::id)
                    .doesNotContain(round.id());

            wishes(REGION_MIDT, near.id(), f);
            wishes(REGION_MIDT, further.id(), g, f);
            wishes(REGION_MIDT, away.id(), f);
            priorities(f, away.id(), further.id(), near.id());
            priorities(g, further.id());
            // the facility sees the offers of the doctors who take part; the doctor beyond reach is no offer
            assertThat(offers.toFacility(f))
                    .extracting(Offers.Offer::doctorId)
                    .containsExactly(further.id(), near.id());
            assertThat(rounds.openings(randers, round.id()))
                    .filteredOn(o -> o.facilityId() == f)
                    .singleElement()
                    .extracting(Rounds.OpeningRow::offers)
                    .isEqualTo(2);

            // M3 over the region's doctors: the far doctor's wish does not count
            Rounds.OutcomeView matched = rounds.preview(randers, round.id(), stable(SolverFacade.Proposing.DOCTORS));
            assertThat(doctorByFacility(matched)).containsEntry(f, near.id()).containsEntry(g, further.id());
        } finally {
            rounds.close(randers, round.id(), plan(10.0, false), null);
        }
        // closed with a plan within 10 km: the Syddjurs doctor for the one; nobody for the other
        Rounds.OutcomeView outcome = proposals.of(randers, round.id());
        assertThat(doctorByFacility(outcome)).containsEntry(f, near.id()).doesNotContainKey(g);
        for (Rounds.ProposalRow p : outcome.proposals()) {
            proposals.decline(randers, p.id());
        }
    }

    @Test
    void a_round_may_include_the_doctors_of_neighbouring_regions_within_its_reach() {
        double[] spot = {55.75, 11.0};
        long h = facility(SKANDERBORG, spot);
        // doctors of Region Nordjylland (a neighbour): one 8 km away, one 30 km away
        Doctor nord = doctor(REGION_NORD, AALBORG, MatchingFixtures.offset(spot, 8, 0));
        Doctor nordFar = doctor(REGION_NORD, AALBORG, MatchingFixtures.offset(spot, 30, 0));
        CurrentUser skanderborg = municipality(SKANDERBORG);

        // the plan: another region's doctor only when asked
        assertThat(doctorByFacility(planApi(SKANDERBORG, 10, null))).doesNotContainKey(h);
        assertThat(doctorByFacility(planApi(SKANDERBORG, 10, false))).doesNotContainKey(h);
        assertThat(doctorByFacility(planApi(SKANDERBORG, 10, true))).containsEntry(h, nord.id());
        assertThat(doctorByFacility(planApi(SKANDERBORG, 40, true))).containsEntry(h, nord.id());

        // a round without the option: the Nordjylland doctor sees nothing and is no offer
        Rounds.Round without = rounds.open(skanderborg, SKANDERBORG, MatchMethod.WISH_LIST, null, null, List.of(h));
        try {
            assertThat(offers.near(nord.id()))
                    .extracting(Offers.NearOpening::facilityId)
                    .doesNotContain(h);
            wishes(REGION_NORD, nord.id(), h);
            assertThat(offers.toFacility(h)).extracting(Offers.Offer::doctorId).doesNotContain(nord.id());
            priorities(h, nord.id());
            assertThat(rounds.preview(skanderborg, without.id(), stable(SolverFacade.Proposing.DOCTORS))
                            .proposals())
                    .isEmpty();
        } finally {
            rounds.close(skanderborg, without.id(), plan(10.0, false), null);
        }
        assertThat(proposals.of(skanderborg, without.id()).proposals()).isEmpty();

        // a bad reach is a clear 400 naming the field
        assertThatThrownBy(() ->
                        rounds.open(skanderborg, SKANDERBORG, MatchMethod.WISH_LIST, null, null, List.of(h), 0.0, true))
                .isInstanceOfSatisfying(
                        dk.botilbudslaege.common.InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(dk.botilbudslaege.common.FieldProblem::field)
                                .containsExactly("reachKm"));

        // with the neighbouring regions within 20 km: the near one takes part, the far one does not
        Rounds.Round with =
                rounds.open(skanderborg, SKANDERBORG, MatchMethod.WISH_LIST, null, null, List.of(h), 20.0, true);
        try {
            assertThat(with.reachKm()).isEqualTo(20.0);
            assertThat(with.includeNeighbours()).isTrue();
            assertThat(offers.near(nord.id()))
                    .filteredOn(o -> o.facilityId() == h)
                    .singleElement()
                    .satisfies(o -> assertThat(o.distanceKm()).isEqualTo(8.0));
            assertThat(offers.near(nordFar.id()))
                    .extracting(Offers.NearOpening::facilityId)
                    .doesNotContain(h);
            assertThat(rounds.list(doctorUser(nord.id(), nord.practiceId(), "1081")))
                    .extracting(Rounds.Round::id)
                    .contains(with.id());
            assertThat(rounds.get(doctorUser(nord.id(), nord.practiceId(), "1081"), with.id())
                            .id())
                    .isEqualTo(with.id());

            wishes(REGION_NORD, nordFar.id(), h);
            priorities(h, nordFar.id(), nord.id());
            // the facility's offers: the neighbour region's doctor within reach, by name; not the far one
            assertThat(offers.toFacility(h)).extracting(Offers.Offer::doctorId).containsExactly(nord.id());
            Rounds.OutcomeView matched =
                    rounds.preview(skanderborg, with.id(), stable(SolverFacade.Proposing.FACILITIES));
            assertThat(doctorByFacility(matched)).containsEntry(h, nord.id());
            assertThat(doctorByFacility(rounds.preview(skanderborg, with.id(), plan(10.0, false))))
                    .containsEntry(h, nord.id());
        } finally {
            rounds.close(skanderborg, with.id(), stable(SolverFacade.Proposing.DOCTORS), null);
        }
        Rounds.ProposalRow proposal =
                proposals.of(skanderborg, with.id()).proposals().get(0);
        assertThat(proposal.doctorId()).isEqualTo(nord.id());
        assertThat(proposal.distanceKm()).isEqualTo(8.0);
        // R1-R3 hold across regions: the doctor now has a proposal; the municipality may decline it
        proposals.decline(skanderborg, proposal.id());
    }
}
