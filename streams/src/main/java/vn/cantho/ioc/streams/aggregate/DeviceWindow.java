package vn.cantho.ioc.streams.aggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * One device's open 1-minute window as kept in {@link AggregationTopology#DEVICE_WINDOW_STORE}: the statistics of
 * every metric the device reported in it, and whether it changed since it was last emitted. {@code dirty} is stored,
 * not only remembered, so a change committed just before a crash is still emitted after the restart. The readings
 * counted are remembered apart, in {@link AggregationTopology#DEVICE_SEEN_STORE}, so this entry stays the same small
 * size however many readings the minute holds (it is read and written on every reading).
 */
public record DeviceWindow(
        String deviceId,
        String areaCode,
        String domain,
        long windowStart,
        Map<String, MetricStats> metrics,
        boolean dirty) {

    public static DeviceWindow open(String deviceId, String areaCode, String domain, long windowStart) {
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, Map.of(), false);
    }

    /** The window with one more reading counted in it. */
    public DeviceWindow add(Map<String, Double> values, long ts) {
        Map<String, MetricStats> next = new HashMap<>(metrics);
        values.forEach((metric, value) ->
                next.merge(metric, MetricStats.of(value, ts), (stats, first) -> stats.add(value, ts)));
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, next, true);
    }

    public DeviceWindow emitted() {
        return new DeviceWindow(deviceId, areaCode, domain, windowStart, metrics, false);
    }

    /** What the window says downstream: its statistics, whether they changed and whether they are final. */
    public DeviceMinute toMinute(boolean closing) {
        return new DeviceMinute(deviceId, areaCode, domain, windowStart, metrics, dirty, closing);
    }
}
