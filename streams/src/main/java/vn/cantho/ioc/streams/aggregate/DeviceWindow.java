package vn.cantho.ioc.streams.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One device's 1-minute window as kept in {@link AggregationTopology#DEVICE_WINDOW_STORE}: the statistics of every
 * metric the device reported in it, the fingerprints of the readings counted (so a redelivered copy is recognised
 * without a store of its own), whether the window has closed for the device, and whether it changed since it was
 * last emitted. {@code dirty} is stored, not only remembered, so a change committed just before a crash is still
 * emitted after the restart. A closed window keeps only its fingerprints, until the dedup window has passed too.
 */
public record DeviceWindow(String deviceId, String areaCode, String domain, long windowStart,
                           Map<String, MetricStats> metrics, List<Long> seen, boolean closed, boolean dirty) {

    public static DeviceWindow open(String deviceId, String areaCode, String domain, long windowStart) {
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, Map.of(), List.of(), false, false);
    }

    public boolean hasSeen(long fingerprint) {
        return seen.contains(fingerprint);
    }

    /** The window with one more reading counted in it. */
    public DeviceWindow add(Map<String, Double> values, long ts, long fingerprint) {
        Map<String, MetricStats> next = new HashMap<>(metrics);
        values.forEach((metric, value) -> next.merge(metric, MetricStats.of(value, ts),
                (stats, first) -> stats.add(value, ts)));
        List<Long> fingerprints = new ArrayList<>(seen.size() + 1);
        fingerprints.addAll(seen);
        fingerprints.add(fingerprint);
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, next, fingerprints, false, true);
    }

    public DeviceWindow emitted() {
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, metrics, seen, closed, false);
    }

    /** Closed for good: the statistics have been emitted as final, only the fingerprints are still needed. */
    public DeviceWindow closedKeepingFingerprints() {
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, Map.of(), seen, true, false);
    }

    /** What the window says downstream: its statistics, whether they changed and whether they are final. */
    public DeviceMinute toMinute(boolean closing) {
        return new DeviceMinute(deviceId, areaCode, domain, windowStart, metrics, dirty, closing);
    }
}
