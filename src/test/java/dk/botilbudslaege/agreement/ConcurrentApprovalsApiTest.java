package dk.botilbudslaege.agreement;

import static dk.botilbudslaege.agreement.AgreementScenarios.R1_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R3_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.R4_MESSAGE;
import static dk.botilbudslaege.agreement.AgreementScenarios.assertRefused;
import static dk.botilbudslaege.agreement.AgreementScenarios.sectionAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two users changing the same thing at once never both win (SPEC §3): two approvals for one unit and
 * one period race each other over real HTTP, and exactly one wins; the database itself refuses an
 * overlapping coverage row, whatever the application code does. Decisions touching one practice are
 * serialised, so R1 and R3 hold under a race too.
 */
@IntegrationTest
class ConcurrentApprovalsApiTest {

    private static final int ROUNDS = 10;
    private static final LocalDate START = LocalDate.of(2025, 8, 1);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    AgreementScenarios given;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        given = new AgreementScenarios(Api.on(port), jdbc, users);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    /** Runs both calls at the same moment from two threads; answers both responses, lower status first. */
    private List<Api.Response> atOnce(long first, long second, LongFunction<Api.Response> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (long id : new long[] {first, second}) {
            futures.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(id);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        answers.sort(Comparator.comparingInt(Api.Response::status));
        return answers;
    }

    private int coverageRows(long facilityId) {
        return jdbc.sql("select count(*) from agreement_coverage where facility_id = :f")
                .param("f", facilityId)
                .query(Integer.class)
                .single();
    }

    private int activeAgreements(long facilityId) {
        return jdbc.sql("select count(*) from agreement where facility_id = :f and status = 'ACTIVE'")
                .param("f", facilityId)
                .query(Integer.class)
                .single();
    }

    @Test
    void of_two_doctors_approved_at_once_for_the_same_facility_exactly_one_gets_it() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long facility = given.facility(12);
            long first = given.submitted(given.doctorInRoomyPractice(), facility, START);
            long second = given.submitted(given.doctorInRoomyPractice(), facility, START);

            List<Api.Response> answers = atOnce(first, second, given::approve);

            assertThat(answers.get(0).status())
                    .as("round %d: %s", round, answers)
                    .isEqualTo(200);
            assertRefused(answers.get(1), "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
            assertThat(activeAgreements(facility)).as("round %d", round).isEqualTo(1);
            assertThat(coverageRows(facility)).as("round %d", round).isEqualTo(1);
            long winner = answers.get(0).json().path("id").asLong();
            long loser = winner == first ? second : first;
            assertThat(given.status(loser)).isEqualTo("SUBMITTED");
        }
    }

    @Test
    void a_whole_facility_and_one_of_its_sections_approved_at_once_never_both_win() throws Exception {
        for (int round = 0; round < ROUNDS / 2; round++) {
            long facility = given.facility(70);
            long section = given.section(facility, 30);
            long whole = given.submitted(given.doctorInRoomyPractice(), facility, START);
            long part = given.submitted(sectionAgreement(given.doctorInRoomyPractice(), facility, section, START));

            List<Api.Response> answers = atOnce(whole, part, given::approve);

            assertThat(answers.get(0).status())
                    .as("round %d: %s", round, answers)
                    .isEqualTo(200);
            assertRefused(answers.get(1), "UNIT_ALREADY_COVERED", "facilityIds", R4_MESSAGE);
            assertThat(coverageRows(facility)).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void one_doctor_approved_at_once_for_two_facilities_gets_only_one() throws Exception {
        for (int round = 0; round < ROUNDS / 2; round++) {
            long doctor = given.doctorInRoomyPractice();
            long first = given.submitted(doctor, given.facility(12), START);
            long second = given.submitted(doctor, given.facility(14), START);

            List<Api.Response> answers = atOnce(first, second, given::approve);

            assertThat(answers.get(0).status())
                    .as("round %d: %s", round, answers)
                    .isEqualTo(200);
            assertRefused(answers.get(1), "DOCTOR_ROLE_LIMIT", "doctorId", R1_MESSAGE);
        }
    }

    @Test
    void two_doctors_of_a_practice_with_one_capacity_approved_at_once_get_only_one_role() throws Exception {
        for (int round = 0; round < ROUNDS / 2; round++) {
            long practice = given.practice(1);
            long first = given.submitted(given.doctor(practice), given.facility(12), START);
            long second = given.submitted(given.doctor(practice), given.facility(14), START);

            List<Api.Response> answers = atOnce(first, second, given::approve);

            assertThat(answers.get(0).status())
                    .as("round %d: %s", round, answers)
                    .isEqualTo(200);
            assertRefused(answers.get(1), "PRACTICE_CAPACITY", "doctorId", R3_MESSAGE);
        }
    }

    @Test
    void the_same_agreement_approved_twice_at_once_is_approved_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long facility = given.facility(12);
            long filed = given.submitted(given.doctorInRoomyPractice(), facility, START);

            List<Api.Response> answers = atOnce(filed, filed, given::approve);

            assertThat(answers.get(0).status())
                    .as("round %d: %s", round, answers)
                    .isEqualTo(200);
            assertThat(answers.get(1).status())
                    .as("round %d: %s", round, answers)
                    .isEqualTo(409);
            assertThat(answers.get(1).code()).isIn("CONCURRENT_CHANGE", "INVALID_STATUS");
            assertThat(given.status(filed)).isEqualTo("ACTIVE");
            assertThat(coverageRows(facility)).as("round %d", round).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'AGREEMENT'"
                                    + " and entity_id = :id and action = 'APPROVED'")
                            .param("id", String.valueOf(filed))
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void the_database_itself_refuses_overlapping_coverage_of_a_facility() {
        long facility = given.facility(70);
        long section = given.section(facility, 30);
        long other = given.submitted(given.doctorInRoomyPractice(), facility, LocalDate.of(2026, 1, 1));
        given.active(given.doctorInRoomyPractice(), facility, START);

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into agreement_coverage (agreement_id, facility_id, section_id, section_range, period)
                        values (:a, :f, null, int8range(null, null), daterange(:start, null, '[]'))
                        """)
                        .param("a", other)
                        .param("f", facility)
                        .param("start", LocalDate.of(2026, 1, 1))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into agreement_coverage (agreement_id, facility_id, section_id, section_range, period)
                        values (:a, :f, :s, int8range(:s, :s, '[]'), daterange(:start, :end, '[]'))
                        """)
                        .param("a", other)
                        .param("f", facility)
                        .param("s", section)
                        .param("start", LocalDate.of(2024, 1, 1))
                        .param("end", START)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(coverageRows(facility)).isEqualTo(1);
    }
}
