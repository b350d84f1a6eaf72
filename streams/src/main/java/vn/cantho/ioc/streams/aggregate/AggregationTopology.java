package vn.cantho.ioc.streams.aggregate;

import java.util.function.Supplier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.JsonSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The 1-minute aggregation: telemetry readings are enriched from the device registry, split into
 * one observation per metric for the device and for its area, and aggregated in 1-minute tumbling
 * event-time windows with a grace period for late readings. Every change of a window is emitted
 * (not only its final value), keyed by {@link Aggregate#key()}, so the API shows the current minute
 * while it fills and the sink simply upserts. Readings of devices missing from this instance's
 * registry go to the dead-letter topic; a reading delivered twice (MQTT is at least once) is counted once.
 */
public final class AggregationTopology {

    /** Name of the window store, also the changelog that restores state after a restart. */
    public static final String WINDOW_STORE = "aggregate-1m-store";
    /** Readings seen recently, to drop redelivered duplicates. */
    public static final String DEDUP_STORE = "reading-dedup-store";
    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final JsonSerde<Observation> OBSERVATION_SERDE = new JsonSerde<>(Observation.class);
    private static final JsonSerde<WindowStats> STATS_SERDE = new JsonSerde<>(WindowStats.class);

    private AggregationTopology() {
    }

    /**
     * @param grace       how late a reading may be and still update its window
     * @param dedupWindow how long (in event time) a reading is remembered to drop a redelivered copy
     */
    public static Topology build(DeviceRegistry registry, Duration grace, Duration dedupWindow) {
        return build(() -> registry, grace, dedupWindow);
    }

    /**
     * The same topology over a registry that may change while it runs (see LiveRegistry): each reading is
     * checked against the registry in force when it is processed.
     */
    public static Topology build(Supplier<DeviceRegistry> registry, Duration grace, Duration dedupWindow) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, dedupWindow, Duration.ofMillis(1), false),
                Serdes.String(), Serdes.Long()));
        KStream<String, Reading> readings = builder.stream(Topics.TELEMETRY.name(),
                Consumed.with(Topics.TELEMETRY.keySerde(), Topics.TELEMETRY.valueSerde())
                        .withTimestampExtractor(new ReadingTimestampExtractor())
                        .withName("telemetry-source"));

        Map<String, KStream<String, Reading>> branches = readings.split(Named.as("registry-"))
                .branch((deviceId, reading) -> reading != null && registry.get().device(reading.deviceId()).isPresent(),
                        Branched.as("known"))
                .defaultBranch(Branched.as("unknown"));

        branches.get("registry-unknown")
                .mapValues(AggregationTopology::unknownDevice, Named.as("unknown-device-to-dead-letter"))
                .to(Topics.DEAD_LETTER.name(), Produced.with(Topics.DEAD_LETTER.keySerde(),
                        Topics.DEAD_LETTER.valueSerde()).withName("dead-letter-sink"));

        branches.get("registry-known")
                .processValues(() -> new ReadingDeduplicator(DEDUP_STORE), Named.as("deduplicate-readings"),
                        DEDUP_STORE)
                .flatMap((deviceId, reading) -> registry.get().device(reading.deviceId())
                                // Removed from the registry since the branch above: nothing left to count it for.
                                .map(device -> observations(device, reading)).orElse(List.of()),
                        Named.as("explode-to-observations"))
                .groupByKey(Grouped.with("observations-by-series", Serdes.String(), OBSERVATION_SERDE))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, grace))
                .aggregate(WindowStats::empty, (series, observation, stats) -> stats.add(observation),
                        Named.as("aggregate-1m"),
                        Materialized.<String, WindowStats, WindowStore<Bytes, byte[]>>as(WINDOW_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(STATS_SERDE))
                .toStream(Named.as("aggregate-1m-changes"))
                .filter((window, stats) -> stats != null, Named.as("drop-tombstones"))
                .map(AggregationTopology::toAggregate, Named.as("to-aggregate-record"))
                .to(Topics.AGGREGATES_1M.name(), Produced.with(Topics.AGGREGATES_1M.keySerde(),
                        Topics.AGGREGATES_1M.valueSerde()).withName("aggregates-1m-sink"));
        return builder.build();
    }

    private static List<KeyValue<String, Observation>> observations(Device device, Reading reading) {
        List<KeyValue<String, Observation>> out = new ArrayList<>(reading.values().size() * 2);
        reading.values().forEach((metric, value) -> {
            String domain = device.domain().id();
            for (Observation o : List.of(
                    new Observation(Scope.DEVICE, device.id(), metric, domain, device.areaCode(), value, reading.ts()),
                    new Observation(Scope.AREA, device.areaCode(), metric, domain, device.areaCode(), value,
                            reading.ts()))) {
                out.add(KeyValue.pair(o.seriesKey(), o));
            }
        });
        return out;
    }

    private static KeyValue<String, Aggregate> toAggregate(Windowed<String> window, WindowStats stats) {
        Aggregate aggregate = stats.toAggregate(window.window().startTime(), window.window().endTime());
        return KeyValue.pair(aggregate.key(), aggregate);
    }

    private static DeadLetter unknownDevice(Reading reading) {
        String device = reading == null ? "(unreadable record)" : reading.deviceId();
        return DeadLetter.of(DeadLetterReason.UNKNOWN_DEVICE, "device " + device + " is not in the streams registry",
                Topics.TELEMETRY.name(), Topics.TELEMETRY.valueSerde().serializer().serialize(
                        Topics.TELEMETRY.name(), reading), reading == null ? null : reading.receivedAt());
    }
}
