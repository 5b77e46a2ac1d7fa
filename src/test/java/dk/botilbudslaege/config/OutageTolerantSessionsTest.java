package dk.botilbudslaege.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A session save that meets an exhausted pool no longer turns a rendered page (or its 503) into a 500: the real
 * session repository, with transactions that fail as Hikari's pool fails when no connection frees up in time.
 */
class OutageTolerantSessionsTest {

    private final AtomicInteger transactions = new AtomicInteger();
    private RuntimeException failure;

    private final TransactionOperations failing = new TransactionOperations() {
        @Override
        public <T> T execute(TransactionCallback<T> action) {
            transactions.incrementAndGet();
            throw failure;
        }
    };

    private final JdbcIndexedSessionRepository jdbcSessions =
            new JdbcIndexedSessionRepository(new JdbcTemplate(), failing);

    @SuppressWarnings("unchecked")
    private final OutageTolerantSessions.Tolerant<Session> sessions = (OutageTolerantSessions.Tolerant<Session>)
            new OutageTolerantSessions().postProcessAfterInitialization(jdbcSessions, "sessionRepository");

    @Test
    void onlyTheSessionRepositoryIsWrapped() {
        assertThat(sessions).isInstanceOf(OutageTolerantSessions.Tolerant.class);
        Object other = new Object();
        assertThat(new OutageTolerantSessions().postProcessAfterInitialization(other, "other"))
                .isSameAs(other);
    }

    @Test
    void aSaveThatFindsNoConnectionIsDroppedNotThrown() {
        failure = new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("Connection is not available, request timed out after 250ms"));
        Session session = sessions.createSession();
        assertThatCode(() -> sessions.save(session)).doesNotThrowAnyException();
        assertThat(transactions).hasValue(1);
    }

    @Test
    void anyOtherFailureOfASaveStillFails() {
        failure = new DataIntegrityViolationException("duplicate key");
        Session session = sessions.createSession();
        assertThatThrownBy(() -> sessions.save(session)).isSameAs(failure);
    }

    @Test
    void aCookieThatIsNoSessionIdIsNoSessionAndIsNotLookedUp() {
        failure = new IllegalStateException("must not be looked up");
        for (String id : new String[] {"\u0000\u0000\u0000", "a\u0000b", "", "x".repeat(129), "a b", "ä", "'; drop"}) {
            assertThat(sessions.findById(id)).as(id).isNull();
        }
        assertThat(transactions).hasValue(0);
    }

    @Test
    void loadingASessionIsNotSoftened() {
        failure = new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("timeout"));
        assertThatThrownBy(() -> sessions.findById("5f0c2d0e-8d7a-4a55-9d8e-3c2b1a0f9e77"))
                .isSameAs(failure);
    }
}
