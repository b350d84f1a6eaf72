package vn.cantho.ioc.streams.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.streams.runtime.EmitInterval;

/** Store keys, window arithmetic and settings shared by the device and area steps of the aggregation. */
final class WindowKeys {

    static final long WINDOW_MS = AggregationTopology.WINDOW.toMillis();
    /** Wide enough for every epoch-millisecond start up to the year 33658, so keys sort by time. */
    private static final int START_DIGITS = 15;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private WindowKeys() {}

    /**
     * {@code entity|start} with the start zero-padded, so one entity's windows are adjacent and in time order in the
     * store and a time range of them is one key range (entity ids contain no {@code |}).
     */
    static String windowKey(String entity, long windowStart) {
        String digits = Long.toString(Math.max(0, windowStart));
        return entity + '|' + "0".repeat(Math.max(0, START_DIGITS - digits.length())) + digits;
    }

    /**
     * The key of one counted reading of a device-minute: its window's key, then the reading's fingerprint in hex, so a
     * device's fingerprints sort with its windows and a time range of them is one key range too.
     */
    static String seenKey(String windowKey, long fingerprint) {
        String hex = Long.toHexString(fingerprint);
        return windowKey + '|' + "0".repeat(16 - hex.length()) + hex;
    }

    /**
     * The inclusive upper end of a key range over an entity's windows (and their fingerprints) up to {@code
     * windowStart}: {@code ~} sorts after every character of a fingerprint and of the separator.
     */
    static String windowKeyRangeEnd(String entity, long windowStart) {
        return windowKey(entity, windowStart) + "|~";
    }

    static long windowStart(long ts) {
        return ts - Math.floorMod(ts, WINDOW_MS);
    }

    /**
     * The start of the latest window whose end plus {@code keep} is at or before {@code progress}: every window up to
     * it is past that horizon. Long.MIN_VALUE for an entity without progress yet.
     */
    static long lastStartBefore(Long progress, long keep) {
        return progress == null ? Long.MIN_VALUE : windowStart(progress - keep - WINDOW_MS);
    }

    /**
     * 64-bit FNV-1a of the reading's identity (device, time, values in a stable order): two readings with the same
     * fingerprint in one device's minute are treated as one reading delivered twice.
     */
    static long fingerprint(Reading reading) {
        long hash = FNV_OFFSET;
        for (byte b : identity(reading).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** Device, time and values (in a stable order), so two messages of different metrics at one instant both count. */
    static String identity(Reading reading) {
        Map<String, Double> sorted = new TreeMap<>(reading.values());
        return reading.deviceId() + '|' + reading.ts().toEpochMilli() + '|' + sorted;
    }

    /**
     * How both window steps start: {@code pending} is rebuilt from the windows a previous run changed and did not
     * emit (their dirty flag survives in the store), so a change committed just before a crash is still emitted, and
     * {@code emit} is scheduled every emission interval of wall-clock time.
     */
    static <V> void resumeEmission(
            ProcessorContext<?, ?> context,
            KeyValueStore<String, V> windows,
            Predicate<V> dirty,
            Set<String> pending,
            Runnable emit) {
        pending.clear();
        try (KeyValueIterator<String, V> all = windows.all()) {
            all.forEachRemaining(entry -> {
                if (dirty.test(entry.value)) {
                    pending.add(entry.key);
                }
            });
        }
        context.schedule(EmitInterval.of(context.appConfigs()), PunctuationType.WALL_CLOCK_TIME, now -> emit.run());
    }
}
