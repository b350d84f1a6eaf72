package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of the indicator topology.
 *
 * @param grace       how late a reading may arrive (in event time, after its hour has ended) and still change
 *                    that hour's means and the indicators computed from them
 * @param floodLevels the alert levels the water-level gauges are compared with
 */
public record IndicatorOptions(Duration grace, FloodAlertLevels floodLevels) {

    public IndicatorOptions {
        Objects.requireNonNull(floodLevels, "floodLevels");
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive, got " + grace);
        }
    }
}
