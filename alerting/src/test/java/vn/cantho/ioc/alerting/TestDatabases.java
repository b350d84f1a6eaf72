package vn.cantho.ioc.alerting;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.SharedServers;

/** Gives each integration-test class its own freshly migrated schema in the shared PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A JDBC URL of a new, empty schema. */
    public static String freshSchemaUrl(String prefix) throws SQLException {
        SharedServers servers = SharedServers.get();
        String schema = SharedServers.uniqueName(prefix);
        try (Connection connection = DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(),
                servers.dbPassword()); Statement statement = connection.createStatement()) {
            // uniqueName yields a plain lower-case identifier, so it is safe to splice into DDL.
            statement.execute("CREATE SCHEMA " + schema);
        }
        String url = servers.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Opens (and migrates) the database at a schema URL from {@link #freshSchemaUrl}. */
    public static Database open(String url) {
        SharedServers servers = SharedServers.get();
        return Database.open(url, servers.dbUser(), servers.dbPassword(), 4);
    }
}
