package vn.cantho.ioc.store;

import java.sql.SQLException;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Gives each integration-test class its own empty schema in the shared database, so classes neither
 * see nor disturb each other's rows, and migrations can be tested from scratch.
 */
public final class TestSchemas {

    private TestSchemas() {}

    /** Creates a fresh schema and returns a JDBC URL whose connections use it. */
    public static String freshSchemaUrl(SharedServers servers, String prefix) throws SQLException {
        return servers.freshSchemaUrl(prefix);
    }

    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }
}
