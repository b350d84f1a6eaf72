package vn.cantho.ioc.store.indicator;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.TimescaleTestServer;

/** The indicator store suite on TimescaleDB (the test-only PGlite server, one database per JVM). */
@Tag("timescaledb")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IndicatorTimescaleIT extends IndicatorStoreSuite {

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
}
