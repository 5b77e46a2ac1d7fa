package dk.botilbudslaege.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/** The demo's 2025 midway survey of Region Midtjylland (seed 000): sent 4 July, deadline 22 August, 18 of 19. */
@IntegrationTest
class DemoSurveyTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eighteenOfNineteenAnswered() {
        long id = jdbc.sql("select id from survey where title like 'Midtvejsstatus%' and region_code = '1082'")
                .query(Long.class)
                .single();
        JsonNode r = Api.through(context)
                .as("region-midt")
                .get(SurveysApiTest.PATH + "/" + id + "/results")
                .json();
        assertThat(r.path("addressees").asInt()).isEqualTo(19);
        assertThat(r.path("submitted").asInt()).isEqualTo(18);
        assertThat(r.path("responseRate").decimalValue()).isEqualByComparingTo("0.947");
        assertThat(r.path("notAnswered").get(0).path("name").asString()).isEqualTo("Samsø");
        assertThat(r.path("deadline").asString()).isEqualTo("2025-08-22");
        // closed: Norddjurs sees it and can no longer change its answer
        Api.Response answer =
                Api.through(context).as("kommune-norddjurs").get(SurveysApiTest.PATH + "/" + id + "/answer");
        assertThat(answer.json().path("submitted").asBoolean()).isTrue();
        assertThat(answer.json().path("editable").asBoolean()).isFalse();
    }
}
