package vn.cantho.ioc.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.SmileSerde;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;

class AggregationTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration DEDUP = Duration.ofMinutes(10);
    private static final Duration EMIT_INTERVAL = Duration.ofSeconds(1);
    private static final String APP = "aggregation-test";
    private static final Map<String, Double> AIR =
            Map.of("pm25", 12.0, "pm10", 30.0, "o3", 40.0, "co", 900.0, "no2", 20.0, "so2", 8.0);

    private Driver driver;

    @BeforeEach
    void startDriver() {
        driver = new Driver();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void readings_in_one_minute_aggregate_per_device_and_per_area() {
        driver.send("aq-ninh-kieu-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        driver.send("aq-ninh-kieu-01", T0.plusSeconds(25), Map.of("pm25", 30.0));
        driver.send("aq-ninh-kieu-02", T0.plusSeconds(40), Map.of("pm25", 50.0));

        Map<String, Aggregate> latest = driver.latestByKey();

        Aggregate device = latest.get(key(Scope.DEVICE, "aq-ninh-kieu-01", "pm25", T0));
        assertThat(device.count()).isEqualTo(2);
        assertThat(device.min()).isEqualTo(10.0);
        assertThat(device.max()).isEqualTo(30.0);
        assertThat(device.avg()).isEqualTo(20.0);
        assertThat(device.last()).isEqualTo(30.0);
        assertThat(device.windowEnd()).isEqualTo(T0.plusSeconds(60));
        assertThat(device.domain()).isEqualTo("environment");
        assertThat(device.areaCode()).isEqualTo("ninh-kieu");

        Aggregate area = latest.get(key(Scope.AREA, "ninh-kieu", "pm25", T0));
        assertThat(area.count()).isEqualTo(3);
        assertThat(area.avg()).isCloseTo(30.0, within(1e-9));
        assertThat(area.max()).isEqualTo(50.0);
        assertThat(area.domain()).isEqualTo("environment");
        assertThat(area.areaCode()).isEqualTo("ninh-kieu");
    }

    @Test
    void area_window_is_the_combination_of_its_devices_windows_open_or_closed() {
        // Given two stations of one area, the first of which has moved on so that its minute is closed
        driver.send("aq-cai-rang-01", T0.plusSeconds(10), Map.of("pm10", 40.0));
        driver.send("aq-cai-rang-01", T0.plusSeconds(20), Map.of("pm10", 20.0));
        driver.send("aq-cai-rang-01", T0.plusSeconds(200), Map.of("pm10", 1.0));
        driver.send("aq-cai-rang-02", T0.plusSeconds(15), Map.of("pm10", 70.0));
        driver.send("aq-cai-rang-02", T0.plusSeconds(30), Map.of("pm10", 5.0));

        // When the changes are emitted
        Map<String, Aggregate> latest = driver.latestByKey();

        // Then the area's minute counts, sums and bounds both stations, last being the latest reading of either
        Aggregate area = latest.get(key(Scope.AREA, "cai-rang", "pm10", T0));
        assertThat(area.count()).isEqualTo(4);
        assertThat(area.sum()).isEqualTo(135.0);
        assertThat(area.min()).isEqualTo(5.0);
        assertThat(area.max()).isEqualTo(70.0);
        assertThat(area.last()).isEqualTo(5.0);
        assertThat(latest.get(key(Scope.DEVICE, "aq-cai-rang-01", "pm10", T0)).last())
                .isEqualTo(20.0);

        // And a later reading of the open station changes the area on top of the closed station's final window
        driver.send("aq-cai-rang-02", T0.plusSeconds(45), Map.of("pm10", 100.0));
        Aggregate updated = driver.latestByKey().get(key(Scope.AREA, "cai-rang", "pm10", T0));
        assertThat(updated.count()).isEqualTo(5);
        assertThat(updated.sum()).isEqualTo(235.0);
        assertThat(updated.max()).isEqualTo(100.0);
        assertThat(updated.last()).isEqualTo(100.0);
    }

    @Test
    void readings_of_the_next_minute_open_a_new_window() {
        driver.send("aq-cai-rang-01", T0.plusSeconds(59), Map.of("pm10", 40.0));
        driver.send("aq-cai-rang-01", T0.plusSeconds(60), Map.of("pm10", 80.0));

        Map<String, Aggregate> latest = driver.latestByKey();

        assertThat(latest.get(key(Scope.DEVICE, "aq-cai-rang-01", "pm10", T0)).count())
                .isEqualTo(1);
        assertThat(latest.get(key(Scope.DEVICE, "aq-cai-rang-01", "pm10", T0.plusSeconds(60)))
                        .max())
                .isEqualTo(80.0);
    }

    @Test
    void late_reading_within_grace_updates_its_window_and_keeps_last_by_event_time() {
        driver.send("aq-o-mon-01", T0.plusSeconds(50), Map.of("pm25", 20.0));
        driver.send("aq-o-mon-01", T0.plusSeconds(75), Map.of("pm25", 22.0));
        // Arrives after a reading of the next minute, but its event time is earlier: out of order.
        driver.send("aq-o-mon-01", T0.plusSeconds(10), Map.of("pm25", 90.0));

        Aggregate first = driver.latestByKey().get(key(Scope.DEVICE, "aq-o-mon-01", "pm25", T0));

        assertThat(first.count()).isEqualTo(2);
        assertThat(first.max()).isEqualTo(90.0);
        assertThat(first.last()).isEqualTo(20.0);
    }

    @Test
    void reading_later_than_the_grace_behind_its_own_device_is_dead_lettered_as_late_and_changes_nothing() {
        // Given a station whose own latest reading is past its first minute's end plus the grace
        driver.send("aq-thot-not-01", T0.plusSeconds(30), Map.of("pm25", 20.0));
        driver.send("aq-thot-not-01", T0.plusSeconds(60).plus(GRACE).plusSeconds(1), Map.of("pm25", 25.0));
        driver.latestByKey();

        // When a reading of that first minute arrives
        driver.send("aq-thot-not-01", T0.plusSeconds(40), Map.of("pm25", 500.0));

        // Then no aggregate changes and the reading is dead-lettered with the reason
        assertThat(driver.latestByKey()).isEmpty();
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.LATE);
            assertThat(letter.detail()).contains("aq-thot-not-01", "PT30S");
            assertThat(new String(letter.payload())).contains("500");
        });
    }

    @Test
    void lateness_is_judged_against_the_devices_own_progress_not_a_neighbour_on_the_same_partition() {
        // Given a station far ahead of another in event time (both keyed by device, so possibly one partition)
        driver.send("aq-co-do-01", T0.plus(Duration.ofHours(2)), Map.of("pm25", 1.0));

        // When the other station reports an older minute, then moves on
        driver.send("aq-thoi-lai-01", T0.plusSeconds(10), Map.of("pm25", 33.0));
        driver.send("aq-thoi-lai-01", T0.plusSeconds(70), Map.of("pm25", 35.0));

        // Then both of its minutes count, and nothing is late
        Map<String, Aggregate> latest = driver.latestByKey();
        assertThat(latest.get(key(Scope.DEVICE, "aq-thoi-lai-01", "pm25", T0)).sum())
                .isEqualTo(33.0);
        assertThat(latest.get(key(Scope.DEVICE, "aq-thoi-lai-01", "pm25", T0.plusSeconds(60)))
                        .sum())
                .isEqualTo(35.0);
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void station_uploading_hours_of_buffered_readings_while_others_are_live_gets_the_aggregates_it_would_have_live() {
        // Given three hours in which two stations of one area and one of another each report every 20 seconds
        Duration outage = Duration.ofHours(3);
        String buffered = "aq-ninh-kieu-02";
        List<String> live = List.of("aq-ninh-kieu-01", "aq-binh-thuy-01");

        // When they all arrive live
        Map<String, Aggregate> asIfLive;
        for (long s = 0; s < outage.toSeconds(); s += 20) {
            for (String device : live) {
                driver.send(device, T0.plusSeconds(s), values(device, s));
            }
            driver.send(buffered, T0.plusSeconds(s), values(buffered, s));
        }
        driver.send(buffered, T0.plus(outage), values(buffered, 0));
        driver.emitted();
        asIfLive = driver.everEmitted();
        driver.close();

        // And when, in a fresh run, one station's datalogger uploads its three hours only after the others' live ones
        driver = new Driver();
        for (long s = 0; s < outage.toSeconds(); s += 20) {
            for (String device : live) {
                driver.send(device, T0.plusSeconds(s), values(device, s));
            }
        }
        driver.emitted();
        for (long s = 0; s < outage.toSeconds(); s += 20) {
            driver.send(buffered, T0.plusSeconds(s), values(buffered, s));
        }
        driver.send(buffered, T0.plus(outage), values(buffered, 0));
        driver.emitted();
        Map<String, Aggregate> afterUpload = driver.everEmitted();

        // Then every device and area minute comes out the same, and nothing is late
        int minutes = (int) outage.toMinutes();
        int deviceMinutes = minutes * (6 + 2 + 6) + 6;
        int areaMinutes = minutes * (6 + 2) + 6;
        assertThat(asIfLive).hasSize(deviceMinutes + areaMinutes);
        assertThat(afterUpload).isEqualTo(asIfLive);
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void redelivered_reading_is_counted_once_but_a_different_reading_at_the_same_instant_counts() {
        driver.send("aq-co-do-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        driver.send("aq-co-do-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        driver.send("aq-co-do-01", T0.plusSeconds(5), Map.of("pm25", 12.0));

        Map<String, Aggregate> latest = driver.latestByKey();

        assertThat(latest.get(key(Scope.DEVICE, "aq-co-do-01", "pm25", T0)).count())
                .isEqualTo(2);
        assertThat(latest.get(key(Scope.DEVICE, "aq-co-do-01", "pm25", T0)).sum())
                .isEqualTo(22.0);
        assertThat(latest.get(key(Scope.AREA, "co-do", "pm25", T0)).count()).isEqualTo(2);
    }

    @Test
    void copy_redelivered_after_its_window_closed_is_dropped_quietly_within_the_dedup_window() {
        // Given a counted reading whose minute has closed for its station
        driver.send("aq-vinh-thanh-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        driver.send("aq-vinh-thanh-01", T0.plusSeconds(120), Map.of("pm25", 11.0));
        driver.latestByKey();

        // When MQTT delivers the first one again
        driver.send("aq-vinh-thanh-01", T0.plusSeconds(5), Map.of("pm25", 10.0));

        // Then it is neither counted nor reported as late
        assertThat(driver.latestByKey()).isEmpty();
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void a_closed_window_is_deleted_and_its_fingerprints_are_forgotten_once_the_dedup_window_has_passed() {
        // Given a station that reported twice in its first minute
        driver.send("aq-vinh-thanh-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        driver.send("aq-vinh-thanh-01", T0.plusSeconds(6), Map.of("pm25", 11.0));

        // When its own progress passes the minute's end plus the grace, then plus the dedup window
        driver.send("aq-vinh-thanh-01", T0.plusSeconds(120), Map.of("pm25", 12.0));
        Map<String, Long> afterClose = driver.storeSizes();
        driver.send("aq-vinh-thanh-01", T0.plus(DEDUP).plusSeconds(150), Map.of("pm25", 13.0));
        Map<String, Long> afterDedup = driver.storeSizes();

        // Then the closed minute's window is gone at once and its two fingerprints after the dedup window, so the
        // state holds only what the latest minutes need, however many readings came before
        assertThat(afterClose)
                .containsEntry(AggregationTopology.DEVICE_WINDOW_STORE, 1L)
                .containsEntry(AggregationTopology.DEVICE_SEEN_STORE, 3L);
        assertThat(afterDedup)
                .containsEntry(AggregationTopology.DEVICE_WINDOW_STORE, 1L)
                .containsEntry(AggregationTopology.DEVICE_SEEN_STORE, 2L);
    }

    @Test
    void reading_of_a_device_missing_from_the_registry_is_dead_lettered_not_aggregated() {
        driver.send("aq-ghost-01", T0.plusSeconds(5), Map.of("pm25", 10.0));

        assertThat(driver.latestByKey()).isEmpty();
        assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNKNOWN_DEVICE);
            assertThat(new String(letter.payload())).contains("aq-ghost-01");
        });
    }

    @Test
    void a_minute_of_readings_every_second_is_emitted_once_per_metric_not_once_per_reading() {
        // Given a station reporting six values every second for a minute, between two emissions
        for (int s = 0; s < 60; s++) {
            driver.send("aq-ninh-kieu-01", T0.plusSeconds(s), AIR);
        }

        // When the emission runs
        List<KeyValue<String, Aggregate>> records = driver.emitted();

        // Then one record per metric for the device and for the area went out (the old topology, without its
        // record cache, sent 720),
        // and one device window crossed the repartition topic to the area step
        assertThat(records).hasSize(12);
        assertThat(driver.deviceWindowsRepartitioned()).isEqualTo(1);
        assertThat(records)
                .allSatisfy(record -> assertThat(record.value.count()).isEqualTo(60));

        // And nothing more is emitted while nothing changes
        assertThat(driver.emitted()).isEmpty();
    }

    @Test
    void topology_names_every_processor_and_store_and_repartitions_only_device_windows() {
        TopologyDescription description = AggregationTopology.build(DeviceRegistry.builtIn(), GRACE, DEDUP)
                .describe();
        String text = description.toString();

        assertThat(text).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        assertThat(text)
                .contains(
                        "aggregate-device-1m",
                        "aggregate-area-1m",
                        AggregationTopology.DEVICE_WINDOW_STORE,
                        AggregationTopology.DEVICE_SEEN_STORE,
                        AggregationTopology.DEVICE_PROGRESS_STORE,
                        AggregationTopology.AREA_WINDOW_STORE,
                        AggregationTopology.AREA_PROGRESS_STORE,
                        "device-windows-by-area-repartition");
        assertThat(description.subtopologies()).hasSize(2);
    }

    /** Distinct, exactly representable values, so sums do not depend on the order they are added in. */
    private static Map<String, Double> values(String device, long second) {
        Map<String, Double> values = new LinkedHashMap<>();
        DeviceRegistry.builtIn()
                .device(device)
                .orElseThrow()
                .metrics()
                .forEach(metric -> values.put(metric, (double) (second % 97) + metric.length() / 4.0));
        return values;
    }

    private static String key(Scope scope, String entity, String metric, Instant windowStart) {
        return scope.id() + '|' + entity + '|' + metric + '|' + windowStart.toEpochMilli();
    }

    /** The topology under a test driver whose wall clock the test moves, so emission happens when the test says. */
    private static final class Driver {

        private final TopologyTestDriver driver;
        private final TestInputTopic<String, Reading> telemetry;
        private final TestOutputTopic<String, Aggregate> aggregates;
        private final TestOutputTopic<String, DeadLetter> deadLetters;
        private final TestOutputTopic<String, DeviceMinute> repartitioned;
        private final Map<String, Aggregate> stored = new HashMap<>();

        Driver() {
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, EMIT_INTERVAL.toMillis());
            driver = new TopologyTestDriver(
                    AggregationTopology.build(DeviceRegistry.builtIn(), GRACE, DEDUP), props, T0);
            telemetry = driver.createInputTopic(
                    Topics.TELEMETRY.name(),
                    Topics.TELEMETRY.keySerde().serializer(),
                    Topics.TELEMETRY.valueSerde().serializer());
            aggregates = driver.createOutputTopic(
                    Topics.AGGREGATES_1M.name(),
                    Topics.AGGREGATES_1M.keySerde().deserializer(),
                    Topics.AGGREGATES_1M.valueSerde().deserializer());
            deadLetters = driver.createOutputTopic(
                    Topics.DEAD_LETTER.name(),
                    Topics.DEAD_LETTER.keySerde().deserializer(),
                    Topics.DEAD_LETTER.valueSerde().deserializer());
            repartitioned = driver.createOutputTopic(
                    APP + "-device-windows-by-area-repartition",
                    Serdes.String().deserializer(),
                    new SmileSerde<>(DeviceMinute.class).deserializer());
        }

        void send(String device, Instant ts, Map<String, Double> values) {
            telemetry.pipeInput(
                    device,
                    new Reading(
                            Reading.SCHEMA_VERSION,
                            device,
                            ts,
                            values,
                            ts.plusMillis(200),
                            "ioc/v1/devices/" + device + "/telemetry"),
                    ts.plusMillis(200));
        }

        /** Runs the emission (twice: the area step emits what the device step handed it in the first). */
        List<KeyValue<String, Aggregate>> emitted() {
            driver.advanceWallClockTime(EMIT_INTERVAL);
            driver.advanceWallClockTime(EMIT_INTERVAL);
            List<KeyValue<String, Aggregate>> records = aggregates.readKeyValuesToList();
            records.forEach(record -> stored.put(record.key, record.value));
            return records;
        }

        Map<String, Aggregate> latestByKey() {
            return emitted().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
        }

        /** The latest version of every aggregate emitted since the driver started, as the sink would have kept. */
        Map<String, Aggregate> everEmitted() {
            return Map.copyOf(stored);
        }

        List<DeadLetter> deadLetters() {
            return deadLetters.readValuesToList();
        }

        /** Entries in each of the device step's stores. */
        Map<String, Long> storeSizes() {
            Map<String, Long> sizes = new HashMap<>();
            for (String store :
                    List.of(AggregationTopology.DEVICE_WINDOW_STORE, AggregationTopology.DEVICE_SEEN_STORE)) {
                try (var all = driver.getKeyValueStore(store).all()) {
                    long count = 0;
                    for (; all.hasNext(); all.next()) {
                        count++;
                    }
                    sizes.put(store, count);
                }
            }
            return sizes;
        }

        long deviceWindowsRepartitioned() {
            return repartitioned.readValuesToList().size();
        }

        void close() {
            driver.close();
        }
    }
}
