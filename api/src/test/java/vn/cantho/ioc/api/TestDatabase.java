package vn.cantho.ioc.api;

import java.sql.SQLException;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Opens the shared test database on a schema of its own, so each integration-test class reads only
 * the rows it wrote.
 */
public final class TestDatabase {

    private TestDatabase() {}

    public static Database openFreshSchema(String prefix) throws SQLException {
        SharedServers servers = SharedServers.get();
        return Database.open(servers.freshSchemaUrl(prefix), servers.dbUser(), servers.dbPassword(), 4);
    }
}
