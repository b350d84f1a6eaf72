package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running sums of one {@link Bucket}, per slot, and the newest time the hub received an input of
 * it. A slot whose sums are all zero is dropped, so a cell whose records were all corrected away is empty.
 */
public record BucketState(Bucket bucket, Map<String, Map<String, Double>> slots, Instant computedAt) {

    /** Sums closer to zero than this are rounding residue of adding and subtracting the same fractions. */
    static final double EPSILON = 1e-9;

    public BucketState {
        TreeMap<String, Map<String, Double>> copy = new TreeMap<>();
        slots.forEach((slot, sums) -> copy.put(slot, new TreeMap<>(sums)));
        slots = copy;
    }

    static BucketState empty(Bucket bucket) {
        return new BucketState(bucket, Map.of(), Instant.EPOCH);
    }

    /** This state with {@code delta} added. */
    BucketState apply(BucketDelta delta) {
        TreeMap<String, Map<String, Double>> next = new TreeMap<>();
        slots.forEach((slot, sums) -> next.put(slot, new TreeMap<>(sums)));
        delta.slots().forEach((slot, sums) -> {
            Map<String, Double> target = next.computeIfAbsent(slot, s -> new TreeMap<>());
            sums.forEach((name, value) -> {
                double sum = target.getOrDefault(name, 0.0) + value;
                if (Math.abs(sum) < EPSILON) {
                    target.remove(name);
                } else {
                    target.put(name, sum);
                }
            });
            if (target.isEmpty()) {
                next.remove(slot);
            }
        });
        Instant newest = delta.computedAt().isAfter(computedAt) ? delta.computedAt() : computedAt;
        return new BucketState(bucket, next, newest);
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    /** Whether {@code slot} has any non-zero sum. */
    boolean has(String slot) {
        return slots.containsKey(slot);
    }

    /** A sum of a slot; 0 when absent. */
    double sum(String slot, String name) {
        Map<String, Double> sums = slots.get(slot);
        return sums == null ? 0.0 : sums.getOrDefault(name, 0.0);
    }

    /** A sum of the default slot {@code ""}. */
    double sum(String name) {
        return sum("", name);
    }
}
