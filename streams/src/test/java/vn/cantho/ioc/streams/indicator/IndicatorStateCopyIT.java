package vn.cantho.ioc.streams.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.health.HealthCheck.Status;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.runtime.IndicatorStateCopy;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.streams.telemetry.TelemetryTopology;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * The upgrade from indicators run as an application of their own to indicators inside the telemetry application: the
 * hub copies the old application's indicator state, so a station's first hour after the upgrade gets its VN_AQI from
 * the hours before it (NowCast needs two of the last three), exactly as without the upgrade.
 */
@Tag("kafka")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class IndicatorStateCopyIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final Duration EMIT = Duration.ofMillis(200);
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void topics() throws Exception {
        SERVERS.ensureTopics();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void the_first_hour_after_the_upgrade_gets_its_aqi_from_the_hours_the_old_application_kept() throws Exception {
        // Given a station of this run only, whose four hours at 30 µg/m³ the old indicator application processed
        String run = SharedServers.uniqueName("state-copy");
        Device station = new Device(
                run + "-aq",
                "Trạm",
                "air_station",
                Domain.ENVIRONMENT,
                "ninh-kieu",
                10.03,
                105.77,
                "so-tnmt",
                List.of("pm25"));
        DeviceRegistry registry = DeviceRegistry.builtIn().withDevice(station);
        IndicatorOptions options = new IndicatorOptions(Duration.ofMinutes(10), FloodAlertLevels.CAN_THO);
        Instant hour0 = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
        String formerId = run + "-indicators";
        String telemetryId = run + "-streams";
        try (StreamsRunner old = new StreamsRunner(
                LegacyIndicatorTopology.build(registry, IndicatorRegistry.builtIn(), options, Duration.ofHours(1)),
                properties(formerId))) {
            old.start();
            for (int h = 0; h < 4; h++) {
                publish(station, hour0.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(10)));
            }
            awaitHourlyAqi(station, hour0.plus(Duration.ofHours(3)));
        }

        // When the hub starts the upgraded telemetry application, which already read telemetry up to here (an
        // upgrade keeps the aggregation's application id and its offsets), after copying the old state
        commitTelemetryEnd(telemetryId);
        IndicatorStateCopy copy = new IndicatorStateCopy(SERVERS.kafkaBootstrap(), formerId, telemetryId, 1);
        copy.start();
        Status copied = copy.check();
        IndicatorStateCopy again = new IndicatorStateCopy(SERVERS.kafkaBootstrap(), formerId, telemetryId, 1);
        again.start();
        try (StreamsRunner telemetry = new StreamsRunner(
                TelemetryTopology.build(
                        () -> registry, IndicatorRegistry.builtIn(), Duration.ofHours(1), Duration.ofHours(1), options),
                properties(telemetryId))) {
            telemetry.start();
            publish(station, hour0.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(10)));

            // Then hour 4, with hours 2 and 3 from the copied state, has NowCast 30 -> VN_AQI 60
            assertThat(awaitHourlyAqi(station, hour0.plus(Duration.ofHours(4))).value())
                    .isEqualTo(60.0);
        }
        assertThat(copied.detail()).contains("copied").contains(formerId);
        // and a second start copies nothing: the marker says the copy is done
        assertThat(again.check().detail()).endsWith("nothing to copy");
    }

    private void publish(Device station, Instant ts) {
        Reading reading = new Reading(Reading.SCHEMA_VERSION, station.id(), ts, Map.of("pm25", 30.0), ts, "test");
        producer.send(Topics.TELEMETRY.record(reading.deviceId(), reading));
        producer.flush();
    }

    private static Properties properties(String appId) {
        return StreamsRunner.properties(appId, SERVERS.kafkaBootstrap(), WorkDirectories.temporary(appId), 1, 1, EMIT);
    }

    /** Commits the end of every telemetry partition for {@code group}, as the aggregation had before the upgrade. */
    private static void commitTelemetryEnd(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SERVERS.kafkaBootstrap()));
                KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TELEMETRY.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p, new OffsetAndMetadata(end)));
            admin.alterConsumerGroupOffsets(group, ends).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SERVERS.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }

    /** The latest vn_aqi_hourly of the station's hour on the indicators topic, once there is one. */
    private static Indicator awaitHourlyAqi(Device station, Instant hour) {
        String key = IndicatorTopology.VN_AQI_HOURLY + "|device|" + station.id() + "||hour|" + hour.toEpochMilli();
        Map<String, Indicator> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    String recordKey =
                            Topics.INDICATORS.keySerde().deserializer().deserialize(record.topic(), record.key());
                    if (key.equals(recordKey)) {
                        latest.put(
                                key,
                                Topics.INDICATORS
                                        .valueSerde()
                                        .deserializer()
                                        .deserialize(record.topic(), record.value()));
                    }
                });
                assertThat(latest).containsKey(key);
            });
        }
        return latest.get(key);
    }
}
