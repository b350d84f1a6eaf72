package vn.cantho.ioc.streams.aggregate;

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
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.streams.JitteredInput;
import vn.cantho.ioc.streams.LastVersions;

/**
 * Old versus new: for input the old topology counted completely (every reading within the grace of stream time), the
 * per-device topology stores the same aggregate in every device and area minute.
 */
class AggregationEquivalenceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final Duration DEDUP = Duration.ofMinutes(30);
    private static final DeviceRegistry REGISTRY = DeviceRegistry.builtIn();

    @Test
    void an_hour_of_every_registered_device_with_jitter_and_redeliveries_gives_the_aggregates_the_old_topology_gave() {
        // Given an hour in which every device reports every 30 s, a little out of order, some readings twice
        List<Reading> input = input(new Random(11));

        // When both topologies read them
        Map<String, Aggregate> before = run(LegacyAggregationTopology.build(REGISTRY, GRACE, DEDUP), input);
        Map<String, Aggregate> now = run(AggregationTopology.build(REGISTRY, GRACE, DEDUP), input);

        // Then every device and area minute is the same
        assertThat(before).hasSizeGreaterThan(1000);
        assertThat(now).isEqualTo(before);
    }

    /**
     * Device i reports at second i of each half minute (so no two devices of an area share an instant, where the two
     * topologies pick {@code last} differently), values in quarters (so sums are exact in any order), up to 90 s out
     * of order, and one reading in twenty is delivered a second time (a copy of one in the same 90 s).
     */
    private static List<Reading> input(Random random) {
        List<Device> devices = List.copyOf(REGISTRY.devices());
        List<Reading> readings = new ArrayList<>();
        for (int step = 0; step < 120; step++) {
            for (int i = 0; i < devices.size(); i++) {
                Device device = devices.get(i);
                Instant ts = T0.plusSeconds(step * 30L + i);
                Map<String, Double> values = new LinkedHashMap<>();
                device.metrics().forEach(metric -> values.put(metric, random.nextInt(400) / 4.0));
                readings.add(new Reading(Reading.SCHEMA_VERSION, device.id(), ts, values, ts, "test"));
            }
        }
        // Shuffled within blocks of three half-minutes: out of order by at most 90 s, well inside the grace.
        return JitteredInput.shuffledWithCopies(readings, 3 * devices.size(), random);
    }

    private static Map<String, Aggregate> run(Topology topology, List<Reading> input) {
        return LastVersions.of(topology, input, Topics.AGGREGATES_1M, T0, 500);
    }
}
