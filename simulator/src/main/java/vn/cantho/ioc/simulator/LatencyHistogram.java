package vn.cantho.ioc.simulator;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of latencies in microseconds with about 3 % resolution (32 buckets per power of two),
 * from 1 µs to hours, in a fixed 9 KiB: enough for percentiles of millions of samples.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKETS = 32;
    private static final int BUCKETS = 64 * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        counts.incrementAndGet(index(Math.max(0, nanos / 1000)));
    }

    long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The latency in milliseconds below which a share {@code quantile} (0 to 1) of the samples lie; 0 if none. */
    double percentileMillis(double quantile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upperMicros(i) / 1000.0;
            }
        }
        return upperMicros(BUCKETS - 1) / 1000.0;
    }

    static int index(long micros) {
        if (micros < 2 * SUB_BUCKETS) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        int shift = exponent - 5;
        return Math.min(BUCKETS - 1, shift * SUB_BUCKETS + (int) (micros >> shift));
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperMicros(int index) {
        if (index < 2 * SUB_BUCKETS) {
            return index;
        }
        int shift = index / SUB_BUCKETS - 1;
        long sub = index - (long) shift * SUB_BUCKETS;
        return ((sub + 1) << shift) - 1;
    }
}
