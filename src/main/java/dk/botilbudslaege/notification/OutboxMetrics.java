package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 17 item 4: the mail outbox as gauges, one query per 15 s at most (the pending ones through the partial index
 * mail_outbox_due; FAILED rows are few and stay until an administrator looks):
 * {@code botilbud_mail_outbox_pending}, {@code botilbud_mail_outbox_oldest_pending_seconds} (0 when none) and
 * {@code botilbud_mail_outbox_failed}. NaN while the database cannot be read.
 */
@Component
class OutboxMetrics implements MeterBinder {

    record Outbox(long pending, double oldestPendingSeconds, long failed) {}

    private final CachedReading<Outbox> outbox;

    OutboxMetrics(JdbcClient jdbc) {
        this.outbox = new CachedReading<>(
                Duration.ofSeconds(15),
                () -> jdbc.sql("""
                        select (select count(*) from mail_outbox where status = 'PENDING') as pending,
                               coalesce((select extract(epoch from now() - min(created_at))
                                           from mail_outbox where status = 'PENDING'), 0) as oldest,
                               (select count(*) from mail_outbox where status = 'FAILED') as failed
                        """)
                        .query((rs, i) ->
                                new Outbox(rs.getLong("pending"), rs.getDouble("oldest"), rs.getLong("failed")))
                        .single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "botilbud.mail.outbox.pending", "Mails waiting to be sent", null, o -> o.pending());
        gauge(
                registry,
                "botilbud.mail.outbox.oldest.pending",
                "Age of the oldest mail waiting to be sent (0 when none)",
                "seconds",
                Outbox::oldestPendingSeconds);
        gauge(registry, "botilbud.mail.outbox.failed", "Mails given up after all retries", null, o -> o.failed());
    }

    private void gauge(
            MeterRegistry registry, String name, String description, String unit, ToDoubleFunction<Outbox> value) {
        Gauge.builder(name, outbox, reading -> reading.gauge(value))
                .description(description)
                .baseUnit(unit)
                .register(registry);
    }
}
