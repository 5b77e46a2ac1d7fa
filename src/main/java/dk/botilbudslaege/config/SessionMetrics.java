package dk.botilbudslaege.config;

import dk.botilbudslaege.common.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 17, review 17: the sessions stored in PostgreSQL (Spring Session JDBC) as gauges, one query per 15 s at most:
 * {@code botilbud_sessions_stored} and {@code botilbud_sessions_anonymous} (no one signed in: a visit to the login
 * page, a deep link on its way to it). Every anonymous visit stores a row that lives 30 minutes (its CSRF token and
 * the page it asked for), so a flood of anonymous requests grows the table; the alert in docs/operations.md watches it.
 */
@Component
class SessionMetrics implements MeterBinder {

    record Sessions(long stored, long anonymous) {}

    private final CachedReading<Sessions> sessions;

    SessionMetrics(JdbcClient jdbc) {
        this.sessions = new CachedReading<>(
                Duration.ofSeconds(15),
                () -> jdbc.sql("""
                        select count(*) as stored, count(*) filter (where principal_name is null) as anonymous
                          from spring_session
                        """)
                        .query((rs, i) -> new Sessions(rs.getLong("stored"), rs.getLong("anonymous")))
                        .single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("botilbud.sessions.stored", sessions, r -> r.gauge(Sessions::stored))
                .description("Sessions stored in PostgreSQL (all instances)")
                .register(registry);
        Gauge.builder("botilbud.sessions.anonymous", sessions, r -> r.gauge(Sessions::anonymous))
                .description("Stored sessions in which no one has signed in")
                .register(registry);
    }
}
