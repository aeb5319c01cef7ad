package dev.switchboard.adapters.persistence;

import dev.switchboard.domain.model.StorageUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Plain JDBC for the call, knowledge and tool tables. They are read and written with hand-written SQL rather than through
 * Hibernate: the queue and inbox rely on {@code FOR UPDATE SKIP LOCKED}, {@code ON CONFLICT DO NOTHING} and
 * jsonb columns, and the webhook receiver's insert is the hot path, which wants one statement and no session.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One statement or several in autocommit; a database that cannot be reached is a StorageUnavailableException. */
    public <T> T autocommit(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * One local transaction: committed if {@code work} returns, rolled back if it throws. Runtime exceptions
     * from {@code work} (the domain's) pass through unchanged.
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * A database that cannot be reached (no connection, a connection lost, the server shutting down, too many
     * clients, the pool's wait run out) is a StorageUnavailableException: try again later. Anything else the
     * database refused (a constraint, a bad statement) is a fault of ours, and stays one.
     */
    public static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        boolean unreachable = e instanceof java.sql.SQLTransientConnectionException || state == null
                || state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                // 57014: a statement cancelled by its query timeout: a database that hangs, not a refusal
                || state.equals("57014");
        return unreachable ? new StorageUnavailableException("Postgres: " + e.getMessage(), e)
                : new IllegalStateException("Postgres refused: " + e.getMessage(), e);
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
