package vn.cantho.ioc.dashboards;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.TimescaleTestServer;

/**
 * The dashboards' SQL on TimescaleDB (the test-only PGlite server, PostgreSQL 17 + TimescaleDB 2.23), with
 * Grafana's TimescaleDB flag on, so {@code $__timeGroup} runs as {@code time_bucket} and the hourly tier is the
 * continuous aggregate created by migration V3 (real-time aggregation shows the seeded minutes at once).
 * The server is one superuser session: migration V8 creates {@code ioc_reader} itself here.
 */
@Tag("db")
@Tag("timescaledb")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardQueriesTimescaleIT extends DashboardQueriesSuite {

    private Database database;

    @Override
    void open() {
        TimescaleTestServer server = TimescaleTestServer.shared();
        database = Database.open(server.jdbcUrl(), server.user(), server.password(), 2);
    }

    @Override
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    boolean timescaledb() {
        return true;
    }

    @Override
    void refreshRollups() throws SQLException {
        // The scheduler does not run here: refresh the hourly and daily continuous aggregates by hand.
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CALL refresh_continuous_aggregate('metric_agg_1h_cagg', NULL, NULL)");
            statement.execute("CALL refresh_continuous_aggregate('metric_agg_1d_cagg', NULL, NULL)");
        }
    }

    @Override
    String dialect() {
        return "TimescaleDB";
    }
}
