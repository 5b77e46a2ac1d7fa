package dk.botilbudslaege.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * Reminders (issue 14 item 6): on a reminder day only the addressees who have not submitted are told, and a
 * second run on the same day tells nobody again.
 */
@IntegrationTest
class SurveyRemindersTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyReminders reminders;

    @Test
    void onlyThoseWhoHaveNotAnsweredAreRemindedAndOnlyOnce() {
        Api api = Api.through(context);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        Map<String, Object> body = Map.of(
                "title", "Påmindelse " + UUID.randomUUID(),
                "deadline", today.plusDays(10).toString(),
                "reminderDays", List.of(7),
                "questions", List.of(Map.of("text", "Er I i gang?", "type", "YES_NO", "required", true)),
                "addressees", Map.of("municipalityCodes", List.of("707", "751")));
        Api.Response created = api.as("region-midt").post(SurveysApiTest.PATH, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        long question = created.json().path("questions").get(0).path("id").asLong();
        assertThat(api.as("region-midt")
                        .post(SurveysApiTest.PATH + "/" + id + "/send", null)
                        .status())
                .isEqualTo(200);
        Api.Response answered = api.as("kommune-aarhus")
                .post(SurveysApiTest.PATH + "/" + id + "/answer/submit", SurveysApiTest.answers(question, true));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        // not a reminder day: nothing
        reminders.remind(today.plusDays(2));
        assertThat(reminded(id, "kommune-norddjurs")).isZero();

        LocalDate day = today.plusDays(3);
        reminders.remind(day);
        reminders.remind(day);
        assertThat(reminded(id, "kommune-norddjurs")).isEqualTo(1);
        assertThat(reminded(id, "kommune-aarhus")).isZero();
        assertThat(jdbc.sql("select count(*) from survey_reminder_sent where survey_id = :s")
                        .param("s", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private int reminded(long id, String username) {
        return jdbc.sql("select count(*) from notification where kind = 'SURVEY_REMINDER' and link = :l"
                        + " and username = :u")
                .param("l", "/surveys/" + id + "/answer")
                .param("u", username)
                .query(Integer.class)
                .single();
    }
}
