package vn.cantho.ioc.streams.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/**
 * One area's 1-minute window as kept in {@link AggregationTopology#AREA_WINDOW_STORE}, made of its devices' windows:
 * {@code settled} is the combination of the device windows that have closed (final, so they can be folded in and
 * forgotten one by one), {@code open} the latest version of each device window still open. The area's statistics
 * are the combination of both. {@code domains} names each metric's domain (the domain of the devices reporting it).
 */
public record AreaWindow(
        String areaCode,
        long windowStart,
        Map<String, String> domains,
        Map<String, MetricStats> settled,
        Map<String, Map<String, MetricStats>> open,
        boolean dirty) {

    public static AreaWindow empty(String areaCode, long windowStart) {
        return new AreaWindow(areaCode, windowStart, Map.of(), Map.of(), Map.of(), false);
    }

    /** The window with a device window's new version in it, replacing that device's previous version. */
    public AreaWindow with(DeviceMinute minute) {
        Map<String, String> nextDomains = new HashMap<>(domains);
        minute.metrics().keySet().forEach(metric -> nextDomains.put(metric, minute.domain()));
        Map<String, Map<String, MetricStats>> nextOpen = new HashMap<>(open);
        Map<String, MetricStats> nextSettled = settled;
        if (minute.closed()) {
            nextOpen.remove(minute.deviceId());
            nextSettled = new HashMap<>(settled);
            for (Map.Entry<String, MetricStats> metric : minute.metrics().entrySet()) {
                nextSettled.merge(metric.getKey(), metric.getValue(), MetricStats::merge);
            }
        } else {
            nextOpen.put(minute.deviceId(), minute.metrics());
        }
        return new AreaWindow(areaCode, windowStart, nextDomains, nextSettled, nextOpen, dirty || minute.changed());
    }

    public AreaWindow emitted() {
        return new AreaWindow(areaCode, windowStart, domains, settled, open, false);
    }

    /** One aggregate per metric: every device's statistics of the window combined. */
    public List<Aggregate> aggregates() {
        TreeSet<String> metrics = new TreeSet<>(settled.keySet());
        open.values().forEach(device -> metrics.addAll(device.keySet()));
        List<Aggregate> out = new ArrayList<>(metrics.size());
        for (String metric : metrics) {
            MetricStats combined = settled.get(metric);
            for (Map<String, MetricStats> device : open.values()) {
                MetricStats stats = device.get(metric);
                if (stats != null) {
                    combined = combined == null ? stats : combined.merge(stats);
                }
            }
            out.add(combined.toAggregate(Scope.AREA, areaCode, metric, domains.get(metric), areaCode, windowStart));
        }
        return out;
    }
}
