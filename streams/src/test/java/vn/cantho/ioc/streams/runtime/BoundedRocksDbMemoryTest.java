package vn.cantho.ioc.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.streams.aggregate.AggregationTopology;

class BoundedRocksDbMemoryTest {

    @Test
    void every_store_gets_the_shared_budget_small_memtables_and_cached_index_blocks() {
        // Given a store's options as RocksDB makes them
        try (Options options = new Options()) {
            options.setTableFormatConfig(new BlockBasedTableConfig());

            // When
            new BoundedRocksDbMemory().setConfig("aggregate-device-windows", options, Map.of());

            // Then
            BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
            assertThat(options.writeBufferSize()).isEqualTo(4L * 1024 * 1024);
            assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
        }
    }

    @Test
    void the_hubs_streams_settings_run_a_topology_with_persistent_stores_on_the_shared_budget(@TempDir Path dir) {
        // Given the settings every hub application runs with
        Properties props =
                StreamsRunner.properties("bounded-memory-test", "unused:9092", dir, 1, 1, Duration.ofMillis(100));
        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        Instant t0 = Instant.parse("2026-12-06T03:00:00Z");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AggregationTopology.build(DeviceRegistry.builtIn(), Duration.ofHours(1), Duration.ofHours(1)),
                props,
                t0)) {
            TestInputTopic<String, Reading> telemetry = driver.createInputTopic(
                    Topics.TELEMETRY.name(),
                    Topics.TELEMETRY.keySerde().serializer(),
                    Topics.TELEMETRY.valueSerde().serializer());
            TestOutputTopic<String, Aggregate> aggregates = driver.createOutputTopic(
                    Topics.AGGREGATES_1M.name(),
                    Topics.AGGREGATES_1M.keySerde().deserializer(),
                    Topics.AGGREGATES_1M.valueSerde().deserializer());

            // When a station reports twice in a minute
            for (int second : new int[] {5, 35}) {
                Instant ts = t0.plusSeconds(second);
                telemetry.pipeInput(
                        "aq-ninh-kieu-01",
                        new Reading(
                                Reading.SCHEMA_VERSION,
                                "aq-ninh-kieu-01",
                                ts,
                                Map.of("pm25", 20.0 + second),
                                ts,
                                "test"),
                        ts);
            }
            driver.advanceWallClockTime(Duration.ofSeconds(1));
            driver.advanceWallClockTime(Duration.ofSeconds(1));

            // Then the stores work as ever: the device's minute holds both readings
            Map<String, Aggregate> latest = new HashMap<>();
            aggregates.readKeyValuesToList().forEach(record -> latest.put(record.key, record.value));
            assertThat(latest.values()).anySatisfy(aggregate -> {
                assertThat(aggregate.entityId()).isEqualTo("aq-ninh-kieu-01");
                assertThat(aggregate.count()).isEqualTo(2);
            });
        }
    }
}
