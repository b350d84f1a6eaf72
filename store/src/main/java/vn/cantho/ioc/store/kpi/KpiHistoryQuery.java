package vn.cantho.ioc.store.kpi;

import java.time.Instant;

/**
 * A page of one KPI's stored values, oldest first.
 *
 * @param entityId only this entity (agency, area, device or {@code can-tho}); null = every entity
 * @param areaCode only values of this area; null = any
 * @param from     period start at or after; null = no lower bound
 * @param to       period start before; null = no upper bound
 * @param after    continue after this cursor; null = first page
 */
public record KpiHistoryQuery(
        String indicator, String entityId, String areaCode, Instant from, Instant to, int limit, KpiCursor after) {

    public static final int MAX_LIMIT = 1000;

    public KpiHistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
