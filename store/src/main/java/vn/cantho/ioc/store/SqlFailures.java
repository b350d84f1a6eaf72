package vn.cantho.ioc.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells connection-level SQL failures (database down, overloaded, restarting) from all others. */
public final class SqlFailures {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";
    /** SQLSTATE class 53: insufficient resources, e.g. too many connections. */
    private static final String INSUFFICIENT_RESOURCES = "53";
    /** Admin shutdown, crash shutdown, cannot connect now (starting up or shutting down). */
    private static final String[] OPERATOR_INTERVENTION = {"57P01", "57P02", "57P03"};
    /** The statement ran into its timeout: the database is too slow to serve us now. */
    private static final String QUERY_CANCELED = "57014";

    private SqlFailures() {}

    /**
     * {@link PreparedStatement#executeBatch()}, but a connection lost mid-batch is an {@link SQLException}.
     * PgJDBC (42.7) throws {@code AssertionError("pgStatement.getConnection().getAutoCommit() should not
     * throw")} from its batch result handler when the server goes away during a batch; an {@code Error}
     * would kill the sink thread instead of letting it back off and retry (seen in {@code SinkOutageIT}).
     */
    public static int[] executeBatch(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeBatch();
        } catch (AssertionError e) {
            throw new SQLNonTransientConnectionException(
                    "connection lost during a batch: " + e.getMessage(), "08006", e);
        }
    }

    static boolean isUnavailable(Throwable e) {
        // Drivers and pools nest the telling exception (e.g. Hikari's timeout wraps the driver's refusal).
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String state) {
        if (state == null) {
            return false;
        }
        if (state.startsWith(CONNECTION_EXCEPTION)
                || state.startsWith(INSUFFICIENT_RESOURCES)
                || state.equals(QUERY_CANCELED)) {
            return true;
        }
        for (String s : OPERATOR_INTERVENTION) {
            if (s.equals(state)) {
                return true;
            }
        }
        return false;
    }
}
