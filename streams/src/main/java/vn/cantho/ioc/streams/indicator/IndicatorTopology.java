package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.SmileSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.streams.aqi.Pollutant;
import vn.cantho.ioc.streams.state.ObjectCachingStores;

/**
 * The derived environmental indicators, part of the telemetry application
 * ({@code vn.cantho.ioc.streams.telemetry.TelemetryTopology}): the readings the 1-minute aggregation counted (so
 * already deduplicated and judged on time for their device) of air stations and water-level gauges are reduced to
 * hourly statistics per station (1-hour event-time windows with a grace period judged against each station's own
 * latest reading; UTC hours are Vietnam-time hours, UTC+7 being a whole number of hours), each station's recent hours
 * are kept in {@link #STATION_HOURS_STORE}, and every change (coalesced per commit interval) produces new versions of
 * {@code vn_aqi_hourly}, {@code vn_aqi_daily}, {@code water_level_alert_level} and {@code water_level_rise_rate} on
 * {@link Topics#INDICATORS}. Every store is changelogged, so a restarted or moved task resumes where it stopped.
 * Telemetry is keyed by device id, so nothing is repartitioned: the task that aggregates a station's minutes owns its
 * hours too.
 *
 * <p>How the hours are laid out for the VN_AQI library, and the decisions where the method is silent, are in
 * {@code docs/vn-aqi.md}.
 */
public final class IndicatorTopology {

    public static final String VN_AQI_HOURLY = "vn_aqi_hourly";
    public static final String VN_AQI_DAILY = "vn_aqi_daily";
    public static final String WATER_LEVEL_ALERT_LEVEL = "water_level_alert_level";
    public static final String WATER_LEVEL_RISE_RATE = "water_level_rise_rate";

    /** Hourly statistics per station, one entry per station and open hour (and its changelog). */
    public static final String HOURLY_STORE = "indicator-station-hour-store";
    /** Each station's progress: the latest event time it has reported, against which its lateness is judged. */
    public static final String STATION_PROGRESS_STORE = "indicator-station-progress-store";
    /** Hours changed and not yet passed on to the indicators (key as {@link #HOURLY_STORE}, value the hour start). */
    public static final String PENDING_HOURS_STORE = "indicator-pending-hours-store";
    /** Each station's recent hours ({@link StationHours}), the input of every indicator. */
    public static final String STATION_HOURS_STORE = "indicator-station-hours-store";

    static final Duration HOUR = Duration.ofHours(1);

    private static final SmileSerde<HourStats> HOUR_STATS_SERDE = new SmileSerde<>(HourStats.class);
    private static final SmileSerde<StationHours> STATION_HOURS_SERDE = new SmileSerde<>(StationHours.class);

    private IndicatorTopology() {}

    /**
     * Adds the indicators to {@code builder}, fed by {@code counted}.
     *
     * @param counted    readings keyed by device, each counted once (redelivered copies and late readings left out)
     * @param devices    which devices are air stations (they report pollutants) and gauges (water level); each reading
     *                   and each hourly change is checked against the registry in force when it is processed
     * @param indicators the four indicators' definitions (scope, domain, granularity); a missing one fails here
     */
    public static void addTo(
            StreamsBuilder builder,
            KStream<String, Reading> counted,
            Supplier<DeviceRegistry> devices,
            IndicatorRegistry indicators,
            IndicatorOptions settings) {
        AirQualityIndicators air = new AirQualityIndicators(
                new IndicatorFactory(indicators.require(VN_AQI_HOURLY)),
                new IndicatorFactory(indicators.require(VN_AQI_DAILY)));
        WaterLevelIndicators water = new WaterLevelIndicators(
                new IndicatorFactory(indicators.require(WATER_LEVEL_ALERT_LEVEL)),
                new IndicatorFactory(indicators.require(WATER_LEVEL_RISE_RATE)),
                settings.floodLevels());

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATION_HOURS_STORE), Serdes.String(), STATION_HOURS_SERDE));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(HOURLY_STORE, Serdes.String(), HOUR_STATS_SERDE));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(PENDING_HOURS_STORE, Serdes.String(), Serdes.Long()));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(STATION_PROGRESS_STORE, Serdes.String(), Serdes.Long()));

        counted.filter((deviceId, reading) -> isIndicatorInput(reading), Named.as("indicator-stations-only"))
                .process(
                        () -> new StationHourProcessor(settings.grace()),
                        Named.as("indicator-hourly-stats"),
                        HOURLY_STORE,
                        PENDING_HOURS_STORE,
                        STATION_PROGRESS_STORE)
                .process(
                        () -> new StationIndicatorProcessor(devices, air, water),
                        Named.as("station-indicators"),
                        STATION_HOURS_STORE)
                .to(
                        Topics.INDICATORS.name(),
                        Produced.with(Topics.INDICATORS.keySerde(), Topics.INDICATORS.valueSerde())
                                .withName("indicators-sink"));
    }

    /** A reading with at least one value an indicator uses (the aggregation already checked its device is known). */
    private static boolean isIndicatorInput(Reading reading) {
        return reading.values().keySet().stream().anyMatch(IndicatorTopology::isInputMetric);
    }

    static boolean isInputMetric(String metric) {
        return WaterLevelIndicators.METRIC.equals(metric)
                || Pollutant.fromMetricId(metric).isPresent();
    }

    /**
     * Adds the reading's pollutant and water-level values. Ingest already rejected values outside the metric's
     * range; the check is repeated because the VN_AQI library fails fast on a negative concentration.
     */
    static HourStats addInputs(HourStats stats, Reading reading) {
        Map<String, Double> inputs = new HashMap<>();
        for (Map.Entry<String, Double> value : reading.values().entrySet()) {
            String metric = value.getKey();
            Double number = value.getValue();
            if (isInputMetric(metric)
                    && number != null
                    && Metric.byId(metric).orElseThrow().accepts(number)) {
                inputs.put(metric, number);
            }
        }
        return inputs.isEmpty() ? stats : stats.add(inputs, reading.ts());
    }
}
