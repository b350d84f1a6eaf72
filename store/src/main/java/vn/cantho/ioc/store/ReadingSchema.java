package vn.cantho.ioc.store;

import static vn.cantho.ioc.store.StoragePolicy.COMPRESS_AFTER;
import static vn.cantho.ioc.store.StoragePolicy.RAW_CHUNK;
import static vn.cantho.ioc.store.StoragePolicy.RAW_RETENTION;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDL of migration V12 ({@code db.migration.V12__one_row_per_reading}): raw data moves from one row per metric
 * value ({@code observations}, V3) to one row per reading ({@code readings}), and {@code observations} becomes a view
 * with the old columns, so every reader keeps its queries.
 *
 * <p>Why: PostgreSQL's cost of storing a value was the limit of the hub's data plane at 6 values per message. With a
 * text key {@code (device_id, metric, ts)} per value, each value paid a heap tuple, three index entries and a
 * uniqueness check; a reading's values now share one tuple and one key {@code (device_id, ts)} (measured ~10×
 * cheaper per value, docs/benchmarks.md). The rows already stored are moved into the new table.
 */
public final class ReadingSchema {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingSchema.class);

    static final String READINGS = """
            CREATE TABLE readings (
                device_id     text               NOT NULL,
                ts            timestamptz        NOT NULL,
                domain        text               NOT NULL,
                area_code     text,
                received_at   timestamptz,
                metrics       text[]             NOT NULL,
                metric_values double precision[] NOT NULL,
                PRIMARY KEY (device_id, ts),
                CONSTRAINT readings_one_value_per_metric
                    CHECK (cardinality(metrics) > 0 AND cardinality(metrics) = cardinality(metric_values))
            )""";

    /** The rows of V3's table, one per reading, metrics in name order; domain and area as stored for the first. */
    static final String MOVE = """
            INSERT INTO readings (device_id, ts, domain, area_code, received_at, metrics, metric_values)
            SELECT device_id, ts, (array_agg(domain ORDER BY metric))[1], (array_agg(area_code ORDER BY metric))[1],
                   max(received_at), array_agg(metric ORDER BY metric), array_agg(value ORDER BY metric)
            FROM observations
            GROUP BY device_id, ts""";

    /** V3's columns, one row per metric value, for readers (dashboards, drills, probes). */
    static final String VIEW = """
            CREATE VIEW observations AS
            SELECT r.device_id, v.metric, r.ts, v.value, r.domain, r.area_code, r.received_at
            FROM readings r CROSS JOIN LATERAL unnest(r.metrics, r.metric_values) AS v (metric, value)""";

    /** The dashboards' read-only role keeps reading raw data (V8), if it exists. */
    static final String GRANTS = """
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ioc_reader') THEN
                    EXECUTE format('GRANT SELECT ON %1$I.readings, %1$I.observations TO ioc_reader', current_schema());
                END IF;
            END
            $$""";

    private ReadingSchema() {}

    /** Runs inside Flyway's transaction for V12. */
    public static void create(Connection connection) throws SQLException {
        boolean timescale = StorageDialect.installed(connection);
        StorageSchema.executeAll(connection, timescale ? timescale() : plain());
        LOG.info("Raw data stored one row per reading ({})", timescale ? "TimescaleDB" : "plain PostgreSQL");
    }

    static List<String> plain() {
        List<String> ddl = new ArrayList<>();
        ddl.add(READINGS);
        // Retention deletes by time; a BRIN index costs inserts almost nothing, and rows arrive roughly in time order.
        ddl.add("CREATE INDEX readings_ts_brin ON readings USING brin (ts)");
        ddl.addAll(replaceObservations());
        return ddl;
    }

    static List<String> timescale() {
        List<String> ddl = new ArrayList<>();
        ddl.add(READINGS);
        ddl.add("SELECT create_hypertable('readings', 'ts', chunk_time_interval => INTERVAL '" + RAW_CHUNK + "')");
        ddl.add("ALTER TABLE readings SET (timescaledb.compress,"
                + " timescaledb.compress_segmentby = 'device_id', timescaledb.compress_orderby = 'ts DESC')");
        ddl.add("SELECT add_compression_policy('readings', INTERVAL '" + COMPRESS_AFTER + "')");
        ddl.add("SELECT add_retention_policy('readings', INTERVAL '" + RAW_RETENTION + "')");
        ddl.add("SELECT remove_retention_policy('observations', if_exists => true)");
        ddl.add("SELECT remove_compression_policy('observations', if_exists => true)");
        ddl.addAll(replaceObservations());
        return ddl;
    }

    /** Moves V3's rows into {@code readings} and puts the view in the table's place. */
    private static List<String> replaceObservations() {
        return List.of(MOVE, "DROP TABLE observations", VIEW, GRANTS);
    }
}
