package vn.cantho.ioc.streams.rules.topology;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.kafka.SmileSerde;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.state.ObjectCachingStores;

/**
 * The rules application: telemetry (device rules), 1-minute area aggregates (area rules), indicators
 * (VN_AQI, flood level, KPIs) and department feed records (SLA, SOC incidents, stale feeds) are turned
 * into rule signals, on the partition of their source so that one task owns every alert of a source (its stale
 * alert included): telemetry signals stay on their telemetry partition (keyed by device id), the others are
 * repartitioned by source onto the same number of partitions; all are evaluated against the alerts' condition state in one changelogged store.
 * Condition events go to {@link Topics#ALERT_CONDITIONS}, keyed by alert key.
 */
public final class RulesTopology {

    /** Condition state per alert key; its changelog restores every alert after a restart. */
    public static final String STATE_STORE = "rule-alert-state";
    /** Name of the repartition topic (suffix) that routes every signal to the task owning its source. */
    public static final String SIGNALS = "rule-signals-by-source";

    private static final SmileSerde<RuleSignal> SIGNAL_SERDE = new SmileSerde<>(RuleSignal.class);
    private static final SmileSerde<AlertState> STATE_SERDE = new SmileSerde<>(AlertState.class);

    private RulesTopology() {}

    /** The topology over a registry that never changes, with the built-in working-day calendar. */
    public static Topology build(
            RuleCatalogue catalogue, DeviceRegistry devices, IndicatorRegistry indicators, Duration tickInterval) {
        return build(catalogue, () -> devices, indicators, WorkingCalendar.builtIn(), tickInterval);
    }

    /**
     * The topology over a device registry that may change while it runs (see LiveRegistry): each record
     * is routed, and each event labelled, with the registry in force when it is processed.
     *
     * @param calendar     working days of the SLA rules counted in working days (public holidays are not)
     * @param tickInterval wall-clock interval of the punctuation that runs the timers; a timer is late by at most this
     */
    public static Topology build(
            RuleCatalogue catalogue,
            Supplier<DeviceRegistry> devices,
            IndicatorRegistry indicators,
            WorkingCalendar calendar,
            Duration tickInterval) {
        RuleRouter router = new RuleRouter(catalogue, devices, indicators);
        StreamsBuilder builder = new StreamsBuilder();
        // Object-cached: an alert's state changes with nearly every signal, and is encoded and written to RocksDB and
        // the changelog once per commit instead of once per signal.
        builder.addStateStore(ObjectCachingStores.persistentKeyValueStore(STATE_STORE, Serdes.String(), STATE_SERDE));

        // Telemetry is keyed by device id, the source of every signal it makes, so its signals are already on the
        // partition of the task that owns their alerts: only the other inputs are repartitioned. Telemetry is most of
        // the signals, and each repartitioned one was serialised, produced, consumed and decoded once more.
        KStream<String, RuleSignal> telemetry = source(builder, Topics.TELEMETRY, "telemetry")
                .flatMapValues(router::telemetrySignals, Named.as("telemetry-to-signals"));
        KStream<String, RuleSignal> aggregates = source(builder, Topics.AGGREGATES_1M, "aggregates")
                .flatMap((k, v) -> router.fromAggregate(v), Named.as("aggregates-to-signals"));
        KStream<String, RuleSignal> indicatorSignals = source(builder, Topics.INDICATORS, "indicators")
                .flatMap((k, v) -> router.fromIndicator(v), Named.as("indicators-to-signals"));
        KStream<String, RuleSignal> feeds = source(builder, Topics.FEED_RECORDS, "feed-records")
                .flatMap((k, v) -> router.fromFeedRecord(v), Named.as("feed-records-to-signals"));

        aggregates
                .merge(indicatorSignals, Named.as("merge-indicator-signals"))
                .merge(feeds, Named.as("merge-feed-signals"))
                .repartition(Repartitioned.with(Serdes.String(), SIGNAL_SERDE)
                        .withName(SIGNALS)
                        .withNumberOfPartitions(Topics.TELEMETRY.partitions()))
                .merge(telemetry, Named.as("merge-telemetry-signals"))
                .process(
                        () -> new RuleProcessor(
                                catalogue,
                                router,
                                new EventFactory(devices, indicators),
                                calendar,
                                STATE_STORE,
                                tickInterval),
                        Named.as("evaluate-rules"),
                        STATE_STORE)
                .to(
                        Topics.ALERT_CONDITIONS.name(),
                        Produced.with(Topics.ALERT_CONDITIONS.keySerde(), Topics.ALERT_CONDITIONS.valueSerde())
                                .withName("alert-conditions-sink"));
        return builder.build();
    }

    private static <V> KStream<String, V> source(StreamsBuilder builder, Topic<String, V> topic, String name) {
        return builder.stream(
                topic.name(),
                Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source"));
    }
}
