package vn.cantho.ioc.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topic;
import vn.cantho.ioc.model.kafka.Topics;

/** The other half of the old-versus-new equivalence tests: what a compacted output topic keeps for given input. */
public final class LastVersions {

    private LastVersions() {}

    /**
     * Pipes {@code input} into {@link Topics#TELEMETRY} of {@code topology} (event time = each reading's {@code ts}),
     * lets one commit interval of wall-clock time pass every {@code advanceEvery} readings and twice at the end (so
     * a change passed on by one emission and combined by the next is out too), and returns the last value per key of
     * {@code output}: what a sink that upserts by key, or compaction, keeps.
     */
    public static <V> Map<String, V> of(
            Topology topology, List<Reading> input, Topic<String, V> output, Instant start, int advanceEvery) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "equivalence-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        Map<String, V> latest = new HashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, start)) {
            TestInputTopic<String, Reading> telemetry = driver.createInputTopic(
                    Topics.TELEMETRY.name(),
                    Topics.TELEMETRY.keySerde().serializer(),
                    Topics.TELEMETRY.valueSerde().serializer());
            TestOutputTopic<String, V> out = driver.createOutputTopic(
                    output.name(),
                    output.keySerde().deserializer(),
                    output.valueSerde().deserializer());
            for (int i = 0; i < input.size(); i++) {
                Reading reading = input.get(i);
                telemetry.pipeInput(reading.deviceId(), reading, reading.ts());
                if (i % advanceEvery == 0) {
                    driver.advanceWallClockTime(Duration.ofSeconds(1));
                }
            }
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            out.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        }
        return latest;
    }
}
