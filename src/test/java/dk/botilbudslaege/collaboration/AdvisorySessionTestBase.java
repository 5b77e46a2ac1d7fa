package dk.botilbudslaege.collaboration;

import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.START;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.created;
import static dk.botilbudslaege.collaboration.AdvisorySessionFixtures.session;

import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.support.Api;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the advisory-session tests share: a doctor and a facility of their own with an active agreement from
 * {@link AdvisorySessionFixtures#START}, logins for both, the sessions path and a session logged by the doctor.
 */
abstract class AdvisorySessionTestBase extends CollaborationTestBase {

    AdvisorySessionFixtures given;
    long doctorId;
    long facility;
    long agreement;
    Api doctor;
    Api contact;

    @BeforeEach
    void setUp() {
        given = new AdvisorySessionFixtures(api, users);
        doctorId = given.doctor();
        facility = given.facility();
        agreement = given.active(doctorId, facility, START);
        doctor = given.doctorUser(doctorId);
        contact = given.facilityUser(facility);
    }

    String sessions() {
        return "/api/v1/agreements/" + agreement + "/sessions";
    }

    long logged(LocalDate date, int minutes) {
        return created(doctor.post(sessions(), session(date, minutes)));
    }

    String pageUser(Role role, Long facilityId, Long doctorId) {
        return given.pageUser(role, facilityId, doctorId);
    }
}
