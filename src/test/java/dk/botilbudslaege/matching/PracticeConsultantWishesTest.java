package dk.botilbudslaege.matching;

import static dk.botilbudslaege.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 item 14 (SPEC §6; seed 000: matching "gennem den kommunale praksiskonsulent"): the
 * municipality, through its practice consultant, keeps the wish list of a doctor whose practice lies in
 * the municipality, as the region can; not of a doctor elsewhere. Each entry shows who entered it and
 * when, on the doctor's list and on the facility's offers; moving an entry keeps who entered it.
 */
@IntegrationTest
class PracticeConsultantWishesTest {

    static final String NORDDJURS = "kommune-norddjurs";
    static final String NORDDJURS_NAME = "Norddjurs Kommune, Socialområdet";
    static final String REGION_MIDT = "region-midt";
    static final String REGION_MIDT_NAME = "Region Midtjylland, Sundhedsplanlægning";

    @LocalServerPort
    int port;

    @Autowired
    RankedLists lists;

    @Autowired
    Offers offers;

    Api api;
    MatchingFixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        fixtures = new MatchingFixtures(api);
    }

    long doctorIn(String municipalityCode) {
        return fixtures.doctor(REGION_MIDT, fixtures.practice(REGION_MIDT, municipalityCode, 1, null), false);
    }

    @Test
    void the_municipality_keeps_the_wish_list_of_a_doctor_practising_there_and_each_entry_shows_who_entered_it() {
        long first = fixtures.facility(REGION_MIDT, "707", 9, null, "SEL_108");
        long second = fixtures.facility(REGION_MIDT, "707", 11, null, "SEL_108");
        long doctor = doctorIn("707");

        Api.Response put = api.as(NORDDJURS).put("/api/v1/doctors/" + doctor + "/wishes", List.of(first));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(api.as(NORDDJURS)
                        .get("/api/v1/doctors/" + doctor + "/wishes")
                        .json()
                        .toString())
                .isEqualTo("[" + first + "]");
        // the region adds one; the doctor then moves it first: each entry keeps who entered it
        assertThat(api.as(REGION_MIDT)
                        .put("/api/v1/doctors/" + doctor + "/wishes", List.of(first, second))
                        .status())
                .isEqualTo(200);
        CurrentUser self = new CurrentUser("laege-x", "Læge", Role.DOCTOR, "1082", null, null, doctor, null);
        lists.replaceWishes(self, doctor, List.of(second, first));

        List<RankedLists.Wish> entries = lists.wishEntries(self, doctor);
        assertThat(entries).extracting(RankedLists.Wish::facilityId).containsExactly(second, first);
        assertThat(entries).extracting(RankedLists.Wish::enteredBy).containsExactly(REGION_MIDT_NAME, NORDDJURS_NAME);
        assertThat(entries).allSatisfy(w -> assertThat(w.enteredAt()).isNotNull());
        // removed and added again by the doctor: now the doctor's own entry
        lists.replaceWishes(self, doctor, List.of(second));
        lists.replaceWishes(self, doctor, List.of(second, first));
        assertThat(lists.wishEntries(self, doctor))
                .extracting(RankedLists.Wish::enteredBy)
                .containsExactly(REGION_MIDT_NAME, "laege-x");
        api.as(NORDDJURS).put("/api/v1/doctors/" + doctor + "/wishes", List.of(first, second));
        assertThat(lists.wishEntries(self, doctor))
                .extracting(RankedLists.Wish::enteredBy)
                .containsExactly("laege-x", REGION_MIDT_NAME);

        // the list on the page (the doctor's page as the municipality sees it) and on the facility's offers
        String page = WebSession.signIn(port, NORDDJURS)
                .get("/matching/wishes?doctorId=" + doctor)
                .body();
        assertThat(page).contains("Indtastet af " + REGION_MIDT_NAME);
        assertThat(offers.toFacility(second))
                .singleElement()
                .satisfies(o -> assertThat(o.enteredBy()).isEqualTo(REGION_MIDT_NAME));
        String offersPage = WebSession.signIn(port, NORDDJURS)
                .get("/matching/priorities?facilityId=" + second)
                .body();
        assertThat(offersPage).contains(REGION_MIDT_NAME);
        // the rounds page lists the municipality's doctors whose lists it keeps
        assertThat(WebSession.signIn(port, NORDDJURS).get("/matching").body())
                .contains("/matching/wishes?doctorId=" + doctor);
    }

    @Test
    void the_municipality_may_not_keep_the_wish_list_of_a_doctor_practising_elsewhere() {
        long facility = fixtures.facility(REGION_MIDT, "707", 9, null, "SEL_108");
        long syddjurs = doctorIn("706");
        long nord = fixtures.doctor("region-nord", fixtures.practice("region-nord", "851", 1, null), false);

        for (long doctor : List.of(syddjurs, nord)) {
            assertProblem(
                    api.as(NORDDJURS).put("/api/v1/doctors/" + doctor + "/wishes", List.of(facility)),
                    403,
                    "FORBIDDEN");
            assertProblem(api.as(NORDDJURS).get("/api/v1/doctors/" + doctor + "/wishes"), 403, "FORBIDDEN");
            assertThat(WebSession.signIn(port, NORDDJURS)
                            .get("/matching/wishes?doctorId=" + doctor)
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/doctors/" + syddjurs + "/wishes")
                        .json()
                        .toString())
                .isEqualTo("[]");
        // another municipality's consultant may not keep a Norddjurs doctor's list either
        long norddjurs = doctorIn("707");
        assertProblem(
                api.as("kommune-aarhus").put("/api/v1/doctors/" + norddjurs + "/wishes", List.of(facility)),
                403,
                "FORBIDDEN");
    }
}
