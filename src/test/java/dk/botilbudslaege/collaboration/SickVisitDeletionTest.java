package dk.botilbudslaege.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.support.Api;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/**
 * Requests are deleted 90 days after the visit (SPEC §7): the day it was marked done, else the end of the
 * wanted window, in Danish time. The job is called with the day it runs on.
 */
@IntegrationTest
class SickVisitDeletionTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SickVisitDeletion deletion;

    long facility;

    @Test
    void a_request_is_deleted_on_the_91st_day_after_its_visit_and_a_second_run_is_harmless() {
        facility = new SickVisitScenarios(Api.through(context), users).facility(6);
        // visit ends 1 March 2020 at 10:00 Danish time
        long byWindow = visit("2020-03-01T09:00+01:00", "2020-03-01T10:00+01:00", null);
        // wanted until April, but done on 1 March: the visit's day is the day it was done
        long byDone = visit("2020-02-29T09:00+01:00", "2020-04-01T10:00+02:00", "2020-03-01T12:00+01:00");
        // 00:30 on 2 March in Denmark is still 1 March in UTC: the Danish day counts
        long afterMidnight = visit("2020-03-01T23:00+01:00", "2020-03-02T00:30+01:00", null);

        deletion.deleteExpired(LocalDate.of(2020, 5, 30));
        assertThat(remaining()).containsExactlyInAnyOrder(byWindow, byDone, afterMidnight);

        deletion.deleteExpired(LocalDate.of(2020, 5, 31));
        assertThat(remaining()).containsExactly(afterMidnight);
        deletion.deleteExpired(LocalDate.of(2020, 5, 31));
        assertThat(remaining()).containsExactly(afterMidnight);

        deletion.deleteExpired(LocalDate.of(2020, 6, 1));
        assertThat(remaining()).isEmpty();
    }

    long visit(String from, String to, String doneAt) {
        return jdbc.sql("""
                        insert into sick_visit (facility_id, agreement_id, doctor_id, wanted_from, wanted_to, residents,
                                                short_notice, status, requested_at, requested_by, acknowledged_at, done_at)
                        values (:f, 0, 0, :from, :to, 1, false, :status, :from, 'test', :ack, :done)
                        returning id
                        """)
                .param("f", facility)
                .param("from", OffsetDateTime.parse(from))
                .param("to", OffsetDateTime.parse(to))
                .param("status", doneAt == null ? "REQUESTED" : "DONE")
                .param("ack", doneAt == null ? null : OffsetDateTime.parse(doneAt))
                .param("done", doneAt == null ? null : OffsetDateTime.parse(doneAt))
                .query(Long.class)
                .single();
    }

    List<Long> remaining() {
        return jdbc.sql("select id from sick_visit where facility_id = :f")
                .param("f", facility)
                .query(Long.class)
                .list();
    }
}
