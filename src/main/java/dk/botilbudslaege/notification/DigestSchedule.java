package dk.botilbudslaege.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes the daily digests every morning ({@code botilbud.digest.cron}, 07:00 Danish time by default; "-" turns
 * it off, as the tests do, which run {@link Digests#run} themselves). Safe on several instances: see Digests.
 */
@Component
class DigestSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);

    private final Digests digests;

    DigestSchedule(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(cron = "${botilbud.digest.cron:0 0 7 * * *}", zone = "Europe/Copenhagen")
    @SchedulerLock(name = "notification.digests", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void daily() {
        int written = digests.run();
        if (written > 0) {
            LOG.info("Wrote {} daily digests", written);
        }
    }
}
