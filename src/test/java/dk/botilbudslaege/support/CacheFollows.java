package dk.botilbudslaege.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the tests of the version-keyed caches (settlement, hours): a change committed on a connection of its own, as
 * another instance, plain SQL or a migration would, must show in the next answer.
 */
public final class CacheFollows {

    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    public CacheFollows(DataSource dataSource, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * Reads the answer (kept from now on), commits {@code change} on a connection of its own, and reads again: a new
     * answer, the same as computed from scratch. Then {@code undo}, and the first answer again.
     */
    public <T> void assertFollows(Supplier<T> read, String change, String undo) {
        T before = read.get();
        assertThat(read.get()).isEqualTo(before);
        try {
            commit(change);
            T after = read.get();
            assertThat(after).as("the answer after: " + change).isNotEqualTo(before);
            assertThat(after).isEqualTo(fresh(read));
        } finally {
            commit(undo);
        }
        assertThat(read.get()).as("the answer after: " + undo).isEqualTo(before);
    }

    /** Computed from scratch: inside a writing transaction nothing is read from the cache. */
    public <T> T fresh(Supplier<T> read) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return read.get();
        });
    }

    /** {@code sql} committed on a connection of its own. */
    public void commit(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
