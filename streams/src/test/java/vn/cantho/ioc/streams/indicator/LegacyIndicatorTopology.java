package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import vn.cantho.ioc.model.kafka.SmileSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.aggregate.ReadingDeduplicator;
import vn.cantho.ioc.streams.aggregate.ReadingTimestampExtractor;

/**
 * The indicators as they ran before they joined the telemetry application (issue 11), kept only as the reference of
 * {@link IndicatorEquivalenceTest}: an application of their own reading telemetry, with a deduplication store of
 * their own, then the same hourly and indicator steps.
 */
final class LegacyIndicatorTopology {

    private static final String DEDUP_STORE = "legacy-indicator-dedup-store";

    private LegacyIndicatorTopology() {}

    static Topology build(
            DeviceRegistry devices, IndicatorRegistry indicators, IndicatorOptions settings, Duration dedup) {
        AirQualityIndicators air = new AirQualityIndicators(
                new IndicatorFactory(indicators.require(IndicatorTopology.VN_AQI_HOURLY)),
                new IndicatorFactory(indicators.require(IndicatorTopology.VN_AQI_DAILY)));
        WaterLevelIndicators water = new WaterLevelIndicators(
                new IndicatorFactory(indicators.require(IndicatorTopology.WATER_LEVEL_ALERT_LEVEL)),
                new IndicatorFactory(indicators.require(IndicatorTopology.WATER_LEVEL_RISE_RATE)),
                settings.floodLevels());
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, dedup, Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IndicatorTopology.STATION_HOURS_STORE),
                Serdes.String(),
                new SmileSerde<>(StationHours.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IndicatorTopology.HOURLY_STORE),
                Serdes.String(),
                new SmileSerde<>(HourStats.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IndicatorTopology.PENDING_HOURS_STORE), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(IndicatorTopology.STATION_PROGRESS_STORE),
                Serdes.String(),
                Serdes.Long()));
        builder.stream(
                        Topics.TELEMETRY.name(),
                        Consumed.with(Topics.TELEMETRY.keySerde(), Topics.TELEMETRY.valueSerde())
                                .withTimestampExtractor(new ReadingTimestampExtractor())
                                .withName("legacy-indicator-telemetry-source"))
                .filter(
                        (deviceId, reading) -> devices.device(deviceId).isPresent()
                                && reading.values().keySet().stream().anyMatch(IndicatorTopology::isInputMetric),
                        Named.as("legacy-indicator-stations-only"))
                .processValues(
                        () -> new ReadingDeduplicator(DEDUP_STORE),
                        Named.as("legacy-indicator-deduplicate-readings"),
                        DEDUP_STORE)
                .process(
                        () -> new StationHourProcessor(settings.grace()),
                        Named.as("legacy-indicator-hourly-stats"),
                        IndicatorTopology.HOURLY_STORE,
                        IndicatorTopology.PENDING_HOURS_STORE,
                        IndicatorTopology.STATION_PROGRESS_STORE)
                .process(
                        () -> new StationIndicatorProcessor(() -> devices, air, water),
                        Named.as("legacy-station-indicators"),
                        IndicatorTopology.STATION_HOURS_STORE)
                .to(
                        Topics.INDICATORS.name(),
                        Produced.with(Topics.INDICATORS.keySerde(), Topics.INDICATORS.valueSerde())
                                .withName("legacy-indicators-sink"));
        return builder.build();
    }
}
