package vn.cantho.ioc.api.kpi;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/kpis/{id}}: the KPI's definition and one page of its values, oldest first.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; null on the last page
 */
public record KpiHistoryResponse(
        String indicator,
        String label,
        String unit,
        String domain,
        String scope,
        String granularity,
        Double target,
        String polarity,
        String description,
        Instant from,
        Instant to,
        List<KpiItem> items,
        String nextCursor) {}
