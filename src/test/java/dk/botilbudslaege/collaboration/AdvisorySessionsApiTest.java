package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.AARHUS;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.ADMIN;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.DEMO_DOCTOR;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.NATIONAL;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.NORDDJURS;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.REGION_MIDT;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.REGION_NORD;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.SKOVSTJERNEN;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.created;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.errorMessage;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.session;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.Problems;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 items 2, 3 and 6: who may log, read and decide advisory sessions and read hours, the bad input
 * refused on its field (nothing saved), and the hours of an agreement and of its municipality and region.
 */
@IntegrationTest
class AdvisorySessionsApiTest extends AdvisorySessionTestBase {

    @Test
    void only_the_doctor_of_the_agreement_logs_a_session() {
        Api.Response answer = doctor.post(sessions(), session(LocalDate.of(2025, 9, 10), 90));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("status").asString()).isEqualTo("LOGGED");
        assertThat(answer.json().path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(answer.json().path("kind").asString()).isEqualTo("TEACHING");

        for (Api other : new Api[] {contact, api.as(NORDDJURS), api.as(REGION_MIDT)}) {
            assertThat(other.post(sessions(), session(LocalDate.of(2025, 9, 11), 60))
                            .status())
                    .isEqualTo(403);
        }
        for (String outsider : new String[] {AARHUS, REGION_NORD, DEMO_DOCTOR, SKOVSTJERNEN}) {
            assertThat(api.as(outsider)
                            .post(sessions(), session(LocalDate.of(2025, 9, 11), 60))
                            .status())
                    .isIn(403, 404);
        }
        Problems.assertProblem(
                api.as(NATIONAL).post(sessions(), session(LocalDate.of(2025, 9, 11), 60)), 403, "FORBIDDEN");
        Problems.assertProblem(
                api.as(ADMIN).post(sessions(), session(LocalDate.of(2025, 9, 11), 60)), 403, "FORBIDDEN");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void the_parties_the_municipality_and_the_region_read_the_sessions_and_no_one_else() {
        logged(LocalDate.of(2025, 9, 10), 60);
        for (Api reader : new Api[] {doctor, contact, api.as(NORDDJURS), api.as(REGION_MIDT)}) {
            Api.Response read = reader.get(sessions());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().size()).isEqualTo(1);
            assertThat(reader.get("/api/v1/agreements/" + agreement + "/hours").status())
                    .isEqualTo(200);
        }
        for (String outsider : new String[] {AARHUS, REGION_NORD, DEMO_DOCTOR, SKOVSTJERNEN}) {
            assertThat(api.as(outsider).get(sessions()).status()).as(outsider).isIn(403, 404);
            assertThat(api.as(outsider)
                            .get("/api/v1/agreements/" + agreement + "/hours")
                            .status())
                    .as(outsider)
                    .isIn(403, 404);
        }
        Problems.assertProblem(api.as(NATIONAL).get(sessions()), 403, "FORBIDDEN");
        Problems.assertProblem(api.as(NATIONAL).get("/api/v1/agreements/" + agreement + "/hours"), 403, "FORBIDDEN");
        assertThat(api.anonymous().get(sessions()).status()).isEqualTo(401);
    }

