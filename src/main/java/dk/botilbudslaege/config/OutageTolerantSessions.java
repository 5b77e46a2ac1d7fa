package dk.botilbudslaege.config;

import dk.botilbudslaege.common.DatabaseOutage;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), and the session is saved when the response is committed: its
 * last access time, on every request. When the connection pool is exhausted or the database is away at that moment,
 * the save used to throw out of the response's first flush, after the page or its 503 answer had been rendered, so
 * the person got a 500 (measured: 18 of 113 answers under a saturated pool). A failed save is now logged and
 * dropped: the answer already rendered (the page, or the 503 that {@code web.DatabaseOutageFilter} gives) goes out.
 * What is lost is that request's session change, in practice the last access time, so the session may end up to
 * that one request earlier. Loading a session is not softened: a failure there is a failure of the request and is
 * answered 503 by the outage filter. Anything other than an outage still fails.
 *
 * <p>Review 17: a session id is only looked up if it looks like one (the ids Spring Session makes are UUIDs); any
 * other cookie value, e.g. one that decodes to a NUL byte, which PostgreSQL's text cannot hold, is no session (before,
 * {@code JSESSIONID=AAAA} gave anyone a 500 on every URL, readiness included).
 */
@Component
class OutageTolerantSessions implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(OutageTolerantSessions.class);

    /** What a session id Spring Session made can look like (a UUID; some room for another generator's ids). */
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    @Override
    @SuppressWarnings("unchecked")
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository sessions
                ? new Tolerant<>((FindByIndexNameSessionRepository<Session>) (Object) sessions)
                : bean;
    }

    /** The session repository, but a save that meets a database outage is logged instead of thrown. */
    static final class Tolerant<S extends Session> implements FindByIndexNameSessionRepository<S> {

        private final FindByIndexNameSessionRepository<S> sessions;

        Tolerant(FindByIndexNameSessionRepository<S> sessions) {
            this.sessions = sessions;
        }

        @Override
        public S createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(S session) {
            try {
                sessions.save(session);
            } catch (RuntimeException e) {
                if (!DatabaseOutage.causedBy(e)) {
                    throw e;
                }
                log.warn("Session not saved, the database is unavailable: {}", e.toString());
            }
        }

        @Override
        public S findById(String id) {
            return id != null && SESSION_ID.matcher(id).matches() ? sessions.findById(id) : null;
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }
}
