package vn.cantho.ioc.store;

import java.time.Instant;
import vn.cantho.ioc.model.Scope;

/**
 * One stored one-minute window as read back from {@code metric_agg_1m}.
 *
 * @param areaCode  {@code null} for city-wide entities
 * @param avg       {@code null} for a window without samples
 * @param updatedAt when the sink last changed the row
 */
public record AggregateRow(
        Scope scope,
        String entityId,
        String metric,
        String domain,
        String areaCode,
        Instant bucket,
        Instant bucketEnd,
        long count,
        double sum,
        double min,
        double max,
        Double avg,
        double last,
        Instant updatedAt) {

    /** The cursor that continues after this row. */
    public AggregateCursor cursor() {
        return new AggregateCursor(bucket, scope, entityId);
    }
}
