package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.agreement.MatchMethod;
import dk.botilbudslaege.common.ConcurrentChangeException;
import dk.botilbudslaege.common.ConflictException;
import dk.botilbudslaege.common.FieldProblem;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidInputException;
import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.matching.solver.Haversine;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.web.DanishTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Matching rounds (SPEC §6 M1-M5) through the {@link Rounds} service with users built in the test, and
 * the lists and agreements they touch through the API: a municipality or its region opens one round at
 * a time per area, the doctors of the area see its openings, closing stores the outcome as proposals and
 * makes the lists of its openings final, and a person confirms each proposal into a draft agreement or
 * declines it.
 *
 * <p>Rounds are one open per area in a database every test shares, so each test here has a municipality
 * of Region Nordjylland of its own, where the demo data has nothing and no other test opens rounds, and
 * closes its round before it ends. Nothing here makes an agreement active in Region Nordjylland (other
 * tests count its coverage as zero): confirming a proposal makes a draft. Norddjurs (707) is left alone.
 */
@IntegrationTest
class MatchingRoundsTest {

    static final String NORDJYLLAND = "1081";
    static final String REGION_NORD = "region-nord";
    static final LocalDate START = LocalDate.of(2027, 1, 1);

    static final CurrentUser REGION_NORD_USER =
            new CurrentUser("region-nord", "Region Nordjylland", Role.REGION, NORDJYLLAND, null, null, null, null);
    static final CurrentUser REGION_MIDT_USER =
            new CurrentUser("region-midt", "Region Midtjylland", Role.REGION, "1082", null, null, null, null);
    static final CurrentUser NATIONAL_USER =
            new CurrentUser("national", "National læser", Role.NATIONAL, null, null, null, null, null);

    @Autowired
    WebApplicationContext context;

    @Autowired
    Rounds rounds;

    @Autowired
    Offers offers;

