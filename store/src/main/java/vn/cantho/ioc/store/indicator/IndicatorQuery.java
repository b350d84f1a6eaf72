package vn.cantho.ioc.store.indicator;

import java.time.Instant;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Scope;

/**
 * Which indicator values to read, one page at a time. A {@code null} filter means "any". Build with
 * {@link #all()} and the {@code with…} methods.
 *
 * @param from  first period start included, or {@code null}
 * @param to    period starts before this instant, or {@code null}
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param after continue after this row, or {@code null} for the first page
 */
public record IndicatorQuery(
        String indicator,
        String domain,
        Scope scope,
        String entityId,
        String areaCode,
        Granularity granularity,
        Instant from,
        Instant to,
        int limit,
        IndicatorCursor after) {

    public static final int DEFAULT_LIMIT = 500;
    /** Keeps one page's memory and query time bounded whoever calls. */
    public static final int MAX_LIMIT = 10_000;

    public IndicatorQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** Every value, first page of {@link #DEFAULT_LIMIT}. */
    public static IndicatorQuery all() {
        return new IndicatorQuery(null, null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public IndicatorQuery withIndicator(String indicator) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withDomain(String domain) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withScope(Scope scope) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withEntityId(String entityId) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withAreaCode(String areaCode) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withGranularity(Granularity granularity) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withRange(Instant from, Instant to) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery withLimit(int limit) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }

    public IndicatorQuery after(IndicatorCursor after) {
        return new IndicatorQuery(indicator, domain, scope, entityId, areaCode, granularity, from, to, limit, after);
    }
}
