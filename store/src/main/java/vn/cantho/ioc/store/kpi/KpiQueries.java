package vn.cantho.ioc.store.kpi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.store.ReadQuery;
import vn.cantho.ioc.store.StoreException;

/**
 * Reads KPI values from {@code indicator_values} (written by the indicator sink) for the API, with the
 * registry's target and polarity applied: the latest value of every series (KPI, entity, labels) with
 * its previous period and the same period last year, and one KPI's history, paged with a keyset cursor.
 * Values of ids missing from the registry are left out. Every value is a bind parameter.
 */
public final class KpiQueries {

    private static final String COLUMNS = """
            v.indicator, v.scope, v.entity_id, v.area_code, v.labels_key, v.labels::text AS labels,
            v.granularity, v.period_start, v.period_end, v.value, v.attributes::text AS attributes, v.computed_at""";

    // The latest row per series, then its previous stored period and the same period a year earlier
    // (calendar periods only: 'instant' and 'hour' values have no meaningful last-year twin). A year
    // earlier is counted on the Vietnam-time calendar, whatever the session's time zone.
    private static final String LATEST = """
            SELECT %s,
                   prev.period_start AS prev_start, prev.value AS prev_value,
                   ly.period_start AS ly_start, ly.value AS ly_value
            FROM (SELECT DISTINCT ON (indicator, scope, entity_id, labels_key, granularity) *
                  FROM indicator_values
                  WHERE indicator = ANY (?) %s
                  ORDER BY indicator, scope, entity_id, labels_key, granularity, period_start DESC) v
            LEFT JOIN LATERAL (
                  SELECT p.period_start, p.value FROM indicator_values p
                  WHERE p.indicator = v.indicator AND p.scope = v.scope AND p.entity_id = v.entity_id
                    AND p.labels_key = v.labels_key AND p.granularity = v.granularity
                    AND p.period_start < v.period_start
                  ORDER BY p.period_start DESC LIMIT 1) prev ON true
            LEFT JOIN LATERAL (
                  SELECT p.period_start, p.value FROM indicator_values p
                  WHERE p.indicator = v.indicator AND p.scope = v.scope AND p.entity_id = v.entity_id
                    AND p.labels_key = v.labels_key AND p.granularity = v.granularity
                    AND v.granularity IN ('day', 'month', 'quarter', 'year')
                    AND p.period_start = ((v.period_start AT TIME ZONE 'Asia/Ho_Chi_Minh') - interval '1 year')
                                         AT TIME ZONE 'Asia/Ho_Chi_Minh') ly ON true
            ORDER BY v.indicator, v.scope, v.entity_id, v.labels_key""";

    private final DataSource dataSource;
    private final IndicatorRegistry registry;

    public KpiQueries(DataSource dataSource, IndicatorRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /**
     * The latest value of every series of the registry's KPIs, optionally of one domain, entity or area.
     *
     * @throws StoreException when the database fails
     */
    public List<KpiValue> latest(String domain, String entityId, String areaCode) {
        List<String> ids = registry.all().stream()
                .filter(d -> domain == null || d.domain().id().equals(domain))
                .map(IndicatorDefinition::id)
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder filters = new StringBuilder();
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(String[]::new));
        if (entityId != null) {
            filters.append(" AND entity_id = ?");
            params.add(entityId);
        }
        if (areaCode != null) {
            filters.append(" AND area_code = ?");
            params.add(areaCode);
        }
        return run(LATEST.formatted(COLUMNS, filters), params, true);
    }

    /**
     * One page of {@code query.indicator()}'s stored values, ordered by period start, scope, entity, labels.
     *
     * @throws IllegalArgumentException when the indicator is not in the registry
     * @throws StoreException           when the database fails
     */
    public KpiHistoryPage history(KpiHistoryQuery query) {
        if (registry.byId(query.indicator()).isEmpty()) {
            throw new IllegalArgumentException("indicator " + query.indicator() + " is not in the registry");
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM indicator_values v WHERE v.indicator = ?");
        List<Object> params = new ArrayList<>();
        params.add(query.indicator());
        if (query.entityId() != null) {
            sql.append(" AND v.entity_id = ?");
            params.add(query.entityId());
        }
        if (query.areaCode() != null) {
            sql.append(" AND v.area_code = ?");
            params.add(query.areaCode());
        }
        if (query.from() != null) {
            sql.append(" AND v.period_start >= ?");
            params.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND v.period_start < ?");
            params.add(utc(query.to()));
        }
        KpiCursor after = query.after();
        if (after != null) {
            sql.append(
                    " AND v.period_start >= ? AND (v.period_start, v.scope, v.entity_id, v.labels_key) > (?, ?, ?, ?)");
            params.add(utc(after.periodStart()));
            params.add(utc(after.periodStart()));
            params.add(after.scope());
            params.add(after.entityId());
            params.add(after.labelsKey());
        }
        sql.append(" ORDER BY v.period_start, v.scope, v.entity_id, v.labels_key LIMIT ?");
        // One row more than asked tells whether another page exists.
        params.add(query.limit() + 1);
        List<KpiValue> rows = run(sql.toString(), params, false);
        if (rows.size() <= query.limit()) {
            return new KpiHistoryPage(rows, null);
        }
        List<KpiValue> page = rows.subList(0, query.limit());
        KpiValue last = page.get(page.size() - 1);
        return new KpiHistoryPage(
                List.copyOf(page),
                new KpiCursor(last.periodStart(), last.scope().id(), last.entityId(), labelsKey(last.labels()))
                        .encode());
    }

    /** Values of KPIs no longer in the registry are left out. */
    private List<KpiValue> run(String sql, List<Object> params, boolean withComparisons) {
        return ReadQuery.list(
                dataSource,
                sql,
                params,
                rs -> row(rs, withComparisons).orElse(null),
                "reading KPI values from indicator_values");
    }

    private Optional<KpiValue> row(ResultSet rs, boolean withComparisons) throws SQLException {
        Optional<IndicatorDefinition> definition = registry.byId(rs.getString("indicator"));
        if (definition.isEmpty()) {
            return Optional.empty();
        }
        double value = rs.getDouble("value");
        PeriodValue previous = withComparisons ? period(rs, "prev_start", "prev_value") : null;
        PeriodValue lastYear = withComparisons ? period(rs, "ly_start", "ly_value") : null;
        return Optional.of(new KpiValue(
                definition.get(),
                Scope.of(rs.getString("scope")),
                rs.getString("entity_id"),
                rs.getString("area_code"),
                new TreeMap<>(map(rs.getString("labels"))),
                Granularity.of(rs.getString("granularity")),
                instant(rs, "period_start"),
                instant(rs, "period_end"),
                value,
                KpiValue.verdict(definition.get(), value),
                map(rs.getString("attributes")),
                instant(rs, "computed_at"),
                previous,
                lastYear));
    }

    private static PeriodValue period(ResultSet rs, String startColumn, String valueColumn) throws SQLException {
        OffsetDateTime start = rs.getObject(startColumn, OffsetDateTime.class);
        return start == null ? null : new PeriodValue(start.toInstant(), rs.getDouble(valueColumn));
    }

    private static Map<String, String> map(String json) throws SQLException {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Object> raw = Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
            Map<String, String> out = new TreeMap<>();
            raw.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
            return out;
        } catch (IOException e) {
            throw new SQLException("unreadable JSON in indicator_values: " + e.getMessage(), e);
        }
    }

    static String labelsKey(SortedMap<String, String> labels) {
        StringBuilder key = new StringBuilder();
        labels.forEach((k, v) ->
                key.append(key.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return key.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
