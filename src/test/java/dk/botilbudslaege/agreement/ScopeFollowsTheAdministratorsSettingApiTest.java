package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementFixtures.NORDDJURS_CODE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R5_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import dk.botilbudslaege.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * R5 reads the legal bases in scope as the administrator sets them (SPEC §2, a dated setting, issue 10
 * item 1): children's homes (BL § 43) enter the scope for the first half of 2028 only. Nothing else
 * uses those dates.
 */
@IntegrationTest
class ScopeFollowsTheAdministratorsSettingApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    Api api;
    AgreementScenarios given;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        given = new AgreementScenarios(api, jdbc, users);
    }

    @Test
    void a_childrens_home_can_get_an_agreement_only_from_the_day_its_legal_basis_enters_the_scope() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post(
                "/admin/legal-bases",
                "/admin",
                Map.of(
                        "legalBasis",
                        "BL_43",
                        "validFrom",
                        "2028-01-01",
                        "inScope",
                        "true",
                        "note",
                        "Børne- og ungehjem, første halvår"));
        admin.post(
                "/admin/legal-bases",
                "/admin",
                Map.of("legalBasis", "BL_43", "validFrom", "2028-07-01", "inScope", "false"));
        long childrensHome = given.facility("BL_43", 8, "MUNICIPAL", NORDDJURS_CODE);

        assertRefused(
                given.create(given.doctorInRoomyPractice(), childrensHome, LocalDate.of(2027, 12, 1)),
                "LEGAL_BASIS_NOT_IN_SCOPE",
                "facilityIds",
                R5_MESSAGE);
        assertRefused(
                given.create(given.doctorInRoomyPractice(), childrensHome, LocalDate.of(2028, 7, 1)),
                "LEGAL_BASIS_NOT_IN_SCOPE",
                "facilityIds",
                R5_MESSAGE);
        Api.Response inside = given.create(given.doctorInRoomyPractice(), childrensHome, LocalDate.of(2028, 2, 1));
        assertThat(inside.status()).as(inside.body()).isEqualTo(201);

        // coverage counts the facility in scope on the days of the setting only
        assertThat(api.as("national")
                        .get("/api/v1/coverage/breakdown?by=LEGAL_BASIS&date=2028-03-01")
                        .body())
                .contains("BL_43");
        assertThat(api.as("national")
                        .get("/api/v1/coverage/breakdown?by=LEGAL_BASIS&date=2028-07-01")
                        .body())
                .doesNotContain("BL_43");
    }
}
