package vn.cantho.ioc.streams.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;

class AggregationTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private TopologyTestDriver driver;
    private TestInputTopic<String, Reading> telemetry;
    private TestOutputTopic<String, Aggregate> aggregates;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "aggregation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // Emit every update immediately, as a commit would in production.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(AggregationTopology.build(DeviceRegistry.builtIn(), GRACE, Duration.ofMinutes(10)), props);
        telemetry = driver.createInputTopic(Topics.TELEMETRY.name(), Topics.TELEMETRY.keySerde().serializer(),
                Topics.TELEMETRY.valueSerde().serializer());
        aggregates = driver.createOutputTopic(Topics.AGGREGATES_1M.name(),
                Topics.AGGREGATES_1M.keySerde().deserializer(), Topics.AGGREGATES_1M.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTER.name(),
                Topics.DEAD_LETTER.keySerde().deserializer(), Topics.DEAD_LETTER.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void readings_in_one_minute_aggregate_per_device_and_per_area() {
        send("aq-ninh-kieu-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        send("aq-ninh-kieu-01", T0.plusSeconds(25), Map.of("pm25", 30.0));
        send("aq-ninh-kieu-02", T0.plusSeconds(40), Map.of("pm25", 50.0));

        Map<String, Aggregate> latest = latestByKey();

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
    }

    @Test
    void readings_of_the_next_minute_open_a_new_window() {
        send("aq-cai-rang-01", T0.plusSeconds(59), Map.of("pm10", 40.0));
        send("aq-cai-rang-01", T0.plusSeconds(60), Map.of("pm10", 80.0));

        Map<String, Aggregate> latest = latestByKey();

        assertThat(latest.get(key(Scope.DEVICE, "aq-cai-rang-01", "pm10", T0)).count()).isEqualTo(1);
        assertThat(latest.get(key(Scope.DEVICE, "aq-cai-rang-01", "pm10", T0.plusSeconds(60))).max()).isEqualTo(80.0);
    }

    @Test
    void late_reading_within_grace_updates_its_window_and_keeps_last_by_event_time() {
        send("aq-o-mon-01", T0.plusSeconds(50), Map.of("pm25", 20.0));
        send("aq-o-mon-01", T0.plusSeconds(75), Map.of("pm25", 22.0));
        // Arrives after a reading of the next minute, but its event time is earlier: out of order.
        send("aq-o-mon-01", T0.plusSeconds(10), Map.of("pm25", 90.0));

        Aggregate first = latestByKey().get(key(Scope.DEVICE, "aq-o-mon-01", "pm25", T0));

        assertThat(first.count()).isEqualTo(2);
        assertThat(first.max()).isEqualTo(90.0);
        assertThat(first.last()).isEqualTo(20.0);
    }

    @Test
    void reading_later_than_the_grace_period_no_longer_changes_a_closed_window() {
        send("aq-thot-not-01", T0.plusSeconds(30), Map.of("pm25", 20.0));
        send("aq-thot-not-01", T0.plusSeconds(60).plus(GRACE).plusSeconds(1), Map.of("pm25", 25.0));
        aggregates.readKeyValuesToList();

        send("aq-thot-not-01", T0.plusSeconds(40), Map.of("pm25", 500.0));

        assertThat(aggregates.readKeyValuesToList()).isEmpty();
    }

    @Test
    void redelivered_reading_is_counted_once_but_a_different_reading_at_the_same_instant_counts() {
        send("aq-co-do-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        send("aq-co-do-01", T0.plusSeconds(5), Map.of("pm25", 10.0));
        send("aq-co-do-01", T0.plusSeconds(5), Map.of("pm25", 12.0));

        Aggregate device = latestByKey().get(key(Scope.DEVICE, "aq-co-do-01", "pm25", T0));

        assertThat(device.count()).isEqualTo(2);
        assertThat(device.sum()).isEqualTo(22.0);
    }

    @Test
    void reading_of_a_device_missing_from_the_registry_is_dead_lettered_not_aggregated() {
        send("aq-ghost-01", T0.plusSeconds(5), Map.of("pm25", 10.0));

        assertThat(aggregates.isEmpty()).isTrue();
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetterReason.UNKNOWN_DEVICE);
            assertThat(new String(letter.payload())).contains("aq-ghost-01");
        });
    }

    private void send(String device, Instant ts, Map<String, Double> values) {
        telemetry.pipeInput(device, new Reading(Reading.SCHEMA_VERSION, device, ts, values, ts.plusMillis(200),
                "ioc/v1/devices/" + device + "/telemetry"), ts.plusMillis(200));
    }

    private Map<String, Aggregate> latestByKey() {
        return aggregates.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value, (a, b) -> b));
    }

    private static String key(Scope scope, String entity, String metric, Instant windowStart) {
        return scope.id() + '|' + entity + '|' + metric + '|' + windowStart.toEpochMilli();
    }
}
