package vn.cantho.ioc.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import vn.cantho.ioc.testkit.SharedServers;

/**
 * Gives each integration-test class its own empty schema in the shared database, so classes neither
 * see nor disturb each other's rows, and migrations can be tested from scratch.
 */
public final class TestSchemas {

    private TestSchemas() {
    }

    /** Creates a fresh schema and returns a JDBC URL whose connections use it. */
    public static String freshSchemaUrl(SharedServers servers, String prefix) throws SQLException {
        String schema = SharedServers.uniqueName(prefix);
        try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
             Statement statement = connection.createStatement()) {
            // uniqueName yields a plain lower-case identifier, so it is safe to splice into DDL.
            statement.execute("CREATE SCHEMA " + schema);
        }
        return withParameter(servers.jdbcUrl(), "currentSchema=" + schema);
    }

    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }
}
