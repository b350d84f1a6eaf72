package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.testkit.SharedServers;

/** The storage suite on plain PostgreSQL 15: the hub's {@link RollupMaintainer} does the maintenance. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresStorageIT extends StorageSuite {

    private static Database database;
    private static RollupMaintainer maintainer;

    @BeforeAll
    static void open() throws SQLException {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "storage_pg"), servers.dbUser(), servers.dbPassword(), 4);
        maintainer = new RollupMaintainer(database.dataSource(), StorageDialect.of(database.dataSource()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    Database database() {
        return database;
    }

    @Override
    StorageDialect expectedDialect() {
        return StorageDialect.POSTGRESQL;
    }

    @Override
    void refreshRollups() {
        assertThat(maintainer.runOnce().ran()).isTrue();
    }

    @Override
    void applyRetention() {
        assertThat(maintainer.runOnce().ran()).isTrue();
    }

    @Override
    void compressOldChunks() {
        // Plain PostgreSQL has no compression; the suite still checks reads and writes of old rows.
    }
}
