package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.streams.indicator.HourStats.MetricHour;

/**
 * Flood indicators of one water-level gauge for one hour: the highest alert level (BĐ I/II/III) the gauge
 * reached, and how fast the river rises. Both are recomputed whenever the hour gets a reading, so an alert
 * level is published as soon as the reading that crosses it is processed, not when the hour ends.
 */
final class WaterLevelIndicators {

    static final String METRIC = Metric.WATER_LEVEL.id();
    static final String LEVEL_NAME = "level_name";
    static final String LAST_LEVEL = "last_level_m";
    static final String LAST_LEVEL_AT = "last_level_at";
    static final String MAX_LEVEL = "max_level_m";
    static final String MEAN_LEVEL = "mean_level_m";
    static final String PREVIOUS_MEAN_LEVEL = "previous_mean_level_m";
    static final String PREVIOUS_HOUR = "previous_hour";
    /** The thresholds used, as {@code 1.80,1.90,2.00}, so a reader knows what the level was compared with. */
    static final String THRESHOLDS = "thresholds_m";

    /** The rise rate compares with the latest hour with readings at most this many hours back. */
    static final int RISE_RATE_LOOKBACK_HOURS = 3;

    private static final Duration HOUR = Duration.ofHours(1);

    private final IndicatorFactory alertLevel;
    private final IndicatorFactory riseRate;
    private final FloodAlertLevels levels;

    WaterLevelIndicators(IndicatorFactory alertLevel, IndicatorFactory riseRate, FloodAlertLevels levels) {
        this.alertLevel = alertLevel;
        this.riseRate = riseRate;
        this.levels = levels;
    }

    static boolean isGauge(Device device) {
        return device.metrics().contains(METRIC);
    }

    /** 0..3: the alert level of the hour's highest reading; empty when the hour has no level reading. */
    Optional<Indicator> alertLevel(Device device, StationHours station, Instant hour) {
        return station.metric(hour, METRIC).map(stats -> {
            int level = levels.levelOf(stats.max());
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put(LEVEL_NAME, FloodAlertLevels.nameOf(level));
            attributes.put(MAX_LEVEL, metres(stats.max()));
            attributes.put(LAST_LEVEL, metres(stats.last()));
            attributes.put(LAST_LEVEL_AT, stats.lastTs().toString());
            attributes.put(THRESHOLDS, levels.format());
            return alertLevel.of(device, hour, hour.plus(HOUR), level, attributes, station.latestTs());
        });
    }

    /**
     * Centimetres per hour between this hour's mean level and the mean of the latest earlier hour with readings
     * (at most {@value #RISE_RATE_LOOKBACK_HOURS} hours back), divided by the hours between them; negative when
     * the river falls. Empty without both hours.
     */
    Optional<Indicator> riseRate(Device device, StationHours station, Instant hour) {
        Optional<MetricHour> current = station.metric(hour, METRIC);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        for (int back = 1; back <= RISE_RATE_LOOKBACK_HOURS; back++) {
            Instant previousHour = hour.minus(HOUR.multipliedBy(back));
            OptionalDouble previous = station.mean(previousHour, METRIC);
            if (previous.isPresent()) {
                double mean = current.get().mean();
                // Rounded to 0.01 cm/h: gauges read to the centimetre, and binary noise (19.999999999999996) helps
                // nobody.
                double rate = Math.round((mean - previous.getAsDouble()) * 100 / back * 100) / 100.0;
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put(MEAN_LEVEL, metres(mean));
                attributes.put(PREVIOUS_MEAN_LEVEL, metres(previous.getAsDouble()));
                attributes.put(PREVIOUS_HOUR, previousHour.toString());
                return Optional.of(riseRate.of(device, hour, hour.plus(HOUR), rate, attributes, station.latestTs()));
            }
        }
        return Optional.empty();
    }

    private static String metres(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
