package vn.cantho.ioc.store;

import static vn.cantho.ioc.store.StoragePolicy.*;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DDL of migration V3 ({@code db.migration.V3__storage_tiers}) for both dialects. Readers see the
 * same relations and columns either way:
 * <ul>
 *   <li>{@code observations(device_id, metric, ts, value, domain, area_code, received_at)}</li>
 *   <li>{@code metric_agg_1m}, {@code metric_agg_1h}, {@code metric_agg_1d} with the columns of V1</li>
 * </ul>
 */
public final class StorageSchema {

    private static final Logger LOG = LoggerFactory.getLogger(StorageSchema.class);

    static final String OBSERVATIONS = """
            CREATE TABLE observations (
                device_id   text             NOT NULL,
                metric      text             NOT NULL,
                ts          timestamptz      NOT NULL,
                value       double precision NOT NULL,
                domain      text             NOT NULL,
                area_code   text,
                received_at timestamptz,
                PRIMARY KEY (device_id, metric, ts)
            )""";

    /** The watermark of {@link RollupMaintainer} (plain PostgreSQL only). */
    static final String WATERMARK = """
            CREATE TABLE rollup_watermark (
                name    text        PRIMARY KEY,
                through timestamptz NOT NULL
            )""";

    private StorageSchema() {}

    /** Runs inside Flyway's transaction for V3. */
    public static void create(Connection connection) throws SQLException {
        boolean timescale = StorageDialect.installed(connection) || StorageDialect.available(connection);
        executeAll(connection, timescale ? timescale() : plain());
        LOG.info("Storage tiers created for {}", timescale ? "TimescaleDB" : "plain PostgreSQL");
    }

    /** Runs the statements in order on one statement object (a migration's DDL, inside Flyway's transaction). */
    static void executeAll(Connection connection, List<String> ddl) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    static List<String> plain() {
        List<String> ddl = new ArrayList<>();
        ddl.add(OBSERVATIONS);
        ddl.add("CREATE INDEX observations_metric_ts_idx ON observations (metric, ts)");
        ddl.add("CREATE INDEX observations_ts_idx ON observations (ts)");
        // For the maintainer: which windows changed since its watermark, and retention by bucket.
        ddl.add("CREATE INDEX metric_agg_1m_updated_at_idx ON metric_agg_1m (updated_at)");
        ddl.add("CREATE INDEX metric_agg_1m_bucket_idx ON metric_agg_1m (bucket)");
        for (AggregateTier tier : List.of(AggregateTier.HOUR, AggregateTier.DAY)) {
            String t = tier.relation();
            ddl.add("CREATE TABLE " + t + " (LIKE metric_agg_1m INCLUDING DEFAULTS INCLUDING CONSTRAINTS,"
                    + " PRIMARY KEY (scope, entity_id, metric, bucket))");
            ddl.add("CREATE INDEX " + t + "_metric_bucket_idx ON " + t + " (metric, bucket)");
            ddl.add("CREATE INDEX " + t + "_metric_area_bucket_idx ON " + t + " (metric, area_code, bucket)");
        }
        ddl.add(WATERMARK);
        ddl.add("INSERT INTO rollup_watermark (name, through) VALUES ('" + RollupMaintainer.WATERMARK_NAME
                + "', '-infinity')");
        return ddl;
    }

    static List<String> timescale() {
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE EXTENSION IF NOT EXISTS timescaledb");
        ddl.add(OBSERVATIONS);
        ddl.add("SELECT create_hypertable('observations', 'ts', chunk_time_interval => INTERVAL '" + RAW_CHUNK + "')");
        ddl.add("CREATE INDEX observations_metric_ts_idx ON observations (metric, ts DESC)");
        // The primary key (scope, entity_id, metric, bucket) already contains the time column.
        ddl.add("SELECT create_hypertable('metric_agg_1m', 'bucket', chunk_time_interval => INTERVAL '" + MINUTE_CHUNK
                + "', migrate_data => true)");

        ddl.add("ALTER TABLE observations SET (timescaledb.compress,"
                + " timescaledb.compress_segmentby = 'device_id, metric', timescaledb.compress_orderby = 'ts DESC')");
        ddl.add("SELECT add_compression_policy('observations', INTERVAL '" + COMPRESS_AFTER + "')");
        ddl.add(
                "ALTER TABLE metric_agg_1m SET (timescaledb.compress,"
                        + " timescaledb.compress_segmentby = 'scope, entity_id, metric', timescaledb.compress_orderby = 'bucket DESC')");
        ddl.add("SELECT add_compression_policy('metric_agg_1m', INTERVAL '" + COMPRESS_AFTER + "')");
        ddl.add("SELECT add_retention_policy('observations', INTERVAL '" + RAW_RETENTION + "')");
        ddl.add("SELECT add_retention_policy('metric_agg_1m', INTERVAL '" + MINUTE_RETENTION + "')");

        ddl.add(continuousAggregate("metric_agg_1h_cagg", "INTERVAL '1 hour', bucket"));
        ddl.add(continuousAggregate(
                "metric_agg_1d_cagg", "INTERVAL '1 day', bucket, TIMESTAMPTZ '" + DAY_ORIGIN + "'"));
        ddl.add(readerView(AggregateTier.HOUR, "metric_agg_1h_cagg"));
        ddl.add(readerView(AggregateTier.DAY, "metric_agg_1d_cagg"));
        // Refresh windows start well before compression (7 days) so late windows are still rolled up, and
        // end before "now": the newest part comes from real-time aggregation (materialized_only = false).
        ddl.add("SELECT add_continuous_aggregate_policy('metric_agg_1h_cagg', start_offset => INTERVAL '3 days',"
                + " end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '15 minutes')");
        ddl.add("SELECT add_continuous_aggregate_policy('metric_agg_1d_cagg', start_offset => INTERVAL '7 days',"
                + " end_offset => INTERVAL '1 day', schedule_interval => INTERVAL '1 hour')");
        return ddl;
    }

    /**
     * Sums, extremes and the last value (the newest minute's last) per entity and bucket. Domain and area
     * are the newest minute's too, so a device that moved area yields one row, like on plain PostgreSQL.
     */
    private static String continuousAggregate(String name, String bucketArgs) {
        return "CREATE MATERIALIZED VIEW " + name
                + " WITH (timescaledb.continuous, timescaledb.materialized_only = false) AS"
                + " SELECT scope, entity_id, metric, time_bucket(" + bucketArgs + ") AS bucket,"
                + " last(domain, bucket) AS domain, last(area_code, bucket) AS area_code,"
                + " sum(sample_count)::bigint AS sample_count, sum(sum_value) AS sum_value,"
                + " min(min_value) AS min_value, max(max_value) AS max_value,"
                + " last(last_value, bucket) AS last_value, max(updated_at) AS updated_at"
                + " FROM metric_agg_1m"
                + " GROUP BY scope, entity_id, metric, time_bucket(" + bucketArgs + ")"
                + " WITH NO DATA";
    }

    /** The columns of {@code metric_agg_1m}, over a continuous aggregate. */
    private static String readerView(AggregateTier tier, String cagg) {
        return "CREATE VIEW " + tier.relation() + " AS"
                + " SELECT scope, entity_id, metric, domain, area_code, bucket,"
                + " bucket + INTERVAL '" + tier.width().toSeconds() + " seconds' AS bucket_end,"
                + " sample_count, sum_value, min_value, max_value,"
                + " sum_value / NULLIF(sample_count, 0) AS avg_value, last_value, updated_at"
                + " FROM " + cagg;
    }
}
