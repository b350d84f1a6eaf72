package vn.cantho.ioc.streams.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.indicator.IndicatorTopology;
import vn.cantho.ioc.streams.kpi.KpiTopology;
import vn.cantho.ioc.streams.kpi.SlaPolicy;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.rules.topology.RulesTopology;

/**
 * The streams stages a hub runs, each a {@link StreamsRunner} of its topology built from the module's options plus
 * what every application shares, so the launcher wires stages without knowing their topologies.
 *
 * @param options           the streams applications' settings
 * @param bootstrapServers  the Kafka cluster
 * @param stateDir          where every application keeps its local state (one directory per application id)
 * @param replicationFactor of the internal topics: 1 on the embedded single broker, 3 on a production cluster
 */
public record StreamsApps(StreamsOptions options, String bootstrapServers, Path stateDir, int replicationFactor) {

    /** The 1-minute aggregation per device and per area (docs/architecture.md, stream processing). */
    public StreamsRunner aggregation(Supplier<DeviceRegistry> registry) {
        return runner(
                options.aggregationAppId(),
                AggregationTopology.build(registry, options.aggregateGrace(), options.dedupWindow()),
                options.commitInterval());
    }

    /** The department KPIs over the feed records (docs/kpis.md). */
    public StreamsRunner kpis(IndicatorRegistry indicators) {
        return runner(
                options.kpiAppId(),
                KpiTopology.build(indicators, SlaPolicy.standard(options.calendar())),
                options.commitInterval());
    }

    /** The rule processor: its own application, so it scales and restarts apart from aggregation (docs/rules.md). */
    public StreamsRunner rules(
            RuleCatalogue catalogue, Supplier<DeviceRegistry> registry, IndicatorRegistry indicators) {
        StreamsOptions.Rules rules = options.rules();
        Properties props = properties(rules.appId(), rules.commitInterval());
        // A rule task reads its telemetry partition and its repartitioned signals together. By default Kafka Streams
        // holds the task whenever one of the two has records on the broker it has not fetched yet (to process both in
        // timestamp order); the repartitioned signals are written by this application's own transactions, so
        // telemetry signals, which need no order against them, waited on that round trip (docs/rules.md).
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        return new StreamsRunner(
                RulesTopology.build(catalogue, registry, indicators, options.calendar(), rules.tickInterval()), props);
    }

    /** VN_AQI, flood alert level and rise rate per station (docs/vn-aqi.md). */
    public StreamsRunner indicators(Supplier<DeviceRegistry> registry, IndicatorRegistry indicators) {
        return runner(
                options.indicatorsAppId(),
                IndicatorTopology.build(registry, indicators, options.indicators()),
                options.commitInterval());
    }

    private StreamsRunner runner(String appId, Topology topology, Duration commitInterval) {
        return new StreamsRunner(topology, properties(appId, commitInterval));
    }

    private Properties properties(String appId, Duration commitInterval) {
        return StreamsRunner.properties(
                appId, bootstrapServers, stateDir, replicationFactor, options.threads(), commitInterval);
    }
}
