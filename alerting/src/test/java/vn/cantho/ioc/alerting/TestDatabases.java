package vn.cantho.ioc.alerting;

import java.sql.SQLException;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.testkit.SharedServers;

/** Gives each integration-test class its own freshly migrated schema in the shared PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {}

    /** A JDBC URL of a new, empty schema. */
    public static String freshSchemaUrl(String prefix) throws SQLException {
        return SharedServers.get().freshSchemaUrl(prefix);
    }

    /** Opens (and migrates) the database at a schema URL from {@link #freshSchemaUrl}. */
    public static Database open(String url) {
        SharedServers servers = SharedServers.get();
        return Database.open(url, servers.dbUser(), servers.dbPassword(), 4);
    }
}
