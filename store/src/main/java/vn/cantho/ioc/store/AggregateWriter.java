package vn.cantho.ioc.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.cantho.ioc.model.Aggregate;

/**
 * Writes one-minute aggregates to {@code metric_agg_1m}, as the sink does for every batch it reads
 * from Kafka. Idempotent: writing a batch again, or replaying older versions of a window, never
 * changes a stored row for the worse, so the sink may retry and Kafka may redeliver freely.
 */
public final class AggregateWriter {

    /**
     * Inserts a window or replaces it with a version that has at least as many samples; a window's count
     * only grows, so a replayed older version never overwrites a newer one. The IS DISTINCT FROM guard
     * skips identical rewrites: replays then cost no new row versions and leave {@code updated_at} alone.
     */
    static final String UPSERT = """
            INSERT INTO metric_agg_1m (scope, entity_id, metric, domain, area_code, bucket, bucket_end,
                                       sample_count, sum_value, min_value, max_value, avg_value, last_value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (scope, entity_id, metric, bucket) DO UPDATE SET
                domain = EXCLUDED.domain,
                area_code = EXCLUDED.area_code,
                bucket_end = EXCLUDED.bucket_end,
                sample_count = EXCLUDED.sample_count,
                sum_value = EXCLUDED.sum_value,
                min_value = EXCLUDED.min_value,
                max_value = EXCLUDED.max_value,
                avg_value = EXCLUDED.avg_value,
                last_value = EXCLUDED.last_value,
                updated_at = now()
            WHERE metric_agg_1m.sample_count <= EXCLUDED.sample_count
              AND (metric_agg_1m.domain, metric_agg_1m.area_code, metric_agg_1m.bucket_end,
                   metric_agg_1m.sample_count, metric_agg_1m.sum_value, metric_agg_1m.min_value,
                   metric_agg_1m.max_value, metric_agg_1m.last_value)
                  IS DISTINCT FROM
                  (EXCLUDED.domain, EXCLUDED.area_code, EXCLUDED.bucket_end, EXCLUDED.sample_count,
                   EXCLUDED.sum_value, EXCLUDED.min_value, EXCLUDED.max_value, EXCLUDED.last_value)
            """;

    /** One global row order makes concurrent writers lock rows in the same order, so they cannot deadlock. */
    private static final Comparator<Aggregate> ROW_ORDER = Comparator.comparing(
                    (Aggregate a) -> a.scope().id())
            .thenComparing(Aggregate::entityId)
            .thenComparing(Aggregate::metric)
            .thenComparing(Aggregate::windowStart);

    private final DataSource dataSource;

    public AggregateWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Upserts the batch in one transaction: all of it or none of it.
     *
     * @return how many rows were inserted or changed. Exact unless the JDBC URL sets
     *         {@code reWriteBatchedInserts=true}: then the driver cannot tell, within a multi-row
     *         statement that wrote something, which rows it skipped, and counts them all as written
     * @throws IllegalArgumentException when an aggregate lacks a field the table requires; retrying
     *                                  cannot help, the batch must be fixed
     * @throws StoreException           when the database fails ({@link StoreUnavailableException} when
     *                                  it cannot be reached); nothing was written, retry the same batch
     */
    public int upsert(Collection<Aggregate> aggregates) {
        List<Aggregate> rows = latestPerWindow(aggregates);
        if (rows.isEmpty()) {
            return 0;
        }
        return BatchWrite.execute(
                dataSource,
                UPSERT,
                rows,
                AggregateWriter::bind,
                "upserting " + rows.size() + " aggregates into metric_agg_1m");
    }

    /**
     * The last occurrence of each window, in {@link #ROW_ORDER}. Needed because one multi-row
     * {@code INSERT … ON CONFLICT} (what the driver makes of a batch with {@code reWriteBatchedInserts})
     * fails when it touches the same row twice.
     */
    static List<Aggregate> latestPerWindow(Collection<Aggregate> aggregates) {
        Map<String, Aggregate> byKey = new LinkedHashMap<>();
        int index = 0;
        for (Aggregate aggregate : aggregates) {
            validate(aggregate, index++);
            byKey.put(aggregate.key(), aggregate);
        }
        List<Aggregate> rows = new ArrayList<>(byKey.values());
        rows.sort(ROW_ORDER);
        return rows;
    }

    private static void validate(Aggregate aggregate, int index) {
        if (aggregate == null) {
            throw new IllegalArgumentException("aggregate #" + index + " is null");
        }
        String problem = problem(aggregate);
        if (problem != null) {
            throw new IllegalArgumentException(
                    "aggregate #" + index + " " + problem.substring("aggregate ".length()) + ": " + aggregate);
        }
    }

    /**
     * Why the table cannot take this aggregate (a required field missing, a negative count), or null when it can;
     * the database sink dead-letters such a record instead of retrying it.
     */
    public static String problem(Aggregate aggregate) {
        if (aggregate.scope() == null
                || isBlank(aggregate.entityId())
                || isBlank(aggregate.metric())
                || isBlank(aggregate.domain())
                || aggregate.windowStart() == null
                || aggregate.windowEnd() == null) {
            return "aggregate lacks scope, entityId, metric, domain, windowStart or windowEnd";
        }
        return aggregate.count() < 0 ? "aggregate has a negative count" : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void bind(PreparedStatement statement, Aggregate a) throws SQLException {
        statement.setString(1, a.scope().id());
        statement.setString(2, a.entityId());
        statement.setString(3, a.metric());
        statement.setString(4, a.domain());
        if (a.areaCode() == null) {
            statement.setNull(5, Types.VARCHAR);
        } else {
            statement.setString(5, a.areaCode());
        }
        statement.setObject(6, utc(a.windowStart()));
        statement.setObject(7, utc(a.windowEnd()));
        statement.setLong(8, a.count());
        statement.setDouble(9, a.sum());
        statement.setDouble(10, a.min());
        statement.setDouble(11, a.max());
        if (a.count() == 0) {
            statement.setNull(12, Types.DOUBLE);
        } else {
            statement.setDouble(12, a.avg());
        }
        statement.setDouble(13, a.last());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
