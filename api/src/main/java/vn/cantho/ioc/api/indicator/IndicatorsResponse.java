package vn.cantho.ioc.api.indicator;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/indicators}.
 *
 * @param from       the {@code from} filter as understood, or {@code null}
 * @param to         the {@code to} filter as understood, or {@code null}
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last page
 */
public record IndicatorsResponse(Instant from, Instant to, List<IndicatorItem> items, String nextCursor) {}
