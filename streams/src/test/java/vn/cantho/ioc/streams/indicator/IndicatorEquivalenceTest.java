package vn.cantho.ioc.streams.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.JitteredInput;
import vn.cantho.ioc.streams.LastVersions;
import vn.cantho.ioc.streams.telemetry.TelemetryTopology;

/**
 * Old versus new: the indicators behind the aggregation's device windows (one read of telemetry, one deduplication)
 * give every indicator the separate indicator application gave, for input both count completely.
 */
class IndicatorEquivalenceTest {

    /** 23:00 in Cần Thơ: the 30 hours cover the whole Vietnam day of 2026-11-24, so its daily index too. */
    private static final Instant T0 = Instant.parse("2026-11-23T16:00:00Z");

    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration AGGREGATE_GRACE = Duration.ofHours(1);
    private static final Duration DEDUP = Duration.ofHours(1);
    private static final DeviceRegistry REGISTRY = DeviceRegistry.builtIn();
    private static final IndicatorOptions OPTIONS = new IndicatorOptions(GRACE, FloodAlertLevels.CAN_THO);

    @Test
    void
            thirty_hours_of_every_station_and_gauge_with_jitter_and_redeliveries_give_the_indicators_of_the_old_topology() {
        // Given 30 hours in which every air station and gauge reports every 2 minutes, a little out of order, some
        // readings twice
        List<Reading> input = input(new Random(7));

        // When both topologies read them
        Map<String, Indicator> before =
                run(LegacyIndicatorTopology.build(REGISTRY, IndicatorRegistry.builtIn(), OPTIONS, DEDUP), input);
        Map<String, Indicator> now = run(
                TelemetryTopology.build(() -> REGISTRY, IndicatorRegistry.builtIn(), AGGREGATE_GRACE, DEDUP, OPTIONS),
                input);

        // Then every indicator's last version (what the sink keeps) is the same
        assertThat(before.keySet()).anyMatch(key -> key.startsWith(IndicatorTopology.VN_AQI_DAILY));
        assertThat(before.keySet()).anyMatch(key -> key.startsWith(IndicatorTopology.WATER_LEVEL_RISE_RATE));
        assertThat(before).hasSizeGreaterThan(100);
        assertThat(now).isEqualTo(before);
    }

    /**
     * Values in quarters (sums exact in any order), shuffled within blocks of three steps (at most 6 minutes out of
     * order, inside both graces), one reading in twenty delivered again within its block.
     */
    private static List<Reading> input(Random random) {
        List<Device> devices = REGISTRY.devices().stream()
                .filter(device -> device.metrics().stream().anyMatch(IndicatorTopology::isInputMetric))
                .toList();
        List<Reading> readings = new ArrayList<>();
        for (int step = 0; step < 30 * 30; step++) {
            for (int i = 0; i < devices.size(); i++) {
                Device device = devices.get(i);
                Instant ts = T0.plusSeconds(step * 120L + i);
                Map<String, Double> values = new LinkedHashMap<>();
                device.metrics()
                        .forEach(metric -> values.put(
                                metric,
                                metric.equals("water_level")
                                        ? 1.5 + random.nextInt(40) / 64.0
                                        : random.nextInt(400) / 4.0));
                readings.add(new Reading(Reading.SCHEMA_VERSION, device.id(), ts, values, ts, "test"));
            }
        }
        return JitteredInput.shuffledWithCopies(readings, 3 * devices.size(), random);
    }

    private static Map<String, Indicator> run(Topology topology, List<Reading> input) {
        return LastVersions.of(topology, input, Topics.INDICATORS, T0, 200);
    }
}
