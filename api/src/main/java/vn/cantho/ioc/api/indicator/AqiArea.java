package vn.cantho.ioc.api.indicator;

import java.time.Instant;

/**
 * The VN_AQI of an area: that of its worst station (the highest current hourly AQI among the stations that are
 * not stale; if all are stale, the highest of them, and {@code stale} is true). The decision defines VN_AQI per
 * station only; the worst station is what a city warning for the area has to go by.
 *
 * @param station the station that sets the area's value
 */
public record AqiArea(
        String area,
        String name,
        int aqi,
        String category,
        String categoryId,
        String colour,
        String dominantPollutant,
        String station,
        Instant periodStart,
        boolean stale) {}
