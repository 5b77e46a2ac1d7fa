package dk.botilbudslaege.config;

import dk.botilbudslaege.common.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 17 item 4: Spring Modulith's event publication registry as gauges, one query per 15 s at most (with
 * completion-mode=delete every row left is incomplete, so the table stays small):
 * {@code botilbud_events_incomplete} (published, listener not yet succeeded; includes those being handled right
 * now), {@code botilbud_events_failed} and {@code botilbud_events_oldest_incomplete_seconds} (0 when none).
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    record Publications(long incomplete, long failed, double oldestSeconds) {}

    private final CachedReading<Publications> publications;

    EventPublicationMetrics(JdbcClient jdbc) {
        this.publications = new CachedReading<>(
                Duration.ofSeconds(15),
                () -> jdbc.sql("""
                        select count(*) as incomplete,
                               count(*) filter (where status = 'FAILED') as failed,
                               coalesce(extract(epoch from now() - min(publication_date)), 0) as oldest
                          from event_publication
                         where completion_date is null
                        """)
                        .query((rs, i) -> new Publications(
                                rs.getLong("incomplete"), rs.getLong("failed"), rs.getDouble("oldest")))
                        .single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("botilbud.events.incomplete", publications, r -> r.gauge(p -> p.incomplete()))
                .description("Domain events whose listener has not yet succeeded")
                .register(registry);
        Gauge.builder("botilbud.events.failed", publications, r -> r.gauge(p -> p.failed()))
                .description("Domain events whose listener failed (resubmitted every minute)")
                .register(registry);
        Gauge.builder("botilbud.events.oldest.incomplete", publications, r -> r.gauge(Publications::oldestSeconds))
                .description("Age of the oldest incomplete domain event (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }
}
