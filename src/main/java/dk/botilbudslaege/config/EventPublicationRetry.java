package dk.botilbudslaege.config;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A listener after commit that failed is tried again: its publication stays in the registry
 * (event_publication) as failed, and is resubmitted here once a minute until the listener succeeds.
 * Publications left over by a stopped instance are republished on restart
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
@EnableScheduling
class EventPublicationRetry {

    private final FailedEventPublications failed;

    EventPublicationRetry(FailedEventPublications failed) {
        this.failed = failed;
    }

    @Scheduled(
            fixedDelayString = "${botilbud.events.retry-interval:PT1M}",
            initialDelayString = "${botilbud.events.retry-interval:PT1M}")
    @SchedulerLock(name = "events.resubmitFailed", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
    void resubmitFailed() {
        failed.resubmit(ResubmissionOptions.defaults());
    }
}
