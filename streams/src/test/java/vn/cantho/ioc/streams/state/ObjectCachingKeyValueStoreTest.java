package vn.cantho.ioc.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cantho.ioc.streams.runtime.StreamsRunner;

class ObjectCachingKeyValueStoreTest {

    private static final String APP = "object-cache-test";
    private static final String STORE = "counts";
    private static final String CHANGELOG = APP + "-" + STORE + "-changelog";

    /** Counts each key's records in the store and answers every record with a full scan of it. */
    private static final class CountAndScan implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, Long> counts;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.counts = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            Long before = counts.get(record.key());
            counts.put(record.key(), before == null ? 1 : before + 1);
            if ("delete".equals(record.value())) {
                counts.delete(record.key());
            }
            if ("no-scan".equals(record.value())) {
                return;
            }
            List<String> all = new ArrayList<>();
            try (KeyValueIterator<String, Long> scan = counts.all()) {
                scan.forEachRemaining(entry -> all.add(entry.key + "=" + entry.value));
            }
            context.forward(record.withValue(String.join(",", all)));
        }
    }

    private static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(ObjectCachingStores.persistentKeyValueStore(STORE, Serdes.String(), Serdes.Long()));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(CountAndScan::new, Named.as("count-and-scan"), STORE)
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    @Test
    void values_written_between_commits_are_read_scanned_and_reach_the_changelog(@TempDir Path dir) {
        // Given the hub's exactly-once settings
        Properties props = StreamsRunner.properties(APP, "unused:9092", dir, 1, 1, Duration.ofMillis(100));
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic(
                    "in", Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic(
                    "out", Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<String, Long> changelog = driver.createOutputTopic(
                    CHANGELOG, Serdes.String().deserializer(), Serdes.Long().deserializer());

            // When
            in.pipeInput("a", "x");
            in.pipeInput("b", "x");
            in.pipeInput("a", "x");
            in.pipeInput("b", "delete");

            // Then every read and scan saw the task's own writes
            assertThat(out.readValuesToList()).containsExactly("a=1", "a=1,b=1", "a=2,b=1", "a=2");
            // and the changelog, from which a restarted task restores, ends with the same state
            List<KeyValue<String, Long>> logged = changelog.readKeyValuesToList();
            assertThat(logged).isNotEmpty();
            assertThat(lastValue(logged, "a")).isEqualTo(2L);
            assertThat(lastValue(logged, "b")).isNull();
            KeyValueStore<String, Long> store = driver.getKeyValueStore(STORE);
            assertThat(store.get("a")).isEqualTo(2L);
            assertThat(store.get("b")).isNull();
        }
    }

    @Test
    void a_value_only_written_reaches_the_changelog_when_the_task_commits(@TempDir Path dir) {
        // Given
        Properties props = StreamsRunner.properties(APP, "unused:9092", dir, 1, 1, Duration.ofMillis(100));
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), props)) {
            TestInputTopic<String, String> in = driver.createInputTopic(
                    "in", Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, Long> changelog = driver.createOutputTopic(
                    CHANGELOG, Serdes.String().deserializer(), Serdes.Long().deserializer());

            // When a record changes the store and nothing scans it (the driver commits after each record)
            in.pipeInput("c", "no-scan");
            in.pipeInput("c", "no-scan");

            // Then each commit wrote the value down
            assertThat(changelog.readKeyValuesToList()).containsExactly(KeyValue.pair("c", 1L), KeyValue.pair("c", 2L));
        }
    }

    private static Long lastValue(List<KeyValue<String, Long>> logged, String key) {
        Long last = null;
        for (KeyValue<String, Long> entry : logged) {
            if (entry.key.equals(key)) {
                last = entry.value;
            }
        }
        return last;
    }
}
