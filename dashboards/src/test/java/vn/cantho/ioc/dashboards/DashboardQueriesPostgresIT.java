package vn.cantho.ioc.dashboards;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.EmbeddedDatabase;
import vn.cantho.ioc.embedded.EmbeddedServers;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.RollupMaintainer;
import vn.cantho.ioc.store.StorageDialect;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The dashboards' SQL on plain PostgreSQL 15 (the embedded server of {@code ./ioc up}, zonky's binaries, with the
 * roles it makes for Grafana), on a fresh schema migrated by the hub's own migrations; the hub's
 * {@link RollupMaintainer} fills the hourly tier.
 * Only PostgreSQL is started (no Kafka, no MQTT broker), so this class stays light on a shared machine.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardQueriesPostgresIT extends DashboardQueriesSuite {

    private EmbeddedServers servers;
    private Database database;
    private String url;

    @Override
    void open() throws SQLException {
        servers = new EmbeddedServers(
                WorkDirectories.temporary("ioc-dashboards-pg-"),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalInt.of(0));
        servers.start();
        EmbeddedServers.DatabaseConnection db = servers.database().orElseThrow();
        // The embedded server (as ./ioc up runs it) has made ioc_reader and Grafana's login in it, since the hub's
        // own role may not create roles; migration V8 grants ioc_reader what the dashboards read.
        // A schema of its own, as the store's integration tests do (TestSchemas).
        url = SharedServers.freshSchemaUrl(db.jdbcUrl(), db.user(), db.password(), "dashboards");
        database = Database.open(url, db.user(), db.password(), 2);
    }

    /**
     * Grafana's own login (member of ioc_reader, read-only), not the hub's user switched to the role; the embedded
     * server trusts it locally, so the password is not checked.
     */
    @Override
    Connection readerConnection() throws SQLException {
        return DriverManager.getConnection(url, EmbeddedDatabase.GRAFANA_LOGIN, "not-checked");
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
