package vn.cantho.ioc.streams.telemetry;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.indicator.IndicatorOptions;
import vn.cantho.ioc.streams.indicator.IndicatorTopology;

/**
 * The telemetry application: the 1-minute aggregation ({@link AggregationTopology}) and the hourly indicators
 * ({@link IndicatorTopology}) in one topology, so {@link Topics#TELEMETRY} is read and decoded once for both, and
 * each reading is deduplicated and judged late once, per device, by the aggregation's device windows. The indicators
 * take the readings those windows counted; before, they ran as an application of their own that read every reading
 * again and kept a second deduplication store (the bottleneck at 6 values per message, docs/benchmarks.md).
 */
public final class TelemetryTopology {

    private TelemetryTopology() {}

    /**
     * @param registry       the devices, which may change while the topology runs
     * @param indicators     the indicators' definitions
     * @param aggregateGrace how far behind its own device's latest reading a reading may be and still be counted, by
     *                       the minute windows and so by the hours
     * @param dedupWindow    how long (in the device's event time) a counted reading is remembered, to drop a copy
     * @param indicator      the hours' own grace and the flood alert levels
     */
    public static Topology build(
            Supplier<DeviceRegistry> registry,
            IndicatorRegistry indicators,
            Duration aggregateGrace,
            Duration dedupWindow,
            IndicatorOptions indicator) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Reading> counted = AggregationTopology.addTo(
                builder, registry, aggregateGrace, dedupWindow, AggregationTopology.AREA_RETENTION);
        IndicatorTopology.addTo(builder, counted, registry, indicators, indicator);
        return builder.build();
    }
}
