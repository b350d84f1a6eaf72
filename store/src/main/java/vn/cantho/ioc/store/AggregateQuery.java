package vn.cantho.ioc.store;

import java.time.Instant;
import vn.cantho.ioc.model.Scope;

/**
 * Which one-minute aggregates to read: one metric, optionally narrowed by scope, entity, area and a
 * bucket range, one page at a time. A {@code null} filter means "any". Build with {@link #of(String)}
 * and the {@code with…} methods.
 *
 * @param from  first bucket start included, or {@code null}
 * @param to    bucket starts before this instant, or {@code null}
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param after continue after this row, or {@code null} for the first page
 * @param tier  which resolution to read ({@code metric_agg_1m}, {@code _1h} or {@code _1d})
 */
public record AggregateQuery(
        String metric,
        Scope scope,
        String entityId,
        String areaCode,
        Instant from,
        Instant to,
        int limit,
        AggregateCursor after,
        AggregateTier tier) {

    public static final int DEFAULT_LIMIT = 500;
    /** Keeps one page's memory and query time bounded whoever calls. */
    public static final int MAX_LIMIT = 10_000;

    public AggregateQuery {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("metric is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (tier == null) {
            throw new IllegalArgumentException("tier is required");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** A one-minute query. */
    public AggregateQuery(
            String metric,
            Scope scope,
            String entityId,
            String areaCode,
            Instant from,
            Instant to,
            int limit,
            AggregateCursor after) {
        this(metric, scope, entityId, areaCode, from, to, limit, after, AggregateTier.MINUTE);
    }

    /** Every aggregate of {@code metric}, first page of {@link #DEFAULT_LIMIT}. */
    public static AggregateQuery of(String metric) {
        return new AggregateQuery(metric, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public AggregateQuery withScope(Scope scope) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }

    public AggregateQuery withEntityId(String entityId) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }

    public AggregateQuery withAreaCode(String areaCode) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }

    public AggregateQuery withRange(Instant from, Instant to) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }

    public AggregateQuery withLimit(int limit) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }

    public AggregateQuery withTier(AggregateTier tier) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }

    public AggregateQuery after(AggregateCursor after) {
        return new AggregateQuery(metric, scope, entityId, areaCode, from, to, limit, after, tier);
    }
}
