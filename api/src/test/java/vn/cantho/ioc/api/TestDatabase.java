package vn.cantho.ioc.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Opens the shared test database on a schema of its own, so each integration-test class reads only
 * the rows it wrote.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Database openFreshSchema(String prefix) throws SQLException {
        SharedServers servers = SharedServers.get();
        String schema = SharedServers.uniqueName(prefix);
        try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
             Statement statement = connection.createStatement()) {
            // uniqueName yields a plain lower-case identifier, so it is safe to splice into DDL.
            statement.execute("CREATE SCHEMA " + schema);
        }
        String url = servers.jdbcUrl() + (servers.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Database.open(url, servers.dbUser(), servers.dbPassword(), 4);
    }
}
