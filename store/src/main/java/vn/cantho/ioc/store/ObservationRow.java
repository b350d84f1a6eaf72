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

    /** The row's identity in the table. */
    String key() {
        return deviceId + '\u0000' + metric + '\u0000' + ts;
    }
}
