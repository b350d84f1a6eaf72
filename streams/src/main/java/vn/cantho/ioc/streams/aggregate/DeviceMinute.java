package vn.cantho.ioc.streams.aggregate;

import java.util.List;
import java.util.Map;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/**
 * A version of one device's 1-minute window, emitted at most once per punctuation and once when the window closes:
 * it becomes one {@link Aggregate} per metric for the device, and it is what the area step combines (repartitioned by
 * area on {@code device-windows-by-area}), so it carries each metric's {@code lastTs}, which {@link Aggregate} has not.
 *
 * @param changed whether the statistics changed since the last version (a window closing unchanged only tells the
 *                area step that they are final)
 * @param closed  the device's progress has passed the window's end plus the grace: no later version follows
 */
public record DeviceMinute(
        String deviceId,
        String areaCode,
        String domain,
        long windowStart,
        Map<String, MetricStats> metrics,
        boolean changed,
        boolean closed)
        implements DeviceOutput {

    /** One aggregate per metric, for the device. */
    public List<Aggregate> deviceAggregates() {
        return metrics.entrySet().stream()
                .map(e -> e.getValue().toAggregate(Scope.DEVICE, deviceId, e.getKey(), domain, areaCode, windowStart))
                .toList();
    }
}
