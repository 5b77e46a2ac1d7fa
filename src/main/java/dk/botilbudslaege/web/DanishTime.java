package dk.botilbudslaege.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/** Moments shown to people in Danish time, whatever the server's zone: {@code ${@time.local(moment)}}. */
@Component("time")
public class DanishTime {

    public static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    public ZonedDateTime local(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(DENMARK);
    }

    public ZonedDateTime local(java.time.Instant moment) {
        return moment == null ? null : moment.atZone(DENMARK);
    }
}
