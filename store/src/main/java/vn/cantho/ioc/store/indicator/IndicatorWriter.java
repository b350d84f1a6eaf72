package vn.cantho.ioc.store.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.store.BatchWrite;
import vn.cantho.ioc.store.StoreException;
import vn.cantho.ioc.store.StoreUnavailableException;

/**
 * Writes indicator values to {@code indicator_values} (migration V4), as the indicator sink does for every
 * batch it reads from {@code ioc.indicators.v1}: one transaction, one prepared statement run as a JDBC batch,
 * upserting by the table's key (indicator, scope, entity, labels, granularity, period start). Idempotent, and
 * ordered by {@code computed_at}: a version computed earlier than the stored one never replaces it, so a
 * replayed or reordered delivery cannot bring an old value back. A version with the same {@code computed_at}
 * replaces the stored one: the streams stage stamps versions with the station's latest event time, which a
 * late reading does not advance, and Kafka delivers one period's versions in the order they were produced.
 */
public final class IndicatorWriter {

    static final String UPSERT = """
            INSERT INTO indicator_values (indicator, scope, entity_id, labels_key, granularity, period_start,
                                          period_end, domain, area_code, value, labels, attributes, computed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
            ON CONFLICT (indicator, scope, entity_id, labels_key, granularity, period_start) DO UPDATE SET
                period_end = EXCLUDED.period_end,
                domain = EXCLUDED.domain,
                area_code = EXCLUDED.area_code,
                value = EXCLUDED.value,
                labels = EXCLUDED.labels,
                attributes = EXCLUDED.attributes,
                computed_at = EXCLUDED.computed_at,
                updated_at = now()
            WHERE indicator_values.computed_at <= EXCLUDED.computed_at
              AND (indicator_values.period_end, indicator_values.domain, indicator_values.area_code,
                   indicator_values.value, indicator_values.labels, indicator_values.attributes,
                   indicator_values.computed_at)
                  IS DISTINCT FROM
                  (EXCLUDED.period_end, EXCLUDED.domain, EXCLUDED.area_code, EXCLUDED.value, EXCLUDED.labels,
                   EXCLUDED.attributes, EXCLUDED.computed_at)
            """;

    /** One global row order makes concurrent writers lock rows in the same order, so they cannot deadlock. */
    private static final Comparator<Indicator> ROW_ORDER = Comparator.comparing(Indicator::indicator)
            .thenComparing(i -> i.scope().id())
            .thenComparing(Indicator::entityId)
            .thenComparing(Indicator::labelsKey)
            .thenComparing(i -> i.granularity().id())
            .thenComparing(Indicator::periodStart);

    private final DataSource dataSource;

    public IndicatorWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Upserts the batch in one transaction: all of it or none of it.
     *
     * @return rows inserted or changed (with {@code reWriteBatchedInserts=true}: rows sent in statements that
     *         wrote any)
     * @throws IllegalArgumentException when a value lacks a field the table requires or is not finite;
     *                                  retrying cannot help
     * @throws StoreException           when the database fails ({@link StoreUnavailableException} when it cannot
     *                                  be reached); nothing was written, retry the same batch
     */
    public int upsert(Collection<Indicator> indicators) {
        List<Indicator> rows = newestPerKey(indicators);
        if (rows.isEmpty()) {
            return 0;
        }
        return BatchWrite.execute(
                dataSource,
                UPSERT,
                rows,
                IndicatorWriter::bind,
                "upserting " + rows.size() + " values into indicator_values");
    }

    /**
     * One version per key, the newest by {@code computed_at} (the later one in the batch on a tie), in
     * {@link #ROW_ORDER}: one multi-row {@code INSERT … ON CONFLICT} fails when it touches a row twice.
     */
    static List<Indicator> newestPerKey(Collection<Indicator> indicators) {
        Map<String, Indicator> byKey = new LinkedHashMap<>();
        int index = 0;
        for (Indicator indicator : indicators) {
            validate(indicator, index++);
            byKey.merge(
                    indicator.key(),
                    indicator,
                    (stored, next) -> next.computedAt().isBefore(stored.computedAt()) ? stored : next);
        }
        List<Indicator> rows = new ArrayList<>(byKey.values());
        rows.sort(ROW_ORDER);
        return rows;
    }

    private static void validate(Indicator indicator, int index) {
        if (indicator == null) {
            throw new IllegalArgumentException("indicator value #" + index + " is null");
        }
        String problem = problem(indicator);
        if (problem != null) {
            throw new IllegalArgumentException("indicator value #" + index + " "
                    + problem.substring("indicator value ".length()) + ": " + indicator);
        }
    }

    /**
     * Why the table cannot take this value (a required field missing, not finite), or null when it can; the
     * database sink dead-letters such a record instead of retrying it.
     */
    public static String problem(Indicator indicator) {
        if (isBlank(indicator.indicator())
                || indicator.scope() == null
                || isBlank(indicator.entityId())
                || isBlank(indicator.domain())
                || indicator.granularity() == null
                || indicator.periodStart() == null
                || indicator.periodEnd() == null
                || indicator.computedAt() == null) {
            return "indicator value lacks indicator, scope, entityId, domain, granularity, periodStart, periodEnd "
                    + "or computedAt";
        }
        return Double.isFinite(indicator.value()) ? null : "indicator value is not finite";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void bind(PreparedStatement statement, Indicator i) throws SQLException {
        statement.setString(1, i.indicator());
        statement.setString(2, i.scope().id());
        statement.setString(3, i.entityId());
        statement.setString(4, i.labelsKey());
        statement.setString(5, i.granularity().id());
        statement.setObject(6, utc(i.periodStart()));
        statement.setObject(7, utc(i.periodEnd()));
        statement.setString(8, i.domain());
        if (i.areaCode() == null) {
            statement.setNull(9, Types.VARCHAR);
        } else {
            statement.setString(9, i.areaCode());
        }
        statement.setDouble(10, i.value());
        statement.setString(11, json(i.labels()));
        statement.setString(12, json(i.attributes()));
        statement.setObject(13, utc(i.computedAt()));
    }

    private static String json(Map<String, String> map) {
        try {
            return Json.mapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + map + " as JSON", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
