package vn.cantho.ioc.api.aggregate;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/metrics/{metric}/aggregates}. {@code from} and {@code to} echo the
 * range actually used (after defaults), so a client can page a default query with a stable range.
 *
 * @param bucket     the tier the items come from: {@code 1m}, {@code 1h} or {@code 1d}
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last page
 */
public record AggregatesResponse(
        String metric,
        String unit,
        String bucket,
        Instant from,
        Instant to,
        List<AggregateItem> items,
        String nextCursor) {}
