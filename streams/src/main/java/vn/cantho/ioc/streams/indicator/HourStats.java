package vn.cantho.ioc.streams.indicator;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running statistics of one station's readings in one hourly window, per metric, as kept in the hourly window
 * store. Only the metrics the indicators use are added (pollutants and water level). The empty value only
 * exists between the initializer and the first addition.
 *
 * @param metrics per metric id its statistics in this hour
 * @param latestTs latest event time among the readings of the hour
 */
public record HourStats(Map<String, MetricHour> metrics, Instant latestTs) {

    public HourStats {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static HourStats empty() {
        return new HourStats(Map.of(), null);
    }

    /**
     * This hour with one more reading, measured at {@code ts}: one value per metric. One copy of the map per reading,
     * not per value (this runs for every reading of every station).
     */
    public HourStats add(Map<String, Double> values, Instant ts) {
        Map<String, MetricHour> next = new TreeMap<>(metrics);
        values.forEach((metric, value) -> next.merge(metric, MetricHour.of(value, ts), MetricHour::plus));
        return new HourStats(next, latestTs == null || ts.isAfter(latestTs) ? ts : latestTs);
    }

    /**
     * Count, sum, extremes and latest value (by event time) of one metric in one hour.
     *
     * @param last   the value with the latest event time, so out-of-order arrival does not change it
     * @param lastTs its event time
     */
    public record MetricHour(long count, double sum, double min, double max, double last, Instant lastTs) {

        static MetricHour of(double value, Instant ts) {
            return new MetricHour(1, value, value, value, value, ts);
        }

        MetricHour plus(MetricHour other) {
            boolean otherIsLater = other.lastTs.isAfter(lastTs);
            return new MetricHour(
                    count + other.count,
                    sum + other.sum,
                    Math.min(min, other.min),
                    Math.max(max, other.max),
                    otherIsLater ? other.last : last,
                    otherIsLater ? other.lastTs : lastTs);
        }

        /** The hourly mean. */
        public double mean() {
            return sum / count;
        }
    }
}
