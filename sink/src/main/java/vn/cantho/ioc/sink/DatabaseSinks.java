package vn.cantho.ioc.sink;

import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.sink.loop.LoopOptions;
import vn.cantho.ioc.sink.loop.RecordReader;
import vn.cantho.ioc.store.AggregateWriter;
import vn.cantho.ioc.store.ObservationWriter;
import vn.cantho.ioc.store.indicator.IndicatorWriter;

/**
 * The hub's database sinks, each a {@link KafkaToDatabase} loop from one topic into its table (docs/storage.md):
 * raw readings into {@code observations}, one-minute aggregates into {@code metric_agg_1m}, derived indicators
 * into {@code indicator_values}. A value its table cannot take (the writer's {@code problem}) is dead-lettered
 * rather than retried for ever, which would stop every row behind it; readings are checked by
 * {@link ObservationSinkWriter} instead, which skips and counts what it cannot enrich.
 */
public final class DatabaseSinks {

    private DatabaseSinks() {}

    /**
     * {@code ioc.telemetry.v1} → {@code observations}, enriched with the device's domain and area, by
     * {@code consumers} loops of one group: every reading makes one row per value, the most rows of any sink, and one
     * loop alone fell behind at 10,000 msg/s × 6 values while the CPU was not saturated (docs/benchmarks.md).
     */
    public static List<KafkaToDatabase<Reading>> observations(
            LoopOptions options, int consumers, Supplier<DeviceRegistry> registry, DataSource dataSource) {
        return KafkaToDatabase.sinks(
                RecordReader.of(Topics.TELEMETRY, "reading"),
                options,
                () -> new ObservationSinkWriter(registry, new ObservationWriter(dataSource)),
                consumers);
    }

    /** {@code ioc.aggregates.1m.v1} → {@code metric_agg_1m} (upsert: a re-emitted window replaces its row). */
    public static KafkaToDatabase<Aggregate> aggregates(LoopOptions options, DataSource dataSource) {
        return KafkaToDatabase.sink(
                RecordReader.of(Topics.AGGREGATES_1M, "aggregate", AggregateWriter::problem),
                options,
                new AggregateWriter(dataSource)::upsert);
    }

    /** {@code ioc.indicators.v1} → {@code indicator_values} (upsert per indicator, entity, labels and period). */
    public static KafkaToDatabase<Indicator> indicators(LoopOptions options, DataSource dataSource) {
        return KafkaToDatabase.sink(
                RecordReader.of(Topics.INDICATORS, "indicator", IndicatorWriter::problem),
                options,
                new IndicatorWriter(dataSource)::upsert);
    }
}
