package vn.cantho.ioc.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import vn.cantho.ioc.model.Scope;

/**
 * Reads aggregates of one tier ({@code metric_agg_1m}, {@code metric_agg_1h} or {@code metric_agg_1d},
 * see {@link AggregateTier}) for the API: filtered, ordered by
 * (bucket, scope, entity id) and paged with a keyset cursor, so deep pages cost as little as the first.
 * Every value reaches the database as a bind parameter; the SQL text only ever contains the fixed
 * fragments below.
 */
public final class AggregateQueries {

    private static final String SELECT = """
            SELECT scope, entity_id, metric, domain, area_code, bucket, bucket_end, sample_count,
                   sum_value, min_value, max_value, avg_value, last_value, updated_at
            FROM %s
            WHERE metric = ?""";
    private static final String ORDER = " ORDER BY bucket, scope, entity_id LIMIT ?";

    private final DataSource dataSource;

    public AggregateQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database it reads, for readers of other tables that the API builds beside it. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * One page of the aggregates matching {@code query}.
     *
     * @throws StoreException when the database fails ({@link StoreUnavailableException} when it cannot
     *                        be reached or does not answer in time)
     */
    public AggregatePage find(AggregateQuery query) {
        StringBuilder sql = new StringBuilder(SELECT.formatted(query.tier().relation()));
        List<Object> params = new ArrayList<>();
        params.add(query.metric());
        if (query.scope() != null) {
            sql.append(" AND scope = ?");
            params.add(query.scope().id());
        }
        if (query.entityId() != null) {
            sql.append(" AND entity_id = ?");
            params.add(query.entityId());
        }
        if (query.areaCode() != null) {
            sql.append(" AND area_code = ?");
            params.add(query.areaCode());
        }
        if (query.from() != null) {
            sql.append(" AND bucket >= ?");
            params.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND bucket < ?");
            params.add(utc(query.to()));
        }
        AggregateCursor after = query.after();
        if (after != null) {
            // The plain range condition lets the planner use the (metric, bucket) indexes for the row comparison.
            sql.append(" AND bucket >= ? AND (bucket, scope, entity_id) > (?, ?, ?)");
            params.add(utc(after.bucket()));
            params.add(utc(after.bucket()));
            params.add(after.scope().id());
            params.add(after.entityId());
        }
        sql.append(ORDER);
        // One row more than asked tells whether another page exists.
        params.add(query.limit() + 1);
        List<AggregateRow> rows = run(sql.toString(), params, query.tier());
        if (rows.size() <= query.limit()) {
            return new AggregatePage(rows, null);
        }
        List<AggregateRow> page = rows.subList(0, query.limit());
        return new AggregatePage(page, page.get(page.size() - 1).cursor().encode());
    }

    private List<AggregateRow> run(String sql, List<Object> params, AggregateTier tier) {
        return ReadQuery.list(
                dataSource, sql, params, AggregateQueries::row, "reading aggregates from " + tier.relation());
    }

    private static AggregateRow row(ResultSet rs) throws SQLException {
        return new AggregateRow(
                Scope.of(rs.getString("scope")),
                rs.getString("entity_id"),
                rs.getString("metric"),
                rs.getString("domain"),
                rs.getString("area_code"),
                instant(rs, "bucket"),
                instant(rs, "bucket_end"),
                rs.getLong("sample_count"),
                rs.getDouble("sum_value"),
                rs.getDouble("min_value"),
                rs.getDouble("max_value"),
                rs.getObject("avg_value", Double.class),
                rs.getDouble("last_value"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
