package vn.cantho.ioc.store.indicator;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.TestSchemas;
import vn.cantho.ioc.testkit.SharedServers;

/** The indicator store suite on plain PostgreSQL 15, in a schema of its own. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class IndicatorPostgresIT extends IndicatorStoreSuite {

    private static Database database;

    @BeforeAll
    static void open() throws SQLException {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "indicators_pg"), servers.dbUser(), servers.dbPassword(), 4);
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
