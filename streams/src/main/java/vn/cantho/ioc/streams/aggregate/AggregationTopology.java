package vn.cantho.ioc.streams.aggregate;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.JsonSerde;
import vn.cantho.ioc.model.kafka.SmileSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.streams.state.ObjectCachingStores;

/**
 * The 1-minute aggregation, per device and per area, onto {@link Topics#AGGREGATES_1M} (keyed by
 * {@link Aggregate#key()}, so the sink upserts).
 *
 * <ol>
 *   <li>Readings of devices missing from this instance's registry are dead-lettered ({@code UNKNOWN_DEVICE}).</li>
 *   <li>{@code aggregate-device-1m} ({@link DeviceWindowProcessor}) keeps each device's open 1-minute windows, all
 *   metrics of a device-minute in one store entry, without a repartition (telemetry is keyed by device). Lateness is
 *   judged against the device's own latest reading; redelivered copies are recognised by the fingerprints of the
 *   readings counted, kept one entry each. Changed
 *   windows are emitted once per commit interval and when they close; late readings are dead-lettered
 *   ({@code LATE}).</li>
 *   <li>Each emitted device window becomes one aggregate per metric for the device and, repartitioned by area
 *   ({@code device-windows-by-area}), is combined with the other devices of its area in {@code aggregate-area-1m}
 *   ({@link AreaWindowProcessor}): area aggregates come from device windows, not from raw readings.</li>
 *   <li>The readings counted ({@link CountedReading}) are returned by {@link #addTo} for the hourly indicators, which
 *   run in the same application ({@code vn.cantho.ioc.streams.telemetry.TelemetryTopology}).</li>
 * </ol>
 */
public final class AggregationTopology {

    /** Each device's windows, one entry per device and minute (changelogged, cached). */
    public static final String DEVICE_WINDOW_STORE = "aggregate-device-windows";
    /**
     * The readings counted, one entry per reading (key {@code deviceId|windowStart|fingerprint}, value its event time),
     * kept until the device's progress passes the window's end plus the dedup window, to drop a redelivered copy.
     */
    public static final String DEVICE_SEEN_STORE = "aggregate-device-seen";
    /** Each device's progress: the latest event time it has reported. */
    public static final String DEVICE_PROGRESS_STORE = "aggregate-device-progress";
    /** Each area's windows, one entry per area and minute. */
    public static final String AREA_WINDOW_STORE = "aggregate-area-windows";
    /** Each area's latest window start, which bounds how long its windows are kept. */
    public static final String AREA_PROGRESS_STORE = "aggregate-area-progress";
    /**
     * How long an area window is kept behind the area's latest window, so a device's buffered upload still combines
     * with its neighbours' closed windows: the default {@code INGEST_MAX_AGE}, the oldest reading ingest accepts.
     */
    public static final Duration AREA_RETENTION = Duration.ofDays(7);

    static final Duration WINDOW = Duration.ofMinutes(1);

    private static final Serde<DeviceWindow> DEVICE_WINDOW_SERDE = new SmileSerde<>(DeviceWindow.class);
    private static final Serde<DeviceMinute> DEVICE_MINUTE_SERDE = new SmileSerde<>(DeviceMinute.class);
    private static final Serde<AreaWindow> AREA_WINDOW_SERDE = new SmileSerde<>(AreaWindow.class);
    /** A dead letter carries the reading as JSON, for people and tools to read, whatever the telemetry topic holds. */
    private static final Serde<Reading> READING_JSON = new JsonSerde<>(Reading.class);

    private AggregationTopology() {}

    /**
     * @param grace       how far behind its own device's latest reading a reading may be and still be counted
     * @param dedupWindow how long (in the device's event time) a counted reading is remembered, to drop a
     *                    redelivered copy
     */
    public static Topology build(DeviceRegistry registry, Duration grace, Duration dedupWindow) {
        return build(() -> registry, grace, dedupWindow);
    }

    /**
     * The same topology over a registry that may change while it runs (see LiveRegistry): each reading is
     * checked against the registry in force when it is processed.
     */
    public static Topology build(Supplier<DeviceRegistry> registry, Duration grace, Duration dedupWindow) {
        return build(registry, grace, dedupWindow, AREA_RETENTION);
    }

