package dk.botilbudslaege.registry;

import static dk.botilbudslaege.registry.RegistryFixtures.AARHUS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS;
import static dk.botilbudslaege.registry.RegistryFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.registry.RegistryFixtures.REGION_MIDT;
import static dk.botilbudslaege.registry.RegistryFixtures.createDoctor;
import static dk.botilbudslaege.registry.RegistryFixtures.createFacility;
import static dk.botilbudslaege.registry.RegistryFixtures.createPractice;
import static dk.botilbudslaege.registry.RegistryFixtures.doctor;
import static dk.botilbudslaege.registry.RegistryFixtures.encode;
import static dk.botilbudslaege.registry.RegistryFixtures.facility;
import static dk.botilbudslaege.registry.RegistryFixtures.practice;
import static dk.botilbudslaege.registry.RegistryFixtures.providerNumber;
import static dk.botilbudslaege.registry.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Lists are page objects {@code {content, page, size, totalElements}} (API.md) and their filters
 * narrow the list: legal basis, operator, municipality, clinic type, practice, nursing-home doctor,
 * and {@code q}, a case-insensitive search. Each test tags its own rows with a unique word and
 * searches for it, so rows of other tests never change the counts.
 */
@IntegrationTest
class PagingAndFilterApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
    }

    private JsonNode list(String path) {
        Api.Response answer = api.as(REGION_MIDT).get(path);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.path("content").forEach(row -> values.add(row.path(field).asString()));
        return values;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("content").forEach(row -> ids.add(row.path("id").asLong()));
        return ids;
    }

    /** A word no row has yet, to tag this test's rows with. */
    private static String tag() {
        return "Tag" + unique("").trim();
    }

    // ---- The page object -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/facilities", "/api/v1/practices", "/api/v1/doctors"})
    void a_list_is_a_page_object_with_content_page_size_and_total(String path) {
        JsonNode page = list(path);

        assertThat(page.propertyNames()).contains("content", "page", "size", "totalElements");
        assertThat(page.path("content").isArray()).isTrue();
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(50);
        assertThat(page.path("content").size()).isLessThanOrEqualTo(50);
        assertThat(page.path("totalElements").asLong())
                .isGreaterThanOrEqualTo(page.path("content").size());
    }

    @Test
    void pages_split_a_filtered_list_without_overlap_in_name_order() {
        String tag = tag();
        for (String name : List.of("Cedertræet", "Asketræet", "Bøgetræet")) {
            createFacility(api, REGION_MIDT, facility(name + " " + tag, NORDDJURS_CODE, "MUNICIPAL"));
        }

        JsonNode first = list("/api/v1/facilities?q=" + tag + "&size=2");
        JsonNode second = list("/api/v1/facilities?q=" + tag + "&size=2&page=1");
        JsonNode beyond = list("/api/v1/facilities?q=" + tag + "&size=2&page=7");

        assertThat(first.path("totalElements").asLong()).isEqualTo(3);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(values(first, "name")).containsExactly("Asketræet " + tag, "Bøgetræet " + tag);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("totalElements").asLong()).isEqualTo(3);
        assertThat(values(second, "name")).containsExactly("Cedertræet " + tag);
        assertThat(beyond.path("content")).isEmpty();
        assertThat(beyond.path("totalElements").asLong()).isEqualTo(3);
    }

    @Test
    void the_largest_page_is_2000_rows() {
        JsonNode page = list("/api/v1/facilities?size=2000");

        assertThat(page.path("size").asInt()).isEqualTo(2000);
        assertThat(page.path("content").size())
                .isEqualTo((int) Math.min(2000, page.path("totalElements").asLong()));
    }

    // ---- Facility filters ------------------------------------------------------------------------

    @Test
    void the_search_is_case_insensitive_and_looks_in_name_and_address() {
        String tag = tag();
        long byName = createFacility(api, REGION_MIDT, facility("Solsikkehuset " + tag, NORDDJURS_CODE, "MUNICIPAL"));
        Map<String, Object> other = facility(unique("Stedet"), NORDDJURS_CODE, "MUNICIPAL");
        other.put("address", "Solsikkevej 9 " + tag + ", 8500 Grenaa");
        long byAddress = createFacility(api, REGION_MIDT, other);

        for (String q : List.of(tag, tag.toUpperCase(), tag.toLowerCase(), "  " + tag + "  ")) {
            assertThat(ids(list("/api/v1/facilities?q=" + encode(q))))
                    .as(q)
                    .containsExactlyInAnyOrder(byName, byAddress);
        }
        assertThat(ids(list("/api/v1/facilities?q=" + encode("SOLSIKKEHUSET " + tag.toLowerCase()))))
                .containsExactly(byName);
        assertThat(ids(list("/api/v1/facilities?q=" + encode("solsikkevej 9 " + tag))))
                .containsExactly(byAddress);
    }

    @Test
    void the_search_finds_danish_letters_whatever_their_case() {
        String tag = tag();
        long id = createFacility(api, REGION_MIDT, facility("Æblehøjen Ålykke " + tag, NORDDJURS_CODE, "MUNICIPAL"));

        assertThat(ids(list("/api/v1/facilities?q=" + encode("æblehøjen ålykke " + tag))))
                .containsExactly(id);
        assertThat(ids(list("/api/v1/facilities?q=" + encode("ÆBLEHØJEN")))).contains(id);
    }

    @Test
    void the_legal_basis_filter_keeps_only_that_legal_basis() {
        String tag = tag();
        Map<String, Object> temporary = facility("Midlertidig " + tag, NORDDJURS_CODE, "MUNICIPAL");
        temporary.put("legalBasis", "SEL_107");
        long sel107 = createFacility(api, REGION_MIDT, temporary);
        long sel108 = createFacility(api, REGION_MIDT, facility("Længerevarende " + tag, NORDDJURS_CODE, "MUNICIPAL"));

        JsonNode all107 = list("/api/v1/facilities?size=2000&legalBasis=SEL_107");
        JsonNode tagged108 = list("/api/v1/facilities?legalBasis=SEL_108&q=" + tag);

        assertThat(values(all107, "legalBasis")).containsOnly("SEL_107");
        assertThat(ids(all107)).contains(sel107).doesNotContain(sel108);
        assertThat(ids(tagged108)).containsExactly(sel108);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + sel107)
                        .json()
                        .path("inScope")
                        .asBoolean())
                .as("SEL § 107 is not in scope yet")
                .isFalse();
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/facilities/" + sel108)
                        .json()
                        .path("inScope")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void the_operator_filter_keeps_only_that_operator() {
        String tag = tag();
        Map<String, Object> body = facility("Privat " + tag, NORDDJURS_CODE, "PRIVATE");
        body.put("privateOwnership", "SELF_OWNING");
        long privately = createFacility(api, REGION_MIDT, body);
        long municipal = createFacility(api, REGION_MIDT, facility("Kommunal " + tag, NORDDJURS_CODE, "MUNICIPAL"));
        long regional = createFacility(api, REGION_MIDT, facility("Regional " + tag, NORDDJURS_CODE, "REGIONAL"));

        JsonNode allPrivate = list("/api/v1/facilities?size=2000&operator=PRIVATE");

        assertThat(values(allPrivate, "operator")).containsOnly("PRIVATE");
        assertThat(ids(allPrivate)).contains(privately).doesNotContain(municipal, regional);
        assertThat(ids(list("/api/v1/facilities?operator=REGIONAL&q=" + tag))).containsExactly(regional);
        assertThat(ids(list("/api/v1/facilities?operator=MUNICIPAL&q=" + tag))).containsExactly(municipal);
    }

    @Test
    void the_municipality_filter_keeps_only_that_municipality() {
        String tag = tag();
        long norddjurs = createFacility(api, REGION_MIDT, facility("Djurs " + tag, NORDDJURS_CODE, "MUNICIPAL"));
        long aarhus = createFacility(api, REGION_MIDT, facility("Aarhus " + tag, AARHUS_CODE, "MUNICIPAL"));

        JsonNode all707 = list("/api/v1/facilities?size=2000&municipalityCode=" + NORDDJURS_CODE);

        assertThat(values(all707, "municipalityCode")).containsOnly(NORDDJURS_CODE);
        assertThat(values(all707, "name")).contains("Skovstjernen", "Åparken");
        assertThat(ids(all707)).contains(norddjurs).doesNotContain(aarhus);
        assertThat(ids(list("/api/v1/facilities?municipalityCode=" + AARHUS_CODE + "&q=" + tag)))
                .containsExactly(aarhus);
    }

    @Test
    void filters_combine() {
        String tag = tag();
        Map<String, Object> match = facility("Match " + tag, NORDDJURS_CODE, "REGIONAL");
        match.put("legalBasis", "ABL_105");
        long id = createFacility(api, REGION_MIDT, match);
        createFacility(api, REGION_MIDT, facility("Forkert lovgrundlag " + tag, NORDDJURS_CODE, "REGIONAL"));
        Map<String, Object> wrongPlace = facility("Forkert kommune " + tag, AARHUS_CODE, "REGIONAL");
        wrongPlace.put("legalBasis", "ABL_105");
        createFacility(api, REGION_MIDT, wrongPlace);

        JsonNode page = list(
                "/api/v1/facilities?municipalityCode=707&legalBasis=ABL_105&operator=REGIONAL&q=" + tag.toLowerCase());

        assertThat(ids(page)).containsExactly(id);
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void filters_never_widen_the_callers_scope() {
        String tag = tag();
        createFacility(api, REGION_MIDT, facility("Aarhus skjult " + tag, AARHUS_CODE, "MUNICIPAL"));

        Api.Response answer = api.as(NORDDJURS).get("/api/v1/facilities?municipalityCode=" + AARHUS_CODE + "&q=" + tag);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("totalElements").asLong()).isZero();
    }

    // ---- Practice and doctor filters -------------------------------------------------------------

    @Test
    void practices_filter_on_clinic_type_municipality_and_search() {
        String tag = tag();
        String number = providerNumber();
        Map<String, Object> tender = practice(number, "Udbudsklinikken " + tag, NORDDJURS_CODE);
        tender.put("clinicType", "TENDER");
        long tenderId = createPractice(api, REGION_MIDT, tender);
        long ordinary = createPractice(api, REGION_MIDT, practice(providerNumber(), "Almindelig " + tag, AARHUS_CODE));

        JsonNode allTender = list("/api/v1/practices?size=2000&clinicType=TENDER");

        assertThat(values(allTender, "clinicType")).containsOnly("TENDER");
        assertThat(ids(allTender)).contains(tenderId).doesNotContain(ordinary);
        assertThat(ids(list("/api/v1/practices?q=" + tag.toUpperCase()))).containsExactlyInAnyOrder(tenderId, ordinary);
        assertThat(ids(list("/api/v1/practices?q=" + number))).containsExactly(tenderId);
        assertThat(ids(list("/api/v1/practices?municipalityCode=" + AARHUS_CODE + "&q=" + tag)))
                .containsExactly(ordinary);
        assertThat(values(list("/api/v1/practices?size=2000&municipalityCode=" + NORDDJURS_CODE), "municipalityCode"))
                .containsOnly(NORDDJURS_CODE);
    }

    @Test
    void doctors_filter_on_practice_nursing_home_role_and_search() {
        String tag = tag();
        long practice =
                createPractice(api, REGION_MIDT, practice(providerNumber(), "Lægehuset " + tag, NORDDJURS_CODE));
        long plain = createDoctor(api, REGION_MIDT, doctor(practice, "Karen Kirkegaard"));
        Map<String, Object> nursing = doctor(practice, "Ole Oddershede");
        nursing.put("nursingHomeDoctor", true);
        long nursingHome = createDoctor(api, REGION_MIDT, nursing);

        assertThat(ids(list("/api/v1/doctors?practiceId=" + practice))).containsExactly(plain, nursingHome);
        assertThat(ids(list("/api/v1/doctors?practiceId=" + practice + "&nursingHomeDoctor=true")))
                .containsExactly(nursingHome);
        assertThat(ids(list("/api/v1/doctors?practiceId=" + practice + "&nursingHomeDoctor=false")))
                .containsExactly(plain);
        assertThat(ids(list("/api/v1/doctors?q=" + tag.toLowerCase())))
                .as("by practice name")
                .containsExactlyInAnyOrder(plain, nursingHome);
        assertThat(ids(list("/api/v1/doctors?practiceId=" + practice + "&q=KAREN")))
                .containsExactly(plain);
        JsonNode nursingHomeDoctors = list("/api/v1/doctors?size=2000&nursingHomeDoctor=true");
        nursingHomeDoctors
                .path("content")
                .forEach(row ->
                        assertThat(row.path("nursingHomeDoctor").asBoolean()).isTrue());
    }
}
