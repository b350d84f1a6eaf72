package vn.cantho.ioc.api.aggregate;

import java.time.Instant;
import vn.cantho.ioc.store.AggregateRow;

/**
 * One window (a minute, an hour or a day, per the request's {@code bucket}) as the API shows it. Statistics are {@code null} where the stored value is
 * not a finite number (an empty window), because JSON has no NaN or infinity.
 */
public record AggregateItem(
        String scope,
        String entityId,
        String domain,
        String areaCode,
        Instant bucket,
        Instant bucketEnd,
        long count,
        Double min,
        Double max,
        Double avg,
        Double sum,
        Double last) {

    static AggregateItem of(AggregateRow row) {
        return new AggregateItem(
                row.scope().id(),
                row.entityId(),
                row.domain(),
                row.areaCode(),
                row.bucket(),
                row.bucketEnd(),
                row.count(),
                finite(row.min()),
                finite(row.max()),
                finite(row.avg()),
                finite(row.sum()),
                finite(row.last()));
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
