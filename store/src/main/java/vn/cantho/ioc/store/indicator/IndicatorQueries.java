package vn.cantho.ioc.store.indicator;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.ReadQuery;
import vn.cantho.ioc.store.StoreException;
import vn.cantho.ioc.store.StoreUnavailableException;

/**
 * Reads {@code indicator_values} for the API: filtered pages in a stable order with a keyset cursor (deep pages
 * cost as little as the first), and the latest value of an indicator per entity. Every value reaches the
 * database as a bind parameter; the SQL text only ever contains the fixed fragments below.
 */
public final class IndicatorQueries {

    private static final String COLUMNS = """
            indicator, scope, entity_id, labels_key, granularity, period_start, period_end, domain, area_code, value,
            labels::text AS labels, attributes::text AS attributes, computed_at
            FROM indicator_values""";
    private static final String SELECT = "SELECT " + COLUMNS;
    private static final String SELECT_LATEST = "SELECT DISTINCT ON (scope, entity_id, labels_key) " + COLUMNS;
    private static final String PAGE_ORDER =
            " ORDER BY period_start, indicator, scope, entity_id, labels_key, granularity LIMIT ?";

    private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private final DataSource dataSource;

    public IndicatorQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One page of the values matching {@code query}.
     *
     * @throws StoreException when the database fails ({@link StoreUnavailableException} when it cannot be
     *                        reached or does not answer in time)
     */
    public IndicatorPage find(IndicatorQuery query) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "indicator", query.indicator());
        filter(sql, params, "domain", query.domain());
        filter(
                sql,
                params,
                "scope",
                query.scope() == null ? null : query.scope().id());
        filter(sql, params, "entity_id", query.entityId());
        filter(sql, params, "area_code", query.areaCode());
        filter(
                sql,
                params,
                "granularity",
                query.granularity() == null ? null : query.granularity().id());
        if (query.from() != null) {
            sql.append(" AND period_start >= ?");
            params.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND period_start < ?");
            params.add(utc(query.to()));
        }
        IndicatorCursor after = query.after();
        if (after != null) {
            // The plain range condition lets the planner bound the scan before the row comparison.
            sql.append(" AND period_start >= ?"
                    + " AND (period_start, indicator, scope, entity_id, labels_key, granularity) > (?, ?, ?, ?, ?, ?)");
            params.add(utc(after.periodStart()));
            params.add(utc(after.periodStart()));
            params.add(after.indicator());
            params.add(after.scope().id());
            params.add(after.entityId());
            params.add(after.labelsKey());
            params.add(after.granularity().id());
        }
        sql.append(PAGE_ORDER);
        // One row more than asked tells whether another page exists.
        params.add(query.limit() + 1);
        List<Indicator> rows = run(sql.toString(), params);
        if (rows.size() <= query.limit()) {
            return new IndicatorPage(rows, null);
        }
        List<Indicator> page = rows.subList(0, query.limit());
        return new IndicatorPage(
                page, IndicatorCursor.of(page.get(page.size() - 1)).encode());
    }

    /**
     * The value with the latest period of {@code indicator} for every entity (and label set) that has one,
     * ordered by entity.
     *
     * @param areaCode only entities of this area, or {@code null} for all
     */
    public List<Indicator> latest(String indicator, String areaCode) {
        StringBuilder sql = new StringBuilder(SELECT_LATEST).append(" WHERE indicator = ?");
        List<Object> params = new ArrayList<>();
        params.add(indicator);
        filter(sql, params, "area_code", areaCode);
        sql.append(" ORDER BY scope, entity_id, labels_key, period_start DESC");
        return run(sql.toString(), params);
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private List<Indicator> run(String sql, List<Object> params) {
        return ReadQuery.list(dataSource, sql, params, IndicatorQueries::row, "reading indicator_values");
    }

    private static Indicator row(ResultSet rs) throws SQLException {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                rs.getString("indicator"),
                Scope.of(rs.getString("scope")),
                rs.getString("entity_id"),
                rs.getString("domain"),
                rs.getString("area_code"),
                Granularity.of(rs.getString("granularity")),
                instant(rs, "period_start"),
                instant(rs, "period_end"),
                rs.getDouble("value"),
                map(rs.getString("labels")),
                map(rs.getString("attributes")),
                instant(rs, "computed_at"));
    }

    private static TreeMap<String, String> map(String json) throws SQLException {
        try {
            return Json.mapper().readValue(json, STRING_MAP);
        } catch (IOException e) {
            throw new SQLException("indicator_values holds a JSON object that is not string to string: " + json, e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
