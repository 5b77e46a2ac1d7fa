package dk.botilbudslaege.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sick-visit requests for Norddjurs' facilities with agreements (issue 13 item 7): one done last week, one
 * acknowledged for tomorrow, one asked at short notice for this afternoon, and one in good time at Dolmerhave. Residents
 * are named by room only, as the facility does.
 */
@Component
class DemoSickVisits {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final JdbcClient jdbc;

    DemoSickVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void load() {
        OffsetDateTime today =
                OffsetDateTime.now(DENMARK).truncatedTo(ChronoUnit.DAYS).withHour(9);
        request("Skovstjernen", today.minusDays(7), today.minusDays(8), 2, "værelse 4,værelse 9", "DONE");
        request("Skovstjernen", today.plusDays(1), today.minusDays(1), 1, "værelse 2", "ACKNOWLEDGED");
        request("Skovstjernen", today.plusHours(5), today.plusHours(-2), 1, "værelse 7", "REQUESTED");
        request("Dolmerhave", today.plusDays(2), today.minusHours(3), 1, "lejlighed 12", "REQUESTED");
        request("Ålunden", today.plusDays(3), today.minusHours(1), 3, "stue 1,stue 3,stue 6", "REQUESTED");
    }

    private void request(
            String facility, OffsetDateTime from, OffsetDateTime askedAt, int residents, String refs, String status) {
        boolean shortNotice = Duration.between(askedAt, from).compareTo(Duration.ofHours(24)) < 0;
        jdbc.sql("""
                        insert into sick_visit (facility_id, agreement_id, doctor_id, wanted_from, wanted_to, residents,
                                                refs, short_notice, status, requested_at, requested_by,
                                                acknowledged_at, done_at)
                        select f.id, a.id, a.doctor_id, :from, :to, :residents, string_to_array(:refs, ','), :short,
                               :status, :asked, 'demo',
                               case when cast(:status as text) <> 'REQUESTED'
                                    then cast(:asked as timestamptz) + interval '2 hours' end,
                               case when cast(:status as text) = 'DONE' then cast(:to as timestamptz) end
                          from facility f
                          join agreement a on a.facility_id = f.id and a.status = 'ACTIVE'
                         where f.name = :facility and f.municipality_code = '707'
                         limit 1
                        """)
                .param("facility", facility)
                .param("from", from)
                .param("to", from.plusHours(2))
                .param("residents", residents)
                .param("refs", refs)
                .param("short", shortNotice)
                .param("status", status)
                .param("asked", askedAt)
                .update();
    }
}
