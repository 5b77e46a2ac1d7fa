package dk.botilbudslaege.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * SPEC §4 F5: VAT status is dated. An agreement (and so its information form) shows the practice's status in
 * force today, also when that status was approved earlier for a date that has now come, and the practice row
 * itself has not been written since.
 */
@IntegrationTest
class AgreementVatFollowsTheDatedStatusApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    AgreementFixtures fixtures;
    Api api;

    @BeforeEach
    void setUp() {
        api = Api.through(context);
        fixtures = new AgreementFixtures(api);
    }

    @Test
    void a_vat_status_that_comes_into_force_today_is_the_agreements_without_the_practice_being_written() {
        long practice = fixtures.practice(1);
        long doctor = fixtures.doctor(practice, false);
        Api.Response created = fixtures.create(
                "kommune-norddjurs",
                doctor,
                fixtures.facility("SEL_108", 12),
                LocalDate.now().withDayOfMonth(1).plusMonths(1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api.as("kommune-norddjurs")
                        .get("/api/v1/agreements/" + id)
                        .json()
                        .path("vatRegistered")
                        .asBoolean())
                .isFalse();

        // as if approved long ago for today: only the dated history knows, not the practice row
        jdbc.sql("insert into practice_vat_status (practice_id, valid_from, vat_registered, created_by)"
                        + " values (:p, current_date, true, 'test')")
                .param("p", practice)
                .update();

        assertThat(api.as("kommune-norddjurs")
                        .get("/api/v1/agreements/" + id)
                        .json()
                        .path("vatRegistered")
                        .asBoolean())
                .isTrue();
        assertThat(api.as("region-midt")
                        .get("/api/v1/practices/" + practice)
                        .json()
                        .path("vatRegistered")
                        .asBoolean())
                .isTrue();
    }
}