    /** @param areaRetention how long an area window is kept behind the area's latest one ({@link #AREA_RETENTION}) */
    public static Topology build(
            Supplier<DeviceRegistry> registry, Duration grace, Duration dedupWindow, Duration areaRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, registry, grace, dedupWindow, areaRetention);
        return builder.build();
    }

    /**
     * Adds the aggregation, reading {@link Topics#TELEMETRY}, to {@code builder}.
     *
     * @return the readings the device windows counted (known device, not a redelivered copy, not late), keyed by
     *     device, for steps that need the same verdict without reading telemetry again (the hourly indicators)
     */
    public static KStream<String, Reading> addTo(
            StreamsBuilder builder,
            Supplier<DeviceRegistry> registry,
            Duration grace,
            Duration dedupWindow,
            Duration areaRetention) {
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(DEVICE_WINDOW_STORE, Serdes.String(), DEVICE_WINDOW_SERDE));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(DEVICE_SEEN_STORE, Serdes.String(), Serdes.Long()));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(DEVICE_PROGRESS_STORE, Serdes.String(), Serdes.Long()));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(AREA_WINDOW_STORE, Serdes.String(), AREA_WINDOW_SERDE));
        builder.addStateStore(
                ObjectCachingStores.persistentKeyValueStore(AREA_PROGRESS_STORE, Serdes.String(), Serdes.Long()));

        KStream<String, Reading> readings = builder.stream(
                Topics.TELEMETRY.name(),
                Consumed.with(Topics.TELEMETRY.keySerde(), Topics.TELEMETRY.valueSerde())
                        .withTimestampExtractor(new ReadingTimestampExtractor())
                        .withName("telemetry-source"));

        Map<String, KStream<String, Reading>> branches = readings.split(Named.as("registry-"))
                .branch(
                        (deviceId, reading) -> reading != null
                                && registry.get().device(reading.deviceId()).isPresent(),
                        Branched.as("known"))
                .defaultBranch(Branched.as("unknown"));

        branches.get("registry-unknown")
                .mapValues(AggregationTopology::unknownDevice, Named.as("unknown-device-to-dead-letter"))
                .to(Topics.DEAD_LETTER.name(), deadLetters("dead-letter-sink"));

        Map<String, KStream<String, DeviceOutput>> deviceOutput = branches.get("registry-known")
                .process(
                        () -> new DeviceWindowProcessor(registry, grace, dedupWindow),
                        Named.as("aggregate-device-1m"),
                        DEVICE_WINDOW_STORE,
                        DEVICE_SEEN_STORE,
                        DEVICE_PROGRESS_STORE)
                .split(Named.as("device-output-"))
                .branch((deviceId, output) -> output instanceof LateReading, Branched.as("late"))
                .branch((deviceId, output) -> output instanceof CountedReading, Branched.as("counted"))
                .defaultBranch(Branched.as("windows"));

        deviceOutput
                .get("device-output-late")
                .mapValues(output -> lateReading((LateReading) output), Named.as("late-reading-to-dead-letter"))
                .to(Topics.DEAD_LETTER.name(), deadLetters("late-dead-letter-sink"));

        KStream<String, DeviceMinute> minutes = deviceOutput
                .get("device-output-windows")
                .mapValues(output -> (DeviceMinute) output, Named.as("device-windows"));

        minutes.filter((deviceId, minute) -> minute.changed(), Named.as("changed-device-windows"))
                .flatMap(
                        (deviceId, minute) -> minute.deviceAggregates().stream()
                                .map(aggregate -> KeyValue.pair(aggregate.key(), aggregate))
                                .toList(),
                        Named.as("device-window-to-aggregates"))
                .to(Topics.AGGREGATES_1M.name(), aggregates("device-aggregates-sink"));

        minutes.selectKey((deviceId, minute) -> minute.areaCode(), Named.as("key-device-windows-by-area"))
                .repartition(
                        Repartitioned.with(Serdes.String(), DEVICE_MINUTE_SERDE).withName("device-windows-by-area"))
                .process(
                        () -> new AreaWindowProcessor(areaRetention),
                        Named.as("aggregate-area-1m"),
                        AREA_WINDOW_STORE,
                        AREA_PROGRESS_STORE)
                .to(Topics.AGGREGATES_1M.name(), aggregates("area-aggregates-sink"));

        return deviceOutput
                .get("device-output-counted")
                .mapValues(output -> ((CountedReading) output).reading(), Named.as("counted-readings"));
    }

    private static Produced<String, DeadLetter> deadLetters(String name) {
        return Produced.with(Topics.DEAD_LETTER.keySerde(), Topics.DEAD_LETTER.valueSerde())
                .withName(name);
    }

    private static Produced<String, Aggregate> aggregates(String name) {
        return Produced.with(Topics.AGGREGATES_1M.keySerde(), Topics.AGGREGATES_1M.valueSerde())
                .withName(name);
    }

    private static DeadLetter unknownDevice(Reading reading) {
        String device = reading == null ? "(unreadable record)" : reading.deviceId();
        return deadLetter(
                DeadLetterReason.UNKNOWN_DEVICE, "device " + device + " is not in the streams registry", reading);
    }

    private static DeadLetter lateReading(LateReading late) {
        return deadLetter(DeadLetterReason.LATE, late.detail(), late.reading());
    }

    private static DeadLetter deadLetter(DeadLetterReason reason, String detail, Reading reading) {
        return DeadLetter.of(
                reason,
                detail,
                Topics.TELEMETRY.name(),
                READING_JSON.serializer().serialize(Topics.TELEMETRY.name(), reading),
                reading == null ? null : reading.receivedAt());
    }
}