    @Test
    void the_facility_side_confirms_or_questions_and_may_change_its_decision() {
        long id = logged(LocalDate.of(2025, 9, 10), 60);
        String path = sessions() + "/" + id;
        for (Api other : new Api[] {doctor, api.as(REGION_MIDT)}) {
            assertThat(other.patch(path, Map.of("status", "CONFIRMED")).status())
                    .isEqualTo(403);
        }
        for (String outsider : new String[] {AARHUS, REGION_NORD, DEMO_DOCTOR, SKOVSTJERNEN}) {
            assertThat(api.as(outsider)
                            .patch(path, Map.of("status", "CONFIRMED"))
                            .status())
                    .isIn(403, 404);
        }
        Problems.assertProblem(api.as(NATIONAL).patch(path, Map.of("status", "CONFIRMED")), 403, "FORBIDDEN");

        Api.Response confirmed = contact.patch(path, Map.of("status", "CONFIRMED"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");

        Api.Response noComment = api.as(NORDDJURS).patch(path, Map.of("status", "QUESTIONED"));
        Problems.assertProblem(noComment, 400, "VALIDATION_FAILED");
        assertThat(errorMessage(noComment, "comment")).isEqualTo("Kommentar skal udfyldes, når sessionen anfægtes.");

        Api.Response questioned =
                api.as(NORDDJURS).patch(path, Map.of("status", "QUESTIONED", "comment", "Mødet blev aflyst"));
        assertThat(questioned.status()).as(questioned.body()).isEqualTo(200);
        assertThat(questioned.json().path("status").asString()).isEqualTo("QUESTIONED");
        assertThat(questioned.json().path("comment").asString()).isEqualTo("Mødet blev aflyst");

        Api.Response back = contact.patch(path, Map.of("status", "LOGGED"));
        assertThat(errorMessage(back, "status")).contains("bekræftet");
        Api.Response cpr = contact.patch(path, Map.of("status", "QUESTIONED", "comment", "Gælder 010203-1234"));
        assertThat(errorMessage(cpr, "comment")).contains("CPR-nummer");
        assertThat(contact.patch(sessions() + "/999999999", Map.of("status", "CONFIRMED"))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where entity_type = 'ADVISORY_SESSION' and entity_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void bad_input_is_refused_on_its_field_and_nothing_is_saved() {
        Map<String, String> expected = Map.of(
                "durationMinutes", "Varighed (minutter) skal være mindst 1.",
                "date", "Dato ligger før aftalens start (2025-07-01).");
        Map<String, Object> body = session(LocalDate.of(2025, 6, 30), -30);
        Api.Response answer = doctor.post(sessions(), body);
        Problems.assertProblem(answer, 400, "VALIDATION_FAILED");
        expected.forEach(
                (field, message) -> assertThat(errorMessage(answer, field)).isEqualTo(message));

        assertThat(errorMessage(doctor.post(sessions(), session(LocalDate.of(2025, 9, 1), 0)), "durationMinutes"))
                .isEqualTo("Varighed (minutter) skal være mindst 1.");
        assertThat(errorMessage(doctor.post(sessions(), session(LocalDate.of(2025, 9, 1), 1441)), "durationMinutes"))
                .isEqualTo("Varighed (minutter) må højst være 1440 (et døgn).");
        assertThat(errorMessage(doctor.post(sessions(), session(LocalDate.now().plusDays(2), 60)), "date"))
                .isEqualTo("Dato kan ikke ligge i fremtiden.");

        Map<String, Object> unknown = session(LocalDate.of(2025, 9, 1), 60);
        unknown.put("kind", "LUNCH");
        unknown.put("format", "PHONE");
        Api.Response enums = doctor.post(sessions(), unknown);
        Problems.assertProblem(enums, 400, "VALIDATION_FAILED");
        assertThat(enums.body()).contains("\"kind\"", "\"format\"");

        Map<String, Object> cpr = session(LocalDate.of(2025, 9, 1), 60);
        cpr.put("notes", "Gennemgang af 0102031234s medicin");
        cpr.put("topic", "Beboeren Hans og hans KOL");
        Api.Response person = doctor.post(sessions(), cpr);
        assertThat(errorMessage(person, "notes")).startsWith("Må ikke indeholde et CPR-nummer");
        assertThat(errorMessage(person, "topic")).startsWith("Må ikke nævne en person ved navn");
        Map<String, Object> named = session(LocalDate.of(2025, 9, 1), 60);
        named.put("notes", "Talte med Hans Jensen om hans medicin");
        assertThat(errorMessage(doctor.post(sessions(), named), "notes"))
                .startsWith("Må ikke nævne en person ved navn");

        Map<String, Object> empty = Map.of();
        Api.Response nothing = doctor.post(sessions(), empty);
        for (String field : new String[] {"date", "durationMinutes", "kind", "format", "topic"}) {
            assertThat(errorMessage(nothing, field)).isNotBlank();
        }
        assertThat(count()).isZero();
    }

    @Test
    void hours_count_the_session_minutes_confirmed_against_the_agreed_hours() {
        // 90 minutes of session prepared for an hour: only the 90 minutes are entered, 1,5 hours
        long september = logged(LocalDate.of(2025, 9, 10), 90);
        // October: three hours against the agreed 2
        long oct1 = logged(LocalDate.of(2025, 10, 2), 120);
        long oct2 = logged(LocalDate.of(2025, 10, 20), 60);
        // November: logged but questioned
        long november = logged(LocalDate.of(2025, 11, 5), 120);
        for (long id : new long[] {september, oct1, oct2}) {
            assertThat(contact.patch(sessions() + "/" + id, Map.of("status", "CONFIRMED"))
                            .status())
                    .isEqualTo(200);
        }
        contact.patch(sessions() + "/" + november, Map.of("status", "QUESTIONED", "comment", "Ikke afholdt"));

        JsonNode hours = contact.get("/api/v1/agreements/" + agreement + "/hours?from=2025-09&to=2025-11")
                .json();
        assertThat(hours.path("from").asString()).isEqualTo("2025-09");
        assertThat(hours.path("agreedHoursPerMonth").decimalValue()).isEqualByComparingTo("2");
        assertThat(hours.path("loggedHours").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(hours.path("confirmedHours").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(hours.path("averageConfirmedPerMonth").decimalValue()).isEqualByComparingTo("1.5");
        JsonNode months = hours.path("months");
        assertThat(months.size()).isEqualTo(3);
        assertThat(months.get(0).path("confirmedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(months.get(0).path("shortfall").asBoolean()).isTrue();
        assertThat(months.get(1).path("confirmedHours").decimalValue()).isEqualByComparingTo("3");
        assertThat(months.get(1).path("shortfall").asBoolean()).isFalse();
        assertThat(months.get(2).path("loggedHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(months.get(2).path("confirmedHours").decimalValue()).isEqualByComparingTo("0");

        Api.Response backwards = contact.get("/api/v1/agreements/" + agreement + "/hours?from=2025-11&to=2025-09");
        assertThat(errorMessage(backwards, "to")).isEqualTo("Til-måned ligger før fra-måned.");
        assertThat(contact.get("/api/v1/agreements/" + agreement + "/hours?from=2025-13")
                        .status())
                .isEqualTo(400);
        assertThat(YearMonth.now()).isNotNull();
    }

    @Test
    void the_overview_is_for_the_municipality_and_its_region() {
        Api.Response norddjurs = api.as(NORDDJURS).get("/api/v1/hours?level=MUNICIPALITY&code=707");
        assertThat(norddjurs.status()).as(norddjurs.body()).isEqualTo(200);
        assertThat(norddjurs.json().path("rows").toString()).contains("\"agreementId\":" + agreement);
        Api.Response region = api.as(REGION_MIDT).get("/api/v1/hours?level=REGION&code=1082");
        assertThat(region.status()).isEqualTo(200);
        assertThat(region.json().path("rows").toString()).contains("\"agreementId\":" + agreement);
        assertThat(api.as(REGION_MIDT)
                        .get("/api/v1/hours?level=MUNICIPALITY&code=707")
                        .status())
                .isEqualTo(200);
        assertThat(api.as(NORDDJURS).get("/api/v1/hours").json().path("code").asString())
                .isEqualTo("707");

        assertThat(api.as(AARHUS)
                        .get("/api/v1/hours?level=MUNICIPALITY&code=707")
                        .status())
                .isEqualTo(403);
        assertThat(api.as(NORDDJURS).get("/api/v1/hours?level=REGION&code=1082").status())
                .isEqualTo(403);
        assertThat(api.as(REGION_NORD)
                        .get("/api/v1/hours?level=MUNICIPALITY&code=707")
                        .status())
                .isEqualTo(403);
        assertThat(api.as(REGION_NORD)
                        .get("/api/v1/hours?level=REGION&code=1082")
                        .status())
                .isEqualTo(403);
        for (String user : new String[] {NATIONAL, ADMIN, DEMO_DOCTOR, SKOVSTJERNEN}) {
            Problems.assertProblem(api.as(user).get("/api/v1/hours?level=REGION&code=1082"), 403, "FORBIDDEN");
        }
        Api.Response badLevel = api.as(REGION_MIDT).get("/api/v1/hours?level=COUNTRY");
        assertThat(errorMessage(badLevel, "level"))
                .isEqualTo(
                        "Niveau skal være kommune (MUNICIPALITY), region (REGION), landet (NATIONAL) eller læge (DOCTOR).");
    }

    @Test
    void the_topic_catalogue_is_read_by_all_and_kept_by_the_administrator() {
        Api.Response topics = doctor.get("/api/v1/session-topics");
        assertThat(topics.status()).isEqualTo(200);
        assertThat(topics.body()).contains("KOL", "Dehydrering", "Medicinhåndtering", "Mobilitet");

        String name = AdvisorySessionFixtures.unique("Epilepsi");
        for (String user : new String[] {REGION_MIDT, NORDDJURS, NATIONAL, DEMO_DOCTOR, SKOVSTJERNEN}) {
            assertThat(api.as(user)
                            .post("/api/v1/session-topics", Map.of("name", name))
                            .status())
                    .isEqualTo(403);
        }
        long id = created(api.as(ADMIN).post("/api/v1/session-topics", Map.of("name", name)));
        assertThat(errorMessage(api.as(ADMIN).post("/api/v1/session-topics", Map.of("name", name)), "name"))
                .isEqualTo("Emnet findes allerede i kataloget.");
        assertThat(errorMessage(api.as(ADMIN).post("/api/v1/session-topics", Map.of("name", " ")), "name"))
                .isNotBlank();
        assertThat(doctor.get("/api/v1/session-topics").body()).contains(name);
        assertThat(api.as(REGION_MIDT).delete("/api/v1/session-topics/" + id).status())
                .isEqualTo(403);
        assertThat(api.as(ADMIN).delete("/api/v1/session-topics/" + id).status())
                .isEqualTo(204);
        assertThat(doctor.get("/api/v1/session-topics").body()).doesNotContain(name);
    }

    @Test
    void a_name_written_another_way_or_a_spaced_cpr_number_is_refused_in_corrections_and_comments() {
        // found by review 13b: names in capitals, surname first, with a title, and "010190 - 1234" got through
        Map<String, Object> fine = session(LocalDate.of(2025, 9, 10), 60);
        fine.put("topic", "Medicinhåndtering");
        fine.put("notes", "KOL: inhalationsteknik, 2 timer per måned. Per telefon med plejepersonalet");
        long id = created(doctor.post(sessions(), fine));
        String path = sessions() + "/" + id;
        for (String notes : List.of("HANS JENSEN", "Jensen, Hans", "Hr. Jensen", "fru Hansen", "Ida har feber")) {
            Map<String, Object> body = session(LocalDate.of(2025, 9, 10), 45);
            body.put("notes", notes);
            assertThat(errorMessage(doctor.put(path, body), "notes"))
                    .as(notes)
                    .startsWith("Må ikke nævne en person ved navn");
        }
        Map<String, Object> cpr = session(LocalDate.of(2025, 9, 10), 45);
        cpr.put("notes", "Gælder 010190 - 1234");
        assertThat(errorMessage(doctor.put(path, cpr), "notes")).startsWith("Må ikke indeholde et CPR-nummer");
        for (String comment : List.of("HANS JENSEN", "Mohammed Ali", "Gælder 01 01 90 - 1234")) {
            Api.Response answer = contact.patch(path, Map.of("status", "QUESTIONED", "comment", comment));
            Problems.assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(errorMessage(answer, "comment")).as(comment).isNotBlank();
        }
        assertThat(jdbc.sql("select duration_minutes || ' ' || status || ' ' || coalesce(comment, '-')"
                                + " from advisory_session where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("60 LOGGED -");
    }

    long count() {
        return jdbc.sql("select count(*) from advisory_session where agreement_id = :a")
                .param("a", agreement)
                .query(Long.class)
                .single();
    }
}
