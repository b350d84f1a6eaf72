package vn.cantho.ioc.store;

import java.time.Instant;

/**
 * One value of one metric from one reading, as stored in {@code observations}.
 *
 * @param areaCode   nullable (city-wide devices)
 * @param receivedAt when the hub received the reading; nullable
 */
public record ObservationRow(
        String deviceId, String metric, Instant ts, double value, String domain, String areaCode, Instant receivedAt) {

    /** Whether both rows are the same row of the table (same device, metric and time). */
    boolean sameKey(ObservationRow other) {
        return deviceId.equals(other.deviceId) && metric.equals(other.metric) && ts.equals(other.ts);
    }

    /** The table's key order (device, metric, time), in which concurrent writers take their row locks. */
    static int compareKeys(ObservationRow a, ObservationRow b) {
        int byDevice = a.deviceId.compareTo(b.deviceId);
        if (byDevice != 0) {
            return byDevice;
        }
        int byMetric = a.metric.compareTo(b.metric);
        return byMetric != 0 ? byMetric : a.ts.compareTo(b.ts);
    }
}
