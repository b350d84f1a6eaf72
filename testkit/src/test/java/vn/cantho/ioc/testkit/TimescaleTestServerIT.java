package vn.cantho.ioc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.embedded.OrphanMaker;

/**
 * Proves the TimescaleDB test harness for the storage layer: the TimescaleDB features it relies on work over JDBC,
 * and the server's quirks (one shared session, exclusive transactions, no job scheduler) are as documented in
 * {@link TimescaleTestServer} and infra/pglite/README.md. Each test works in a schema of its own.
 */
@Tag("timescaledb")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TimescaleTestServerIT {

    private static TimescaleTestServer server;

    private String schema;

    @TempDir
    Path tempDir;

    @BeforeAll
    static void startServer() {
        server = TimescaleTestServer.shared();
    }

    @BeforeEach
    void createSchema() throws SQLException {
        schema = SharedServers.uniqueName("ts");
        try (Connection connection = connect()) {
            execute(connection, "CREATE SCHEMA " + schema);
        }
    }

    @Test
    void timescaledb_is_installed_in_postgresql_17() throws Exception {
        // Given
        try (Connection connection = connect()) {

            // When
            String extension =
                    queryString(connection, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
            String version = queryString(connection, "SHOW server_version");

            // Then
            assertThat(extension).startsWith("2.");
            assertThat(version).startsWith("17.");
            assertThat(server.readyLine()).contains("timescaledb=" + extension);
            // PGlite's default of debug3 would turn every statement's DEBUG notices into SQLWarnings
            assertThat(queryString(connection, "SHOW client_min_messages")).isEqualTo("notice");
        }
    }

    @Test
    void a_jdbc_batch_goes_into_a_hypertable_as_rewritten_multi_row_inserts() throws Exception {
        try (Connection connection = connect()) {
            // Given a hypertable with one-day chunks
            createReadings(connection);
            Instant start = Instant.parse("2025-01-01T00:00:00Z");

            // When 5000 readings three minutes apart (about 10.4 days) are inserted in one batch
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + schema + ".readings (ts, sensor, value) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 5_000; i++) {
                    insert.setTimestamp(1, Timestamp.from(start.plus(3L * i, ChronoUnit.MINUTES)));
                    insert.setString(2, "s" + (i % 3));
                    insert.setDouble(3, i);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }

            // Then reWriteBatchedInserts=true made PgJDBC send multi-row INSERTs, which report no per-row count
            assertThat(counts).hasSize(5_000).containsOnly(Statement.SUCCESS_NO_INFO);
            assertThat(queryLong(connection, "SELECT count(*) FROM " + schema + ".readings"))
                    .isEqualTo(5_000);
            assertThat(chunkCount(connection, "readings")).isEqualTo(11);
        }
    }

    @Test
    void a_continuous_aggregate_is_filled_by_a_refresh_and_by_its_policy_run_with_run_job() throws Exception {
        try (Connection connection = connect()) {
            // Given a continuous aggregate over two days of readings, not yet materialized
            createReadings(connection);
            insertMinutely(connection, "now() - interval '3 days'", "now() - interval '1 day'");
            execute(
                    connection,
                    "CREATE MATERIALIZED VIEW " + schema + ".readings_hourly"
                            + " WITH (timescaledb.continuous) AS"
                            + " SELECT time_bucket('1 hour', ts) AS bucket, sensor, avg(value) AS avg_value, count(*) AS n"
                            + " FROM " + schema + ".readings GROUP BY bucket, sensor WITH NO DATA");
            assertThat(queryLong(connection, "SELECT count(*) FROM " + schema + ".readings_hourly"))
                    .isZero();

            // When it is refreshed
            execute(connection, "CALL refresh_continuous_aggregate('" + schema + ".readings_hourly', NULL, NULL)");

            // Then it holds exactly the hourly aggregates of the raw data
            assertThat(queryLong(connection, "SELECT sum(n) FROM " + schema + ".readings_hourly"))
                    .isEqualTo(queryLong(connection, "SELECT count(*) FROM " + schema + ".readings"));
            assertThat(queryLong(
                            connection,
                            "SELECT count(*) FROM ("
                                    + " SELECT time_bucket('1 hour', ts), sensor, avg(value), count(*) FROM " + schema
                                    + ".readings GROUP BY 1, 2"
                                    + " EXCEPT SELECT bucket, sensor, avg_value, n FROM " + schema
                                    + ".readings_hourly) AS missing"))
                    .isZero();

            // When newer readings arrive and the refresh policy is run by hand
            long materialized = queryLong(connection, "SELECT sum(n) FROM " + schema + ".readings_hourly");
            insertMinutely(connection, "now() - interval '1 day' + interval '1 minute'", "now() - interval '2 hours'");
            int job = queryInt(
                    connection,
                    "SELECT add_continuous_aggregate_policy('" + schema + ".readings_hourly',"
                            + " start_offset => interval '3 days', end_offset => interval '1 hour', schedule_interval => interval '1 hour')");
            execute(connection, "CALL run_job(" + job + ")");

            // Then they are materialized too
            assertThat(queryLong(connection, "SELECT sum(n) FROM " + schema + ".readings_hourly"))
                    .isGreaterThan(materialized)
                    .isEqualTo(queryLong(connection, "SELECT count(*) FROM " + schema + ".readings"));
        }
    }

    @Test
    void compression_and_retention_policies_do_their_work_when_run_with_run_job() throws Exception {
        try (Connection connection = connect()) {
            // Given ten days of readings in one-day chunks, compression enabled
            createReadings(connection);
            insertMinutely(connection, "now() - interval '10 days'", "now()");
            execute(
                    connection,
                    "ALTER TABLE " + schema + ".readings SET (timescaledb.compress,"
                            + " timescaledb.compress_segmentby = 'sensor', timescaledb.compress_orderby = 'ts DESC')");
            long rows = queryLong(connection, "SELECT count(*) FROM " + schema + ".readings");
            double sum = queryDouble(connection, "SELECT sum(value) FROM " + schema + ".readings");

            // When a compression policy is added, scheduled every second
            int compression = queryInt(
                    connection,
                    "SELECT add_compression_policy('" + schema + ".readings',"
                            + " compress_after => interval '3 days', schedule_interval => interval '1 second')");
            Thread.sleep(2_000);

            // Then nothing happens by itself: PGlite has no background worker to run the job scheduler
            assertThat(compressedChunkCount(connection)).isZero();

            // When the job is run by hand
            execute(connection, "CALL run_job(" + compression + ")");

            // Then every chunk older than three days is compressed and the data reads the same
            assertThat(compressedChunkCount(connection)).isGreaterThanOrEqualTo(7);
            assertThat(queryLong(
                            connection,
                            "SELECT count(*) FROM timescaledb_information.chunks"
                                    + " WHERE hypertable_schema = '" + schema + "' AND NOT is_compressed"
                                    + " AND range_end < now() - interval '3 days'"))
                    .isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM " + schema + ".readings"))
                    .isEqualTo(rows);
            assertThat(queryDouble(connection, "SELECT sum(value) FROM " + schema + ".readings"))
                    .isEqualTo(sum);

            // When a retention policy is added and run by hand
            int chunksBefore = chunkCount(connection, "readings");
            int retention = queryInt(
                    connection,
                    "SELECT add_retention_policy('" + schema + ".readings'," + " drop_after => interval '5 days')");
            try (PreparedStatement run = connection.prepareStatement("CALL run_job(?)")) {
                run.setInt(1, retention);
                run.execute();
            }

            // Then the chunks entirely older than five days are dropped, compressed or not
            assertThat(chunkCount(connection, "readings")).isLessThan(chunksBefore);
            assertThat(queryLong(
                            connection,
                            "SELECT count(*) FROM timescaledb_information.chunks" + " WHERE hypertable_schema = '"
                                    + schema + "' AND range_end < now() - interval '5 days'"))
                    .isZero();
            assertThat(queryLong(
                            connection,
                            "SELECT count(*) FROM " + schema + ".readings" + " WHERE ts < now() - interval '6 days'"))
                    .isZero();
            assertThat(queryLong(
                            connection,
                            "SELECT count(*) FROM " + schema + ".readings" + " WHERE ts > now() - interval '5 days'"))
                    .isPositive();
        }
    }

    @Test
    void time_bucket_gapfill_fills_the_missing_buckets() throws Exception {
        try (Connection connection = connect()) {
            // Given readings at 00:10, 01:20 and 04:30 only
            createReadings(connection);
            execute(
                    connection,
                    "INSERT INTO " + schema + ".readings (ts, sensor, value) VALUES"
                            + " ('2025-03-01 00:10:00+00', 'a', 1), ('2025-03-01 01:20:00+00', 'a', 2),"
                            + " ('2025-03-01 04:30:00+00', 'a', 5)");

            // When hourly buckets from 00:00 to 06:00 are asked for
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT time_bucket_gapfill('1 hour', ts) AS bucket,"
                            + " avg(value), locf(avg(value)), interpolate(avg(value))"
                            + " FROM " + schema + ".readings"
                            + " WHERE ts >= '2025-03-01 00:00:00+00' AND ts < '2025-03-01 06:00:00+00'"
                            + " GROUP BY bucket ORDER BY bucket")) {
                while (result.next()) {
                    rows.add(result.getTimestamp(1).toInstant() + " " + result.getString(2) + " " + result.getString(3)
                            + " " + result.getString(4));
                }
            }

            // Then every hour has a row: gaps are NULL, carried forward by locf, interpolated linearly
            assertThat(rows)
                    .containsExactly(
                            "2025-03-01T00:00:00Z 1 1 1",
                            "2025-03-01T01:00:00Z 2 2 2",
                            "2025-03-01T02:00:00Z null 2 3",
                            "2025-03-01T03:00:00Z null 2 4",
                            "2025-03-01T04:00:00Z 5 5 5",
                            "2025-03-01T05:00:00Z null 5 null");
        }
    }

    @Test
    void all_connections_share_one_session_whose_state_outlives_them() throws Exception {
        // Given a connection that sets a session setting and creates a temporary table, then closes
        String marker = SharedServers.uniqueName("marker");
        try (Connection first = connect()) {
            execute(first, "SELECT set_config('ioc.test_marker', '" + marker + "', false)");
            execute(first, "CREATE TEMPORARY TABLE " + marker + " (x int)");
        }

        // When another connection looks
        try (Connection second = connect()) {

            // Then it sees both: they belong to the one PostgreSQL session behind every connection
            assertThat(queryString(second, "SELECT current_setting('ioc.test_marker')"))
                    .isEqualTo(marker);
            assertThat(queryLong(second, "SELECT count(*) FROM pg_temp." + marker))
                    .isZero();
            assertThat(queryString(second, "SELECT current_user")).isEqualTo("postgres");
            execute(second, "DROP TABLE pg_temp." + marker);
            execute(second, "RESET ioc.test_marker");
        }
    }

    @Test
    void statements_of_other_connections_wait_while_a_transaction_is_open() throws Exception {
        try (Connection writer = connect();
                Connection reader = connect()) {
            execute(writer, "CREATE TABLE " + schema + ".t (x int)");

            // Given an open transaction with an uncommitted row
            writer.setAutoCommit(false);
            execute(writer, "INSERT INTO " + schema + ".t VALUES (1)");

            // When another connection queries from another thread
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return queryLong(reader, "SELECT count(*) FROM " + schema + ".t");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            // Then it waits for the transaction to end (there are no concurrent transactions, so no isolation
            // levels to observe) and then sees the committed row
            Thread.sleep(1_000);
            assertThat(read).isNotDone();
            writer.commit();
            assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void connections_can_run_the_same_prepared_statements_one_after_another_and_at_once() throws Exception {
        // Given prepareThreshold=0 in the URL, so PgJDBC names no server-side statements (S_1...) that would
        // clash in the shared session; here more executions than PgJDBC's default threshold of 5
        String sql = "SELECT ?::int * 2, ?::text";
        for (int round = 0; round < 2; round++) {
            try (Connection connection = connect()) {
                for (int i = 0; i < 10; i++) {
                    assertThat(doubled(connection, sql, i, "r" + round)).isEqualTo((i * 2) + " r" + round);
                }
            }
        }

        // When eight connections run queries at the same time
        List<CompletableFuture<List<String>>> workers = IntStream.range(0, 8)
                .mapToObj(w -> CompletableFuture.supplyAsync(() -> {
                    List<String> wrong = new ArrayList<>();
                    try (Connection connection = connect()) {
                        for (int i = 0; i < 100; i++) {
                            String answer = doubled(connection, sql, i, "w" + w);
                            if (!answer.equals((i * 2) + " w" + w)) {
                                wrong.add(answer);
                            }
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return wrong;
                }))
                .toList();

        // Then every one gets its own answers
        for (CompletableFuture<List<String>> worker : workers) {
            assertThat(worker.get(60, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void a_server_with_a_data_directory_keeps_its_data_across_a_clean_restart() throws Exception {
        // Given a server on a data directory with one row written
        Path dataDir = tempDir.resolve("pgdata");
        long pid;
        try (TimescaleTestServer first = new TimescaleTestServer(Optional.of(dataDir))) {
            first.start();
            pid = first.pid();
            try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password())) {
                execute(connection, "CREATE TABLE kept (x int)");
                execute(connection, "INSERT INTO kept VALUES (42)");
            }
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

        // When it is started again on the same directory
        try (TimescaleTestServer second = new TimescaleTestServer(Optional.of(dataDir))) {
            second.start();

            // Then the row is there and the extension was not created twice
            try (Connection connection =
                    DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password())) {
                assertThat(queryLong(connection, "SELECT x FROM kept")).isEqualTo(42);
                assertThat(queryLong(connection, "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void the_server_stops_when_the_jvm_that_started_it_is_killed() throws Exception {
        // Given / When a JVM starts a server and is killed with SIGKILL, so no shutdown hook runs
        Path dir = tempDir.resolve("orphan");
        OrphanMaker.startAndKillParent("timescale", dir);

        // Then node sees its stdin pipe close and exits by itself
        long pid = Long.parseLong(Files.readString(dir.resolve("node.pid"), StandardCharsets.UTF_8)
                .trim());
        ProcessHandle node = ProcessHandle.of(pid).orElse(null);
        if (node != null) {
            assertThat(node.onExit()
                            .completeOnTimeout(node, 20, TimeUnit.SECONDS)
                            .join()
                            .isAlive())
                    .as("node (pid %d) still running", pid)
                    .isFalse();
        }
    }

    @Test
    void a_server_that_cannot_start_reports_its_output() throws Exception {
        // Given a data directory PGlite cannot use
        Path dataDir = Files.createDirectories(tempDir.resolve("broken"));
        Files.writeString(dataDir.resolve("PG_VERSION"), "9.6\n");

        // When / Then
        try (TimescaleTestServer broken = new TimescaleTestServer(Optional.of(dataDir))) {
            assertThatThrownBy(broken::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Could not start the TimescaleDB test server")
                    .hasMessageContaining("[pglite-server] could not start");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private void createReadings(Connection connection) throws SQLException {
        execute(
                connection,
                "CREATE TABLE " + schema + ".readings"
                        + " (ts timestamptz NOT NULL, sensor text NOT NULL, value double precision NOT NULL)");
        execute(connection, "SELECT create_hypertable('" + schema + ".readings', by_range('ts', interval '1 day'))");
    }

    /** One reading per minute for each of three sensors between two SQL timestamp expressions. */
    private void insertMinutely(Connection connection, String from, String to) throws SQLException {
        execute(
                connection,
                "INSERT INTO " + schema + ".readings (ts, sensor, value)"
                        + " SELECT t, 's' || s, extract(epoch FROM t)::bigint % 1000 + s"
                        + " FROM generate_series(" + from + ", " + to
                        + ", interval '1 minute') AS t, generate_series(1, 3) AS s");
    }

    private int chunkCount(Connection connection, String table) throws SQLException {
        return (int) queryLong(
                connection,
                "SELECT count(*) FROM timescaledb_information.chunks" + " WHERE hypertable_schema = '" + schema
                        + "' AND hypertable_name = '" + table + "'");
    }

    private long compressedChunkCount(Connection connection) throws SQLException {
        return queryLong(
                connection,
                "SELECT count(*) FROM timescaledb_information.chunks" + " WHERE hypertable_schema = '" + schema
                        + "' AND is_compressed");
    }

    private static String doubled(Connection connection, String sql, int value, String tag) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, value);
            statement.setString(2, tag);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1) + " " + result.getString(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        return Long.parseLong(queryString(connection, sql));
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        return Integer.parseInt(queryString(connection, sql));
    }

    private static double queryDouble(Connection connection, String sql) throws SQLException {
        return Double.parseDouble(queryString(connection, sql));
    }
}
