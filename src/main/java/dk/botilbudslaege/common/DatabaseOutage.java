package dk.botilbudslaege.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether a failure means "the database cannot be reached" (answered 503, try again later) rather
 * than a bug (500). Only connection failures count: a deadlock or a constraint is not an outage.
 * The whole cause chain is read, because a failure to open a transaction arrives as Spring's
 * CannotCreateTransactionException around the pool's SQLTransientConnectionException, and a
 * failure inside authentication as an AuthenticationException around it.
 */
public final class DatabaseOutage {

    /** How long a client is asked to wait before trying again (Retry-After), in seconds. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
