package vn.cantho.ioc.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Which storage implementation the schema uses. Migration V3 chooses TimescaleDB when the extension is
 * available on the server ({@code pg_available_extensions}) and creates it; afterwards the presence of
 * the extension in {@code pg_extension} tells which one is in use.
 */
public enum StorageDialect {
    /** Hypertables, continuous aggregates and policies: the database maintains rollups and retention. */
    TIMESCALEDB,
    /** Plain tables: the hub maintains rollups and retention ({@link RollupMaintainer}). */
    POSTGRESQL;

    /** The dialect of a migrated database. */
    public static StorageDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return installed(connection) ? TIMESCALEDB : POSTGRESQL;
        } catch (SQLException e) {
            throw StoreException.wrap("detecting the storage dialect", e);
        }
    }

    static boolean installed(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
    }

    static boolean available(Connection connection) throws SQLException {
        return exists(connection, "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next();
        }
    }
}
