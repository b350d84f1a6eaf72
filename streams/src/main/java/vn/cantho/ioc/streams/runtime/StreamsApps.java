package vn.cantho.ioc.streams.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.kpi.KpiTopology;
import vn.cantho.ioc.streams.kpi.SlaPolicy;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.rules.topology.RulesTopology;
import vn.cantho.ioc.streams.telemetry.TelemetryTopology;

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

    /**
     * The telemetry application: the 1-minute aggregation per device and per area and the hourly VN_AQI and flood
     * indicators per station, reading telemetry once (docs/architecture.md, stream processing; docs/vn-aqi.md).
     */
    public StreamsRunner telemetry(Supplier<DeviceRegistry> registry, IndicatorRegistry indicators) {
        return runner(
                options.aggregationAppId(),
                TelemetryTopology.build(
                        registry, indicators, options.aggregateGrace(), options.dedupWindow(), options.indicators()),
                options.commitInterval());
    }

    /**
     * Copies the indicator state hubs built before 2026-12-06 kept under its own application ({@code INDICATORS_APP_ID}) into
     * the telemetry application's changelogs, once, before {@link #telemetry} first starts.
     */
    public IndicatorStateCopy indicatorStateCopy() {
        return new IndicatorStateCopy(
                bootstrapServers, options.formerIndicatorsAppId(), options.aggregationAppId(), replicationFactor);
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

    private StreamsRunner runner(String appId, Topology topology, Duration commitInterval) {
        return new StreamsRunner(topology, properties(appId, commitInterval));
    }

    private Properties properties(String appId, Duration commitInterval) {
        return StreamsRunner.properties(
                appId, bootstrapServers, stateDir, replicationFactor, options.threads(), commitInterval);
    }
}
