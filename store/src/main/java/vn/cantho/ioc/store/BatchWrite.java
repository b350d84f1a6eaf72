package vn.cantho.ioc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * How the writers on the hot paths (observations, aggregates, indicators) store a batch: one prepared
 * statement (its {@code ON CONFLICT} makes it idempotent) executed as one JDBC batch, or once with the whole batch
 * as array parameters, in one transaction, all or nothing, with a network timeout so a server that stopped answering fails the write instead of
 * hanging the sink that retries it.
 */
public final class BatchWrite {

    /** Bounds a write against a server that stopped answering, so the sink notices and retries. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private BatchWrite() {}

    /** Sets a row's parameters on the statement. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /**
     * Executes {@code sql} once per row, as one batch in one transaction.
     *
     * @param what names the work in the error, e.g. "upserting 12 aggregates into metric_agg_1m"
     * @return rows inserted or changed, from the batch's update counts (a statement the driver reports
     *         as {@link Statement#SUCCESS_NO_INFO} counts as one row; with {@code reWriteBatchedInserts=true}
     *         the driver cannot tell which rows of a multi-row statement it skipped)
     * @throws StoreException when the database fails ({@link StoreUnavailableException} when it cannot be
     *                        reached); nothing was written, retry the same batch
     */
    public static <T> int execute(
            DataSource dataSource, String sql, List<T> rows, Binder<? super T> binder, String what) {
        return inTransaction(dataSource, sql, what, (connection, statement) -> {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            return written(SqlFailures.executeBatch(statement));
        });
    }

    /**
     * Executes {@code sql} once, with the parameters {@code binder} sets on it (e.g. whole columns as arrays), in
     * one transaction with the same timeout and failure handling as a batch.
     *
     * @return rows inserted or changed
     * @throws StoreException when the database fails ({@link StoreUnavailableException} when it cannot be
     *                        reached); nothing was written, retry the same call
     */
    public static int executeOnce(DataSource dataSource, String sql, Binder<Connection> binder, String what) {
        return inTransaction(dataSource, sql, what, (connection, statement) -> {
            binder.bind(statement, connection);
            return statement.executeUpdate();
        });
    }

    /** What runs on the prepared statement inside the transaction; returns the rows written. */
    @FunctionalInterface
    private interface Work {
        int run(Connection connection, PreparedStatement statement) throws SQLException;
    }

    /**
     * Prepares {@code sql} on a connection with the write timeout, runs {@code work} and commits; on any failure rolls
     * back, so nothing was written and the caller may retry the same call.
     */
    private static int inTransaction(DataSource dataSource, String sql, String what, Work work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, (int) WRITE_TIMEOUT.toMillis());
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int written = work.run(connection, statement);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.wrap(what, e);
        }
    }

    private static int written(int[] counts) {
        int written = 0;
        for (int count : counts) {
            if (count > 0) {
                written += count;
            } else if (count == Statement.SUCCESS_NO_INFO) {
                written++;
            }
        }
        return written;
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
