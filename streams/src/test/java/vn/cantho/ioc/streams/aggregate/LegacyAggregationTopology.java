package vn.cantho.ioc.streams.aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.JsonSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

/**
 * The aggregation as it was before the per-device redesign (issue 11), kept only as the reference of
 * {@link AggregationEquivalenceTest}: one observation per metric for the device and for its area, repartitioned by
 * series, 1-minute DSL windows with the grace judged on stream time, every update emitted. The dead-letter branch is
 * left out; the equivalence test sends registered devices only.
 */
final class LegacyAggregationTopology {

    private static final String DEDUP_STORE = "legacy-reading-dedup-store";

    private LegacyAggregationTopology() {}

    static Topology build(DeviceRegistry registry, Duration grace, Duration dedupWindow) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, dedupWindow, Duration.ofMillis(1), false),
                Serdes.String(),
                Serdes.Long()));
        builder.stream(
                        Topics.TELEMETRY.name(),
                        Consumed.with(Topics.TELEMETRY.keySerde(), Topics.TELEMETRY.valueSerde())
                                .withTimestampExtractor(new ReadingTimestampExtractor())
                                .withName("legacy-telemetry-source"))
                .processValues(
                        () -> new ReadingDeduplicator(DEDUP_STORE),
                        Named.as("legacy-deduplicate-readings"),
                        DEDUP_STORE)
                .flatMap(
                        (deviceId, reading) ->
                                observations(registry.device(reading.deviceId()).orElseThrow(), reading),
                        Named.as("legacy-explode-to-observations"))
                .groupByKey(Grouped.with(
                        "legacy-observations-by-series", Serdes.String(), new JsonSerde<>(Observation.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(AggregationTopology.WINDOW, grace))
                .aggregate(
                        Stats::empty,
                        (series, observation, stats) -> stats.add(observation),
                        Named.as("legacy-aggregate-1m"),
                        Materialized.<String, Stats, WindowStore<Bytes, byte[]>>as("legacy-aggregate-1m-store")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(new JsonSerde<>(Stats.class)))
                .toStream(Named.as("legacy-aggregate-1m-changes"))
                .filter((window, stats) -> stats != null, Named.as("legacy-drop-tombstones"))
                .map(
                        (window, stats) -> {
                            Aggregate aggregate = stats.toAggregate(
                                    window.window().startTime(), window.window().endTime());
                            return KeyValue.pair(aggregate.key(), aggregate);
                        },
                        Named.as("legacy-to-aggregate-record"))
                .to(
                        Topics.AGGREGATES_1M.name(),
                        Produced.with(Topics.AGGREGATES_1M.keySerde(), Topics.AGGREGATES_1M.valueSerde())
                                .withName("legacy-aggregates-1m-sink"));
        return builder.build();
    }

    private static List<KeyValue<String, Observation>> observations(Device device, Reading reading) {
        List<KeyValue<String, Observation>> out = new ArrayList<>();
        reading.values().forEach((metric, value) -> {
            for (Observation o : List.of(
                    new Observation(
                            Scope.DEVICE,
                            device.id(),
                            metric,
                            device.domain().id(),
                            device.areaCode(),
                            value,
                            reading.ts()),
                    new Observation(
                            Scope.AREA,
                            device.areaCode(),
                            metric,
                            device.domain().id(),
                            device.areaCode(),
                            value,
                            reading.ts()))) {
                out.add(KeyValue.pair(o.scope().id() + '|' + o.entityId() + '|' + o.metric(), o));
            }
        });
        return out;
    }

    record Observation(
            Scope scope, String entityId, String metric, String domain, String areaCode, double value, Instant ts) {}

    record Stats(
            Scope scope,
            String entityId,
            String metric,
            String domain,
            String areaCode,
            long count,
            double sum,
            double min,
            double max,
            double last,
            Instant lastTs) {

        static Stats empty() {
            return new Stats(
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY,
                    Double.NaN,
                    null);
        }

        Stats add(Observation o) {
            boolean latest = lastTs == null || !o.ts().isBefore(lastTs);
            return new Stats(
                    o.scope(),
                    o.entityId(),
                    o.metric(),
                    o.domain(),
                    o.areaCode(),
                    count + 1,
                    sum + o.value(),
                    Math.min(min, o.value()),
                    Math.max(max, o.value()),
                    latest ? o.value() : last,
                    latest ? o.ts() : lastTs);
        }

        Aggregate toAggregate(Instant start, Instant end) {
            return new Aggregate(
                    Aggregate.SCHEMA_VERSION,
                    scope,
                    entityId,
                    metric,
                    domain,
                    areaCode,
                    start,
                    end,
                    count,
                    sum,
                    min,
                    max,
                    last);
        }
    }
}
