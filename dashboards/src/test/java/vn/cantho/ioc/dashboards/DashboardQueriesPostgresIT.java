package vn.cantho.ioc.dashboards;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.RollupMaintainer;
import vn.cantho.ioc.store.StorageDialect;

/**
 * The dashboards' SQL on plain PostgreSQL 15 (the embedded server of {@code ./ioc up}, zonky's binaries), on a
 * fresh schema migrated by the hub's own migrations; the hub's {@link RollupMaintainer} fills the hourly tier.
 * Only PostgreSQL is started (no Kafka, no MQTT broker), so this class stays light on a shared machine.
 */
@Tag("database")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardQueriesPostgresIT extends DashboardQueriesSuite {

    private EmbeddedServers servers;
    private Database database;
    private String url;

    @Override
    void open() throws SQLException {
        servers = new EmbeddedServers(WorkDirectories.temporary("ioc-dashboards-pg-"), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.of(0));
        servers.start();
        EmbeddedServers.DatabaseConnection db = servers.database().orElseThrow();
        // The hub's user may not create roles (no CREATEROLE, as on a managed server): an administrator creates
        // the group role once, as docs/dashboards.md says, and migration V8 grants it what the dashboards read.
        try (Connection admin = DriverManager.getConnection(db.jdbcUrl(), "postgres", "unused");
             Statement statement = admin.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ioc_reader') "
                    + "THEN CREATE ROLE ioc_reader NOLOGIN; END IF; END $$");
            // Grafana's login, as the production compose creates it (infra/compose/timescaledb/20-grafana-reader.sh).
            statement.execute("CREATE ROLE grafana LOGIN IN ROLE ioc_reader PASSWORD 'unused-here'");
            statement.execute("ALTER ROLE grafana SET default_transaction_read_only = on");
        }
        // A schema of its own, as the store's integration tests do (TestSchemas).
        String schema = "dashboards_" + Long.toHexString(System.nanoTime());
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        database = Database.open(url, db.user(), db.password(), 2);
    }

    /** Grafana's own login (member of ioc_reader), not the hub's user switched to the role. */
    @Override
    Connection readerConnection() throws SQLException {
        return DriverManager.getConnection(url, "grafana", "unused-here");
    }

    @Override
    boolean switchesRole() {
        return false;
    }

    @Override
    void close() {
        if (database != null) {
            database.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    boolean timescaledb() {
        return false;
    }

    @Override
    void refreshRollups() {
        new RollupMaintainer(database.dataSource(), StorageDialect.of(database.dataSource())).runOnce();
    }

    @Override
    String dialect() {
        return "PostgreSQL";
    }
}