    @Autowired
    Proposals roundProposals;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
    }

    // ---- users and rows of the test's own -----------------------------------------------------------

    static CurrentUser municipality(String code, String regionCode) {
        return new CurrentUser(
                "test-kommune-" + code, "Kommune " + code, Role.MUNICIPALITY, regionCode, code, null, null, null);
    }

    static CurrentUser municipality(String code) {
        return municipality(code, NORDJYLLAND);
    }

    static CurrentUser doctorUser(long doctorId, long practiceId) {
        return new CurrentUser("laege-" + doctorId, "Læge", Role.DOCTOR, NORDJYLLAND, null, null, doctorId, practiceId);
    }

    static CurrentUser facilityUser(long facilityId, String municipalityCode) {
        return new CurrentUser(
                "botilbud-" + facilityId,
                "Kontaktperson",
                Role.FACILITY,
                NORDJYLLAND,
                municipalityCode,
                facilityId,
                null,
                null);
    }

    static double[] offset(double[] from, double north, double east) {
        return MatchingFixtures.offset(from, north, east);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    static double km(double[] a, double[] b) {
        return round(Haversine.km(a[0], a[1], b[0], b[1]), 1);
    }

    long facility(String municipalityCode, int residents, double[] at) {
        return facility(municipalityCode, residents, at, "SEL_108");
    }

    long facility(String municipalityCode, int residents, double[] at, String legalBasis) {
        return new MatchingFixtures(api).facility(REGION_NORD, municipalityCode, residents, at, legalBasis);
    }

    long practice(String municipalityCode, int capacity, double[] at) {
        return new MatchingFixtures(api).practice(REGION_NORD, municipalityCode, capacity, at);
    }

    long doctor(long practiceId) {
        return new MatchingFixtures(api).doctor(REGION_NORD, practiceId, false);
    }

    Api.Response putWishes(long doctorId, List<Long> facilityIds) {
        return api.as(REGION_NORD).put("/api/v1/doctors/" + doctorId + "/wishes", facilityIds);
    }

    Api.Response putPriorities(long facilityId, List<Long> doctorIds) {
        return api.as(REGION_NORD).put("/api/v1/facilities/" + facilityId + "/priorities", doctorIds);
    }

    void wishes(long doctorId, Long... facilityIds) {
        Api.Response answer = putWishes(doctorId, List.of(facilityIds));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    void priorities(long facilityId, Long... doctorIds) {
        Api.Response answer = putPriorities(facilityId, List.of(doctorIds));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static Rounds.Run stable(SolverFacade.Proposing proposing) {
        return new Rounds.Run(MatchMethod.STABLE_MATCHING, proposing, null, false, null);
    }

    static Rounds.Run plan(Double maxDistanceKm, boolean whatIf) {
        return new Rounds.Run(MatchMethod.COVERAGE_PLAN, null, maxDistanceKm, whatIf, null);
    }

    static LocalDate today() {
        return LocalDate.now(DanishTime.DENMARK);
    }

    static Map<Long, Rounds.ProposalRow> byFacility(Rounds.OutcomeView view) {
        return view.proposals().stream().collect(Collectors.toMap(Rounds.ProposalRow::facilityId, Function.identity()));
    }

    static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.problems()).extracting(FieldProblem::field).contains(field);
        });
    }

    static void assertConflict(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    JsonNode agreement(long id) {
        Api.Response answer = api.as(REGION_NORD).get("/api/v1/agreements/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    // ---- opening ------------------------------------------------------------------------------------

    @Test
    void only_the_municipality_or_its_region_opens_a_round_of_its_uncovered_facilities_and_one_at_a_time() {
        String thisted = "787";
        CurrentUser kommune = municipality(thisted);
        double[] town = {56.955, 8.695};
        long first = facility(thisted, 10, town);
        long second = facility(thisted, 6, offset(town, 1, 1));
        long outOfScope = facility(thisted, 6, offset(town, 2, 0), "SEL_107");
        long elsewhere = facility("773", 4, null);
        long practice = practice(thisted, 1, town);
        long doctor = doctor(practice);

        for (CurrentUser outsider : List.of(
                doctorUser(doctor, practice),
                facilityUser(first, thisted),
                NATIONAL_USER,
                REGION_MIDT_USER,
                municipality("773"))) {
            assertThatThrownBy(() -> rounds.open(outsider, thisted, MatchMethod.WISH_LIST, null, null, List.of(first)))
                    .as(outsider.username())
                    .isInstanceOf(ForbiddenException.class);
        }
        assertInvalid(() -> rounds.open(kommune, thisted, null, null, null, List.of(first)), "localMethod");
        assertInvalid(
                () -> rounds.open(kommune, thisted, MatchMethod.WISH_LIST, today().minusDays(1), null, List.of(first)),
                "closesOn");
        assertInvalid(
                () -> rounds.open(kommune, thisted, MatchMethod.WISH_LIST, null, "x".repeat(2001), List.of(first)),
                "note");
        // only the area's uncovered facilities in scope may be published
        assertInvalid(
                () -> rounds.open(kommune, thisted, MatchMethod.WISH_LIST, null, null, List.of(first, elsewhere)),
                "facilityIds");
        assertInvalid(
                () -> rounds.open(kommune, thisted, MatchMethod.WISH_LIST, null, null, List.of(outOfScope)),
                "facilityIds");
        assertInvalid(
                () -> rounds.open(kommune, thisted, MatchMethod.WISH_LIST, null, null, List.of(987_654_321L)),
                "facilityIds");
        assertThat(rounds.list(kommune)).noneMatch(Rounds.Round::open);

        Rounds.Round round =
                rounds.open(kommune, thisted, MatchMethod.WISH_LIST, today().plusDays(14), "  Frist  ", List.of(first));
        try {
            assertThat(round.open()).isTrue();
            assertThat(round.regionCode()).isEqualTo(NORDJYLLAND);
            assertThat(round.municipalityCode()).isEqualTo(thisted);
            assertThat(round.localMethod()).isEqualTo(MatchMethod.WISH_LIST);
            assertThat(round.note()).isEqualTo("Frist");
            assertThat(round.closesOn()).isEqualTo(today().plusDays(14));
            assertThat(round.openedBy()).isEqualTo("test-kommune-787");
            assertThat(round.openings()).isEqualTo(1);
            assertThat(rounds.openings(kommune, round.id()))
                    .extracting(Rounds.OpeningRow::facilityId)
                    .containsExactly(first);

            // one open round per area, whoever asks and whatever it would publish
            assertConflict(
                    () -> rounds.open(kommune, thisted, MatchMethod.PRIORITY_LIST, null, null, List.of(second)),
                    "ROUND_ALREADY_OPEN");
            assertConflict(
                    () -> rounds.open(REGION_NORD_USER, thisted, MatchMethod.OTHER, null, null, null),
                    "ROUND_ALREADY_OPEN");
        } finally {
            rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.DOCTORS), null);
        }
        assertThat(rounds.get(kommune, round.id()).open()).isFalse();

        // closed, the area may have a new round: the region opens one of all its uncovered facilities in scope
        Rounds.Round again = rounds.open(REGION_NORD_USER, thisted, MatchMethod.OTHER, null, null, List.of());
        try {
            assertThat(again.openedBy()).isEqualTo("region-nord");
            assertThat(rounds.openings(kommune, again.id()))
                    .extracting(Rounds.OpeningRow::facilityId)
                    .containsExactlyInAnyOrder(first, second);
        } finally {
            rounds.close(REGION_NORD_USER, again.id(), stable(SolverFacade.Proposing.FACILITIES), null);
        }
    }

    @Test
    void a_facility_with_an_agreement_in_force_is_no_opening() {
        // the demo agreements cover some facilities of Odder (727); the attempt fails, so no round is opened there
        CurrentUser odder = municipality("727", "1082");
        Long covered = jdbc.sql("""
                        select f.id from facility f where f.municipality_code = '727'
                           and exists (select 1 from agreement_coverage c where c.facility_id = f.id
                                          and c.period && daterange(current_date, null))
                         order by f.id limit 1
                        """).query(Long.class).single();
        assertThat(rounds.candidates(odder, "727"))
                .extracting(SolverFacade.Opening::id)
                .doesNotContain(covered);
        assertInvalid(() -> rounds.open(odder, "727", MatchMethod.OTHER, null, null, List.of(covered)), "facilityIds");
    }

    // ---- M1: the doctors of the area see the openings -----------------------------------------------

    @Test
    void the_doctors_of_the_area_see_the_openings_nearest_first_with_distance_and_their_own_rank() {
        String broenderslev = "810";
        CurrentUser kommune = municipality(broenderslev);
        double[] clinic = {57.27, 9.941};
        double[] nearAt = offset(clinic, 1.23, 0);
        double[] farAt = offset(clinic, 0, 3.41);
        long near = facility(broenderslev, 5, nearAt);
        long far = facility(broenderslev, 9, farAt);
        long unlocated = facility(broenderslev, 3, null);
        long unpublished = facility(broenderslev, 7, offset(clinic, 0.5, 0));
        long practice = practice(broenderslev, 2, clinic);
        long doctor = doctor(practice);
        long unlocatedDoctor = doctor(practice(broenderslev, 1, null));
        long outsidePractice = practice("773", 1, new double[] {56.792, 8.727});
        long outsideDoctor = doctor(outsidePractice);

        Rounds.Round round = rounds.open(
                kommune,
                broenderslev,
                MatchMethod.WISH_LIST,
                today().plusDays(10),
                null,
                List.of(near, far, unlocated));
        try {
            List<Offers.NearOpening> seen = offers.near(doctor);
            assertThat(seen).extracting(Offers.NearOpening::facilityId).containsExactly(near, far, unlocated);
            assertThat(seen)
                    .extracting(Offers.NearOpening::distanceKm)
                    .containsExactly(km(clinic, nearAt), km(clinic, farAt), null);
            assertThat(seen.get(0).distanceKm()).isEqualTo(1.2);
            assertThat(seen.get(1).distanceKm()).isEqualTo(3.4);
            assertThat(seen).allSatisfy(o -> {
                assertThat(o.roundId()).isEqualTo(round.id());
                assertThat(o.closesOn()).isEqualTo(today().plusDays(10));
                assertThat(o.municipalityName()).isEqualTo("Brønderslev");
                assertThat(o.wishRank()).isNull();
            });
            assertThat(seen.get(1).residents()).isEqualTo(9);
            assertThat(rounds.list(doctorUser(doctor, practice)))
                    .extracting(Rounds.Round::id)
                    .contains(round.id());

            // M2: the doctor ranks them; the facility ranks the doctor who offered
            wishes(doctor, far, near);
            priorities(far, doctor);
            List<Offers.NearOpening> ranked = offers.near(doctor);
            assertThat(ranked).extracting(Offers.NearOpening::wishRank).containsExactly(2, 1, null);
            assertThat(offers.toFacility(far)).singleElement().satisfies(offer -> {
                assertThat(offer.doctorId()).isEqualTo(doctor);
                assertThat(offer.doctorRank()).isEqualTo(1);
                assertThat(offer.priorityRank()).isEqualTo(1);
                assertThat(offer.distanceKm()).isEqualTo(3.4);
            });
            assertThat(offers.toFacility(near)).singleElement().satisfies(offer -> {
                assertThat(offer.doctorRank()).isEqualTo(2);
                assertThat(offer.priorityRank()).isNull();
            });

            // a practice without coordinates sees them without distances; a doctor elsewhere does not see them
            assertThat(offers.near(unlocatedDoctor))
                    .extracting(Offers.NearOpening::facilityId)
                    .containsExactlyInAnyOrder(near, far, unlocated);
            assertThat(offers.near(unlocatedDoctor))
                    .extracting(Offers.NearOpening::distanceKm)
                    .containsOnlyNulls();
            assertThat(offers.near(outsideDoctor))
                    .extracting(Offers.NearOpening::facilityId)
                    .doesNotContain(near, far, unlocated, unpublished);
            assertThat(rounds.list(doctorUser(outsideDoctor, outsidePractice)))
                    .extracting(Rounds.Round::id)
                    .doesNotContain(round.id());
        } finally {
            rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.DOCTORS), null);
        }
        // a closed round publishes nothing any more
        assertThat(offers.near(doctor))
                .extracting(Offers.NearOpening::facilityId)
                .doesNotContain(near, far, unlocated);
    }

    // ---- M3, M5: closing stores proposals; the lists of the openings are then final ------------------

    @Test
    void closing_a_stable_matching_round_stores_proposals_with_both_ranks_and_makes_the_lists_final() {
        String frederikshavn = "813";
        CurrentUser kommune = municipality(frederikshavn);
        double[] clinic = {57.441, 10.537};
        double[] oneAt = offset(clinic, 2.02, 0);
        double[] twoAt = offset(clinic, 0, -4.47);
        long one = facility(frederikshavn, 8, oneAt);
        long two = facility(frederikshavn, 8, twoAt);
        long later = facility(frederikshavn, 8, offset(clinic, 1, 1));
        long practice = practice(frederikshavn, 2, clinic);
        long d1 = doctor(practice);
        long d2 = doctor(practice);

        Rounds.Round round = rounds.open(kommune, frederikshavn, MatchMethod.WISH_LIST, null, null, List.of(one, two));
        try {
            wishes(d1, one, two);
            wishes(d2, one, two);
            priorities(one, d2, d1);
            priorities(two, d1, d2);

            // doctor-proposing: both ask for "one", which prefers d2; d1 then gets its second wish
            Rounds.OutcomeView preview = rounds.preview(kommune, round.id(), stable(SolverFacade.Proposing.DOCTORS));
            assertThat(preview.method()).isEqualTo("STABLE_MATCHING");
            assertThat(byFacility(preview).get(one).doctorId()).isEqualTo(d2);
            assertThat(byFacility(preview).get(two).doctorId()).isEqualTo(d1);
            assertThat(roundProposals.of(kommune, round.id()).proposals())
                    .as("a preview stores nothing")
                    .isEmpty();
            assertThat(rounds.get(kommune, round.id()).open()).isTrue();

            Rounds.Round closed =
                    rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.DOCTORS), round.version());
            assertThat(closed.open()).isFalse();
            assertThat(closed.status()).isEqualTo("CLOSED");
            assertThat(closed.outcomeMethod()).isEqualTo("STABLE_MATCHING");
            assertThat(closed.outcomeDetail()).isEqualTo("DOCTORS");
            assertThat(closed.closedBy()).isEqualTo("test-kommune-813");
            assertThat(closed.closedAt()).isNotNull();
            assertThat(closed.proposals()).isEqualTo(2);
        } finally {
            if (rounds.get(kommune, round.id()).open()) {
                rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.DOCTORS), null);
            }
        }

        Map<Long, Rounds.ProposalRow> proposals = byFacility(roundProposals.of(kommune, round.id()));
        assertThat(proposals).containsOnlyKeys(one, two);
        Rounds.ProposalRow forOne = proposals.get(one);
        assertThat(forOne.id()).isNotNull();
        assertThat(forOne.doctorId()).isEqualTo(d2);
        assertThat(forOne.doctorRank()).isEqualTo(1);
        assertThat(forOne.facilityRank()).isEqualTo(1);
        assertThat(forOne.distanceKm()).isEqualTo(km(clinic, oneAt)).isEqualTo(2.0);
        assertThat(forOne.status()).isEqualTo("PROPOSED");
        assertThat(forOne.agreementId()).isNull();
        Rounds.ProposalRow forTwo = proposals.get(two);
        assertThat(forTwo.doctorId()).isEqualTo(d1);
        assertThat(forTwo.doctorRank()).isEqualTo(2);
        assertThat(forTwo.facilityRank()).isEqualTo(1);
        assertThat(forTwo.distanceKm()).isEqualTo(km(clinic, twoAt)).isEqualTo(4.5);
        // a doctor sees only their own proposal
        assertThat(roundProposals.of(doctorUser(d1, practice), round.id()).proposals())
                .extracting(Rounds.ProposalRow::facilityId)
                .containsExactly(two);

        // the lists of the closed round's openings are final ...
        assertConflictAnswer(putWishes(d1, List.of(two)));
        assertConflictAnswer(putWishes(d2, List.of()));
        assertConflictAnswer(putPriorities(one, List.of(d1, d2)));
        assertConflictAnswer(putPriorities(two, List.of(d1, d2)));
        assertThat(api.as(REGION_NORD)
                        .get("/api/v1/doctors/" + d1 + "/wishes")
                        .json()
                        .toString())
                .isEqualTo("[" + one + "," + two + "]");
        // ... their order too: swapping the two final entries is refused
        assertConflictAnswer(putWishes(d1, List.of(two, one)));
        // ... but not the lists of other facilities, wherever they stand among the final ones
        wishes(d1, one, two, later);
        wishes(d1, later, one, two);
        wishes(d1, one, later, two);
        priorities(later, d1);
        // and the round is run once
        assertConflict(
                () -> rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.FACILITIES), null),
                "ROUND_CLOSED");
        assertConflict(
                () -> rounds.preview(kommune, round.id(), stable(SolverFacade.Proposing.FACILITIES)), "ROUND_CLOSED");
    }

    void assertConflictAnswer(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("ROUND_CLOSED");
    }

    @Test
    void a_person_confirms_a_proposal_into_a_draft_agreement_once_or_declines_it() {
        String rebild = "840";
        CurrentUser kommune = municipality(rebild);
        double[] clinic = {56.885, 9.837};
        long f1 = facility(rebild, 7, offset(clinic, 1, 0));
        long f2 = facility(rebild, 5, offset(clinic, -1, 0));
        long practice = practice(rebild, 2, clinic);
        long d1 = doctor(practice);
        long d2 = doctor(practice);
        Rounds.Round round = rounds.open(kommune, rebild, MatchMethod.PRIORITY_LIST, null, null, List.of(f1, f2));
        try {
            wishes(d1, f1);
            wishes(d2, f2);
            priorities(f1, d1);
            priorities(f2, d2);
        } finally {
            rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.FACILITIES), null);
        }
        assertThat(rounds.get(kommune, round.id()).outcomeDetail()).isEqualTo("FACILITIES");
        Map<Long, Rounds.ProposalRow> proposals = byFacility(roundProposals.of(kommune, round.id()));
        long p1 = proposals.get(f1).id();
        long p2 = proposals.get(f2).id();

        // only the municipality or the region of the round decides; a start date is needed and must be valid
        assertThatThrownBy(() -> roundProposals.accept(doctorUser(d1, practice), p1, START))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> roundProposals.accept(municipality("773"), p1, START))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> roundProposals.accept(REGION_MIDT_USER, p1, START))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> roundProposals.decline(municipality("773"), p2))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> roundProposals.accept(kommune, 987_654_321L, START))
                .isInstanceOf(NotFoundException.class);
        assertInvalid(() -> roundProposals.accept(kommune, p1, null), "startDate");
        assertInvalid(() -> roundProposals.accept(kommune, p1, LocalDate.of(2024, 12, 1)), "startDate");
        assertThat(byFacility(roundProposals.of(kommune, round.id())).get(f1).status())
                .isEqualTo("PROPOSED");

        long agreementId = roundProposals.accept(kommune, p1, START);
        JsonNode agreement = agreement(agreementId);
        assertThat(agreement.path("status").asString()).isEqualTo("DRAFT");
        assertThat(agreement.path("matchMethod").asString()).isEqualTo("STABLE_MATCHING");
        assertThat(agreement.path("doctorId").asLong()).isEqualTo(d1);
        assertThat(agreement.path("facilityIds").toString()).isEqualTo("[" + f1 + "]");
        assertThat(agreement.path("startDate").asString()).isEqualTo(START.toString());
        assertThat(agreement.path("createdBy").asString()).isEqualTo("test-kommune-840");

        assertConflict(() -> roundProposals.accept(kommune, p1, START), "PROPOSAL_DECIDED");
        assertConflict(() -> roundProposals.accept(REGION_NORD_USER, p1, START.plusMonths(1)), "PROPOSAL_DECIDED");
        assertConflict(() -> roundProposals.decline(kommune, p1), "PROPOSAL_DECIDED");

        roundProposals.decline(REGION_NORD_USER, p2);
        assertConflict(() -> roundProposals.accept(kommune, p2, START), "PROPOSAL_DECIDED");
        assertConflict(() -> roundProposals.decline(kommune, p2), "PROPOSAL_DECIDED");

        Map<Long, Rounds.ProposalRow> decided = byFacility(roundProposals.of(kommune, round.id()));
        assertThat(decided.get(f1).status()).isEqualTo("ACCEPTED");
        assertThat(decided.get(f1).agreementId()).isEqualTo(agreementId);
        assertThat(decided.get(f2).status()).isEqualTo("DECLINED");
        assertThat(decided.get(f2).agreementId()).isNull();
        // one agreement only: the declined proposal made none
        JsonNode forD2 =
                api.as(REGION_NORD).get("/api/v1/agreements?doctorId=" + d2).json();
        assertThat(forD2.path("totalElements").asLong()).isZero();
    }

    // ---- M4, M5: a coverage plan as the outcome ------------------------------------------------------

    @Test
    void closing_with_a_coverage_plan_proposes_the_plan_and_confirming_gives_coverage_plan_drafts() {
        String mariagerfjord = "846";
        CurrentUser kommune = municipality(mariagerfjord);
        double[] clinic = {56.643, 9.795};
        double[] largeAt = offset(clinic, 2.04, 0);
        long large = facility(mariagerfjord, 12, largeAt);
        long small = facility(mariagerfjord, 5, offset(clinic, 0, 1));
        long remote = facility(mariagerfjord, 30, offset(clinic, 20, 0));
        long unlocated = facility(mariagerfjord, 4, null);
        long practice = practice(mariagerfjord, 1, clinic);
        long doctor = doctor(practice);

        Rounds.Round round = rounds.open(
                kommune,
                mariagerfjord,
                MatchMethod.COVERAGE_PLAN,
                null,
                null,
                List.of(large, small, remote, unlocated));
        try {
            assertInvalid(() -> rounds.close(kommune, round.id(), plan(null, false), null), "maxDistanceKm");
            assertInvalid(() -> rounds.close(kommune, round.id(), plan(1001.0, false), null), "maxDistanceKm");
            assertInvalid(
                    () -> rounds.close(
                            kommune, round.id(), new Rounds.Run(MatchMethod.COVERAGE_PLAN, null, 10.0, true, 11), null),
                    "facilitiesPerDoctor");
            assertInvalid(
                    () -> rounds.close(
                            kommune,
                            round.id(),
                            new Rounds.Run(MatchMethod.STABLE_MATCHING, null, null, false, null),
                            null),
                    "proposing");
            assertInvalid(
                    () -> rounds.close(
                            kommune, round.id(), new Rounds.Run(MatchMethod.WISH_LIST, null, null, false, null), null),
                    "method");
            assertInvalid(() -> rounds.close(kommune, round.id(), null, null), "method");
            assertThatThrownBy(() -> rounds.close(kommune, round.id(), plan(10.0, false), round.version() + 1))
                    .isInstanceOf(ConcurrentChangeException.class);
            assertThat(rounds.get(kommune, round.id()).open())
                    .as("a refused close leaves the round open")
                    .isTrue();

            Rounds.OutcomeView preview = rounds.preview(kommune, round.id(), plan(10.0, true));
            assertThat(preview.method()).isEqualTo("COVERAGE_PLAN");
            assertThat(preview.plan().coveredFacilities()).isEqualTo(1);
            assertThat(preview.whatIfCovered()).isEqualTo(2);
            assertThat(preview.unmatched())
                    .extracting(Rounds.UnmatchedRow::facilityId)
                    .containsExactlyInAnyOrder(small, remote, unlocated);

            Rounds.Round closed = rounds.close(kommune, round.id(), plan(10.0, false), null);
            assertThat(closed.outcomeMethod()).isEqualTo("COVERAGE_PLAN");
            assertThat(closed.outcomeDetail()).isEqualTo("10");
            assertThat(closed.proposals()).isEqualTo(1);
        } finally {
            if (rounds.get(kommune, round.id()).open()) {
                rounds.close(kommune, round.id(), plan(10.0, false), null);
            }
        }

        Rounds.ProposalRow proposal =
                roundProposals.of(kommune, round.id()).proposals().get(0);
        assertThat(proposal.facilityId()).isEqualTo(large);
        assertThat(proposal.doctorId()).isEqualTo(doctor);
        assertThat(proposal.doctorRank()).isNull();
        assertThat(proposal.facilityRank()).isNull();
        assertThat(proposal.distanceKm()).isEqualTo(km(clinic, largeAt)).isEqualTo(2.0);

        long agreementId = roundProposals.accept(kommune, proposal.id(), START);
        JsonNode agreement = agreement(agreementId);
        assertThat(agreement.path("status").asString()).isEqualTo("DRAFT");
        assertThat(agreement.path("matchMethod").asString()).isEqualTo("COVERAGE_PLAN");
        assertThat(agreement.path("doctorId").asLong()).isEqualTo(doctor);
        assertThat(agreement.path("facilityIds").toString()).isEqualTo("[" + large + "]");
    }

    @Test
    void r7_a_proposal_for_a_facility_of_a_group_is_confirmed_for_the_whole_group_when_asked() {
        String vesthimmerland = "820";
        CurrentUser kommune = municipality(vesthimmerland);
        double[] clinic = {56.80, 9.37};
        long first = facility(vesthimmerland, 8, offset(clinic, 1, 0));
        long second = facility(vesthimmerland, 6, offset(clinic, 1, 0.1));
        long alone = facility(vesthimmerland, 5, offset(clinic, -1, 0));
        Api.Response group = api.as(REGION_NORD)
                .post(
                        "/api/v1/facility-groups",
                        Map.of(
                                "name",
                                "Samme adresse " + first,
                                "kind",
                                "SAME_ADDRESS",
                                "facilityIds",
                                List.of(first, second)));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        long d1 = doctor(practice(vesthimmerland, 2, clinic));
        long d2 = doctor(practice(vesthimmerland, 2, offset(clinic, 0, 2)));
        Rounds.Round round =
                rounds.open(kommune, vesthimmerland, MatchMethod.PRIORITY_LIST, null, null, List.of(first, alone));
        try {
            wishes(d1, first);
            wishes(d2, alone);
            priorities(first, d1);
            priorities(alone, d2);
        } finally {
            rounds.close(kommune, round.id(), stable(SolverFacade.Proposing.DOCTORS), null);
        }
        Map<Long, Rounds.ProposalRow> proposals = byFacility(roundProposals.of(kommune, round.id()));
        Rounds.ProposalRow forFirst = proposals.get(first);
        assertThat(forFirst.group()).isNotNull();
        assertThat(forFirst.group().facilities()).isEqualTo(2);
        assertThat(forFirst.group().residents()).isEqualTo(14);
        assertThat(proposals.get(alone).group()).isNull();

        JsonNode whole = agreement(roundProposals.accept(kommune, forFirst.id(), START, true));
        assertThat(whole.path("unitKind").asString()).isEqualTo("GROUP");
        assertThat(whole.path("facilityIds").toString()).contains(String.valueOf(first), String.valueOf(second));
        assertThat(whole.path("matchMethod").asString()).isEqualTo("STABLE_MATCHING");

        JsonNode single =
                agreement(roundProposals.accept(kommune, proposals.get(alone).id(), START, true));
        assertThat(single.path("unitKind").asString())
                .as("no group: the facility alone")
                .isEqualTo("FACILITY");
    }

    // ---- a round of the whole region -----------------------------------------------------------------

    @Test
    void a_proposal_of_a_region_round_for_a_municipal_facility_can_be_confirmed_by_someone() {
        String jammerbugt = "849";
        double[] clinic = {57.162, 9.73};
        long facility = facility(jammerbugt, 6, offset(clinic, 1, 0));
        long doctor = doctor(practice(jammerbugt, 1, clinic));
        // a round of the whole region, publishing only this test's facility
        Rounds.Round round = rounds.open(REGION_NORD_USER, null, MatchMethod.OTHER, null, null, List.of(facility));
        try {
            assertThat(round.municipalityCode()).isNull();
            wishes(doctor, facility);
            priorities(facility, doctor);
        } finally {
            rounds.close(REGION_NORD_USER, round.id(), stable(SolverFacade.Proposing.DOCTORS), null);
        }
        long proposal = roundProposals
                .of(REGION_NORD_USER, round.id())
                .proposals()
                .get(0)
                .id();

        // M5: a person confirms each proposal, which creates a draft agreement; the one who runs the round,
        // or else the municipality that files for the facility
        List<String> refusals = new ArrayList<>();
        Long agreementId = null;
        for (CurrentUser decider : List.of(REGION_NORD_USER, municipality(jammerbugt))) {
            try {
                agreementId = roundProposals.accept(decider, proposal, START);
                break;
            } catch (ForbiddenException | NotFoundException e) {
                refusals.add(decider.username() + ": " + e.getClass().getSimpleName());
            }
        }
        assertThat(agreementId)
                .as("no one may confirm the proposal: %s", refusals)
                .isNotNull();
        assertThat(agreement(agreementId).path("matchMethod").asString()).isEqualTo("STABLE_MATCHING");
    }
}
