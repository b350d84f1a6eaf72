package vn.cantho.ioc.streams.aggregate;

import java.time.Instant;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/**
 * Running statistics of one series in one window, as kept in the window store. {@code last} is the
 * value with the latest event time, so out-of-order arrival does not change it. The empty state
 * only exists between the initializer and the first addition; it is never stored.
 */
public record WindowStats(Scope scope, String entityId, String metric, String domain, String areaCode, long count,
                          double sum, double min, double max, double last, Instant lastTs) {

    public static WindowStats empty() {
        return new WindowStats(null, null, null, null, null, 0, 0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, null);
    }

    public WindowStats add(Observation o) {
        boolean latest = lastTs == null || !o.ts().isBefore(lastTs);
        return new WindowStats(o.scope(), o.entityId(), o.metric(), o.domain(), o.areaCode(), count + 1,
                sum + o.value(), Math.min(min, o.value()), Math.max(max, o.value()), latest ? o.value() : last,
                latest ? o.ts() : lastTs);
    }

    public Aggregate toAggregate(Instant windowStart, Instant windowEnd) {
        return new Aggregate(Aggregate.SCHEMA_VERSION, scope, entityId, metric, domain, areaCode, windowStart,
                windowEnd, count, sum, min, max, last);
    }
}
