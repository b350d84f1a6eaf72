package vn.cantho.ioc.store;

import java.time.Instant;

/**
 * One value of one metric from one reading, as read from {@code observations} (stored with the other values of
 * its reading as one row of {@code readings}, see {@link ObservationWriter}).
 *
 * @param areaCode   nullable (city-wide devices)
 * @param receivedAt when the hub received the reading; nullable
 */
public record ObservationRow(
        String deviceId, String metric, Instant ts, double value, String domain, String areaCode, Instant receivedAt) {}
