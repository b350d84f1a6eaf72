package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.testkit.TimescaleTestServer;

/**
 * The storage suite on TimescaleDB 2.23 (the test-only PGlite server, one database per JVM). Its
 * scheduler does not run, so the policies created by migration V3 are run with {@code CALL run_job(id)};
 * the {@link RollupMaintainer} must do nothing here.
 */
@Tag("timescaledb")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TimescaleStorageIT extends StorageSuite {

    private static Database database;

    @BeforeAll
    static void open() {
        TimescaleTestServer server = TimescaleTestServer.shared();
        database = Database.open(server.jdbcUrl(), server.user(), server.password(), 4);
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
        return StorageDialect.TIMESCALEDB;
    }

    @Override
    void refreshRollups() throws SQLException {
        assertThat(new RollupMaintainer(database.dataSource(), StorageDialect.TIMESCALEDB)
                        .runOnce()
                        .ran())
                .isFalse();
        runJobs("policy_refresh_continuous_aggregate");
    }

    @Override
    void applyRetention() throws SQLException {
        runJobs("policy_retention");
    }

    @Override
    void compressOldChunks() throws SQLException {
        runJobs("policy_compression");
    }
}
