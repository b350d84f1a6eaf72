package vn.cantho.ioc.streams.aggregate;

import java.time.Instant;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/**
 * Running statistics of one metric in one 1-minute window: count, sum, min, max and the value with the latest
 * event time ({@code last}, measured at {@code lastTs} epoch milliseconds), so arrival order does not change
 * {@code last}. Never empty: it is created from a first value. Part of the aggregation's state and of the
 * device windows sent to the area step.
 */
public record MetricStats(long count, double sum, double min, double max, double last, long lastTs) {

    public static MetricStats of(double value, long ts) {
        return new MetricStats(1, value, value, value, value, ts);
    }

    /**
     * One more value of the same device. At an equal event time the later arrival wins, as a device that sends two
     * values of a metric for one instant means the second.
     */
    public MetricStats add(double value, long ts) {
        boolean latest = ts >= lastTs;
        return new MetricStats(
                count + 1,
                sum + value,
                Math.min(min, value),
                Math.max(max, value),
                latest ? value : last,
                latest ? ts : lastTs);
    }

    /**
     * The statistics of both together, as if every value had been added to one: what an area's window is made of.
     * Commutative and associative, so the area result does not depend on the order its devices arrive in; at an equal
     * event time on two devices the larger value is {@code last} (any fixed choice would do, arrival order would not).
     */
    public MetricStats merge(MetricStats other) {
        long ts = Math.max(lastTs, other.lastTs);
        double latest;
        if (lastTs == other.lastTs) {
            latest = Math.max(last, other.last);
        } else {
            latest = lastTs > other.lastTs ? last : other.last;
        }
        return new MetricStats(
                count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max), latest, ts);
    }

    public Aggregate toAggregate(
            Scope scope, String entityId, String metric, String domain, String areaCode, long windowStart) {
        Instant start = Instant.ofEpochMilli(windowStart);
        return new Aggregate(
                Aggregate.SCHEMA_VERSION,
                scope,
                entityId,
                metric,
                domain,
                areaCode,
                start,
                start.plus(AggregationTopology.WINDOW),
                count,
                sum,
                min,
                max,
                last);
    }
}
