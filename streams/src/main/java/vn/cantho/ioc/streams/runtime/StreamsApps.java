package vn.cantho.ioc.streams.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.streams.Topology;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;
import vn.cantho.ioc.streams.indicator.IndicatorSettings;
import vn.cantho.ioc.streams.indicator.IndicatorTopology;
import vn.cantho.ioc.streams.kpi.KpiTopology;
import vn.cantho.ioc.streams.kpi.SlaPolicy;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.rules.topology.RulesTopology;

/**
 * The streams stages a hub runs, each a {@link StreamsRunner} of its topology built from the options it owns plus
 * the settings every application shares, so the launcher wires stages without knowing their topologies.
 *
 * @param bootstrapServers  the Kafka cluster
 * @param stateDir          where every application keeps its local state (one directory per application id)
 * @param replicationFactor of the internal topics: 1 on the embedded single broker, 3 on a production cluster
 * @param threads           stream threads per application
 */
public record StreamsApps(String bootstrapServers, Path stateDir, int replicationFactor, int threads) {

    /** The 1-minute aggregation per device and per area (docs/architecture.md, stream processing). */
    public StreamsRunner aggregation(String appId, Supplier<DeviceRegistry> registry, Duration grace,
                                     Duration dedupWindow, Duration commitInterval) {
        return runner(appId, AggregationTopology.build(registry, grace, dedupWindow), commitInterval);
    }

    /** The department KPIs over the feed records (docs/kpis.md). */
    public StreamsRunner kpis(String appId, IndicatorRegistry indicators, WorkingCalendar calendar,
                              Duration commitInterval) {
        return runner(appId, KpiTopology.build(indicators, SlaPolicy.standard(calendar)), commitInterval);
    }

    /** The rule processor: its own application, so it scales and restarts apart from aggregation (docs/rules.md). */
    public StreamsRunner rules(String appId, RuleCatalogue catalogue, Supplier<DeviceRegistry> registry,
                               IndicatorRegistry indicators, WorkingCalendar calendar, Duration tickInterval,
                               Duration commitInterval) {
        return runner(appId, RulesTopology.build(catalogue, registry, indicators, calendar, tickInterval),
                commitInterval);
    }

    /** VN_AQI, flood alert level and rise rate per station (docs/vn-aqi.md). */
    public StreamsRunner indicators(String appId, Supplier<DeviceRegistry> registry, IndicatorRegistry indicators,
                                    IndicatorSettings settings, Duration commitInterval) {
        return runner(appId, IndicatorTopology.build(registry, indicators, settings), commitInterval);
    }

    private StreamsRunner runner(String appId, Topology topology, Duration commitInterval) {
        return new StreamsRunner(topology, StreamsRunner.properties(appId, bootstrapServers, stateDir,
                replicationFactor, threads, commitInterval));
    }
}
