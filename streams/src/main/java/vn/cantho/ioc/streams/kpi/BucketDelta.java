package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change one feed record version makes to one {@link Bucket}: per slot, per sum, the new
 * contribution minus the replaced one. Value of the KPI topology's repartition topic.
 *
 * @param computedAt when the hub received the record version that caused the change
 */
public record BucketDelta(Bucket bucket, Map<String, Map<String, Double>> slots, Instant computedAt) {

    public BucketDelta {
        TreeMap<String, Map<String, Double>> copy = new TreeMap<>();
        slots.forEach((slot, sums) -> copy.put(slot, new TreeMap<>(sums)));
        slots = copy;
    }
}
