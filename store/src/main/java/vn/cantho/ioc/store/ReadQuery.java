package vn.cantho.ioc.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * How the API's readers (aggregates, indicators, KPIs) query: every value a bind parameter, and a query
 * and a network timeout, so a slow or unreachable database becomes a {@link StoreException} (a 503)
 * instead of a request that hangs.
 */
public final class ReadQuery {

    /** A reader waits at most this long for the database, then the API answers 503 instead of hanging. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration NETWORK_TIMEOUT = QUERY_TIMEOUT.plusSeconds(5);

    private ReadQuery() {}

    /** Turns the current row into a value, or null to leave the row out. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} with {@code params} bound in order ({@code String[]} as a text array, anything else
     * with {@link PreparedStatement#setObject}) and maps every row.
     *
     * @param what names the read in the error, e.g. "reading indicator_values"
     */
    public static <T> List<T> list(
            DataSource dataSource, String sql, List<Object> params, RowMapper<T> mapper, String what) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setQueryTimeout((int) QUERY_TIMEOUT.toSeconds());
                for (int i = 0; i < params.size(); i++) {
                    Object param = params.get(i);
                    if (param instanceof String[] array) {
                        statement.setArray(i + 1, connection.createArrayOf("text", array));
                    } else {
                        statement.setObject(i + 1, param);
                    }
                }
                try (ResultSet rs = statement.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        T row = mapper.map(rs);
                        if (row != null) {
                            rows.add(row);
                        }
                    }
                    return rows;
                }
            }
        } catch (SQLException e) {
            throw StoreException.wrap(what, e);
        }
    }
}
