package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.testkit.SharedServers;

/** Migration V12 on a database that already holds raw data one row per value (V3's layout). */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReadingMigrationIT {

    @Test
    void rows_stored_one_per_value_become_one_row_per_reading_and_read_the_same_through_the_view() throws SQLException {
        // Given a database at V11 with values of two readings stored one row per value
        SharedServers servers = SharedServers.get();
        String url = TestSchemas.freshSchemaUrl(servers, "reading_migration");
        Flyway.configure()
                .dataSource(url, servers.dbUser(), servers.dbPassword())
                .locations("classpath:db/migration")
                .target("11")
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load()
                .migrate();
        String values = """
                INSERT INTO observations (device_id, metric, ts, value, domain, area_code, received_at) VALUES
                  ('aq-1', 'pm25', '2026-12-01 10:00:00+07', 12.5, 'environment', 'ninh-kieu', '2026-12-01 10:00:01+07'),
                  ('aq-1', 'pm10', '2026-12-01 10:00:00+07', 30, 'environment', 'ninh-kieu', '2026-12-01 10:00:01+07'),
                  ('aq-1', 'pm25', '2026-12-01 10:01:00+07', 13, 'environment', 'ninh-kieu', NULL),
                  ('rain-1', 'rain_mm', '2026-12-01 10:00:00+07', 0.4, 'flood', NULL, NULL)""";
        String read = "SELECT device_id || ' ' || metric || ' ' || ts || ' ' || value || ' ' || domain || ' '"
                + " || coalesce(area_code, '-') || ' ' || coalesce(received_at::text, '-') FROM observations"
                + " ORDER BY 1";
        List<String> before;
        try (Connection v11 = DriverManager.getConnection(url, servers.dbUser(), servers.dbPassword());
                Statement statement = v11.createStatement()) {
            statement.execute(values);
            before = strings(v11, read);
        }

        // When the hub opens the database (migrating it to the latest version)
        try (Database database = Database.open(url, servers.dbUser(), servers.dbPassword(), 2);
                Connection migrated = database.dataSource().getConnection()) {

            // Then each reading is one row, and observations reads exactly as before
            assertThat(strings(
                            migrated,
                            "SELECT device_id || ' ' || array_to_string(metrics, ',') FROM readings"
                                    + " ORDER BY device_id, ts"))
                    .containsExactly("aq-1 pm10,pm25", "aq-1 pm25", "rain-1 rain_mm");
            assertThat(strings(migrated, read)).isEqualTo(before).hasSize(4);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
