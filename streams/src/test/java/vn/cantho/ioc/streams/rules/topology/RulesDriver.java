package vn.cantho.ioc.streams.rules.topology;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * The rules topology with the built-in catalogue in a {@link TopologyTestDriver}: readings and feed
 * records with explicit event times, and a wall clock the test moves by hand.
 */
final class RulesDriver implements AutoCloseable {

    static final Duration TICK = Duration.ofSeconds(10);
    static final Set<String> FEEDS = Set.of(
            "socioeconomic-monthly",
            "socioeconomic-quarterly",
            "dossiers-daily",
            "hotline-1022-reports",
            "social-listening-hourly",
            "soc-daily",
            "soc-incidents",
            "tourism-monthly",
            "hotel-occupancy-daily",
            "traffic-safety-daily");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Reading> telemetry;
    private final TestInputTopic<String, FeedRecord> feeds;
    private final TestInputTopic<String, Indicator> indicators;
    private final TestInputTopic<String, Aggregate> aggregates;
    private final TestOutputTopic<String, ConditionEvent> events;
    private final LiveRegistry registry;
    private Instant wallClock;

    RulesDriver(Path stateDir, Instant start) {
        DeviceRegistry devices = DeviceRegistry.builtIn();
        registry = new LiveRegistry(devices, 0);
        IndicatorRegistry indicators = IndicatorRegistry.builtIn();
        RuleCatalogue catalogue = RuleCatalogue.builtIn(devices, indicators, FEEDS);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rules-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                RulesTopology.build(
                        catalogue, registry, indicators, vn.cantho.ioc.model.calendar.WorkingCalendar.builtIn(), TICK),
                props,
                start);
        wallClock = start;
        telemetry = driver.createInputTopic(
                Topics.TELEMETRY.name(),
                Topics.TELEMETRY.keySerde().serializer(),
                Topics.TELEMETRY.valueSerde().serializer());
        feeds = driver.createInputTopic(
                Topics.FEED_RECORDS.name(),
                Topics.FEED_RECORDS.keySerde().serializer(),
                Topics.FEED_RECORDS.valueSerde().serializer());
        this.indicators = driver.createInputTopic(
                Topics.INDICATORS.name(),
                Topics.INDICATORS.keySerde().serializer(),
                Topics.INDICATORS.valueSerde().serializer());
        aggregates = driver.createInputTopic(
                Topics.AGGREGATES_1M.name(),
                Topics.AGGREGATES_1M.keySerde().serializer(),
                Topics.AGGREGATES_1M.valueSerde().serializer());
        events = driver.createOutputTopic(
                Topics.ALERT_CONDITIONS.name(),
                Topics.ALERT_CONDITIONS.keySerde().deserializer(),
                Topics.ALERT_CONDITIONS.valueSerde().deserializer());
    }

    /** A reading of one metric, measured at {@code ts}. */
    void reading(String device, String metric, double value, Instant ts) {
        telemetry.pipeInput(
                device, new Reading(Reading.SCHEMA_VERSION, device, ts, Map.of(metric, value), ts, "test"), ts);
    }

    void feedRecord(
            String feed,
            String recordKey,
            Instant ts,
            String areaCode,
            Map<String, Object> fields,
            Map<String, Double> metrics) {
        String domain =
                feed.startsWith("hotline") ? "citizen_feedback" : feed.startsWith("soc") ? "cybersecurity" : "test";
        FeedRecord record = new FeedRecord(
                FeedRecord.SCHEMA_VERSION,
                feed,
                "test",
                domain,
                recordKey,
                ts,
                null,
                areaCode,
                fields,
                metrics,
                wallClock,
                "test",
                Map.of());
        feeds.pipeInput(record.key(), record, wallClock);
    }

    /** An area's 1-minute aggregate of one metric with the given mean (a single reading). */
    void areaMean(String area, String metric, double mean, Instant windowStart) {
        Aggregate a = new Aggregate(
                Aggregate.SCHEMA_VERSION,
                vn.cantho.ioc.model.Scope.AREA,
                area,
                metric,
                "environment",
                area,
                windowStart,
                windowStart.plusSeconds(60),
                1,
                mean,
                mean,
                mean,
                mean);
        aggregates.pipeInput(a.key(), a, windowStart);
    }

    void indicator(Indicator indicator) {
        indicators.pipeInput(indicator.key(), indicator, wallClock);
    }

    /** Moves the wall clock in tick-sized steps, so every punctuation on the way runs. */
    void advance(Duration by) {
        Instant target = wallClock.plus(by);
        while (wallClock.isBefore(target)) {
            Duration step = Duration.between(wallClock, target).compareTo(TICK) < 0
                    ? Duration.between(wallClock, target)
                    : TICK;
            driver.advanceWallClockTime(step);
            wallClock = wallClock.plus(step);
        }
    }

    /** Puts a new device registry in force, as the admin API does while the topology runs. */
    void changeRegistry(java.util.function.UnaryOperator<DeviceRegistry> change) {
        registry.offer(registry.version() + 1, change.apply(registry.get()));
    }

    Instant now() {
        return wallClock;
    }

    /** Every event published since the last call. */
    List<ConditionEvent> events() {
        return events.readValuesToList();
    }

    Map<String, AlertState> alerts() {
        Map<String, AlertState> all = new java.util.TreeMap<>();
        driver.<String, AlertState>getKeyValueStore(RulesTopology.STATE_STORE)
                .all()
                .forEachRemaining(kv -> all.put(kv.key, kv.value));
        return all;
    }

    @Override
    public void close() {
        driver.close();
    }
}
