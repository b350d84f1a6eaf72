package vn.cantho.ioc.streams.rules.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.embedded.WorkDirectories;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.rules.topology.RulesTopology;
import vn.cantho.ioc.streams.runtime.StreamsRunner;
import vn.cantho.ioc.testkit.SharedServers;

/**
 * Readings produced to the real telemetry topic become condition events on the real alert topic
 * within seconds, through the rules application on a real Kafka broker; a restarted application
 * (with its local state wiped, so restored from the changelog) continues each alert's episode.
 */
@Tag("kafka")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RulesPipelineIT {

    private static final SharedServers SERVERS = SharedServers.get();
    private static final Set<String> FEEDS = Set.of(
            "socioeconomic-monthly",
            "dossiers-daily",
            "hotline-1022-reports",
            "social-listening-hourly",
            "soc-daily",
            "soc-incidents",
            "tourism-monthly",
            "hotel-occupancy-daily",
            "traffic-safety-daily");
    private static final String STATION = "aq-thoi-lai-01";
    private static final String GAUGE = "wl-can-tho";

    private static KafkaProducer<byte[], byte[]> producer;
    private static KafkaConsumer<String, ConditionEvent> consumer;

    @BeforeAll
    static void given_the_topics_and_a_reader_at_the_end_of_the_alert_topic() {
        SERVERS.ensureTopics();
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SERVERS.kafkaBootstrap()),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SERVERS.kafkaBootstrap(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                Topics.ALERT_CONDITIONS.keySerde().deserializer(),
                Topics.ALERT_CONDITIONS.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.ALERT_CONDITIONS.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.ALERT_CONDITIONS.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @AfterAll
    static void close() {
        producer.close();
        consumer.close();
    }

    @Test
    void a_pm25_spike_and_a_river_rising_past_bd_ii_raise_their_alerts_within_seconds_and_survive_a_restart()
            throws Exception {
        String appId = SharedServers.uniqueName("rules");
        List<ConditionEvent> events = new CopyOnWriteArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        try (StreamsRunner rules = runner(appId, WorkDirectories.temporary("rules-state"))) {
            rules.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> rules.state() == KafkaStreams.State.RUNNING);

            // Given four days of ordinary hourly PM2.5 at one station
            for (int h = 4 * 24; h >= 1; h--) {
                send(STATION, "pm25", 20, now.minus(Duration.ofHours(h)));
            }
            // When its PM2.5 jumps to 90 µg/m³ and the Cần Thơ gauge rises past BĐ II
            long sent = System.nanoTime();
            send(STATION, "pm25", 90, now);
            send(GAUGE, "water_level", 1.70, now.minusSeconds(120));
            send(GAUGE, "water_level", 1.85, now.minusSeconds(60));
            send(GAUGE, "water_level", 1.95, now);

            // Then both alerts arrive on the alert topic within seconds
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        poll(events);
                        assertThat(types(events, "pm25-spike|" + STATION + "|")).containsExactly(TransitionType.OPENED);
                        assertThat(types(events, "river-level-bd|" + GAUGE + "|"))
                                .containsExactly(TransitionType.OPENED, TransitionType.SEVERITY_CHANGED);
                    });
            System.out.printf(
                    "rules latency: readings sent -> both alerts read back in %d ms%n",
                    (System.nanoTime() - sent) / 1_000_000);
            ConditionEvent bdII = of(events, "river-level-bd|" + GAUGE + "|").get(1);
            assertThat(bdII.severity()).isEqualTo(Severity.MAJOR);
            assertThat(bdII.previousSeverity()).isEqualTo(Severity.WARNING);
            assertThat(bdII.labels()).containsEntry("domain", "environment").containsEntry("area", "ninh-kieu");
            assertThat(of(events, "pm25-spike|" + STATION + "|").get(0).measure())
                    .isEqualTo(4.5);
        }

        // When the application restarts without its local state and the gauge stays above BĐ II, then falls
        try (StreamsRunner restarted = runner(appId, WorkDirectories.temporary("rules-state-fresh"))) {
            restarted.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> restarted.state() == KafkaStreams.State.RUNNING);
            send(GAUGE, "water_level", 1.96, now.plusSeconds(60));
            send(GAUGE, "water_level", 1.60, now.plusSeconds(120));

            // Then the same episode goes on: no second OPENED, the fall is RECOVERING of episode 1
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> {
                        poll(events);
                        assertThat(types(events, "river-level-bd|" + GAUGE + "|"))
                                .containsExactly(
                                        TransitionType.OPENED,
                                        TransitionType.SEVERITY_CHANGED,
                                        TransitionType.RECOVERING);
                    });
            assertThat(of(events, "river-level-bd|" + GAUGE + "|").get(2).episode())
                    .isEqualTo(1);
        }
    }

    private static StreamsRunner runner(String appId, Path stateDir) {
        DeviceRegistry devices = DeviceRegistry.builtIn();
        IndicatorRegistry indicators = IndicatorRegistry.builtIn();
        return new StreamsRunner(
                RulesTopology.build(
                        RuleCatalogue.builtIn(devices, indicators, FEEDS), devices, indicators, Duration.ofSeconds(1)),
                StreamsRunner.properties(appId, SERVERS.kafkaBootstrap(), stateDir, 1, 1));
    }

    private static void send(String device, String metric, double value, Instant ts) throws Exception {
        Reading reading = new Reading(Reading.SCHEMA_VERSION, device, ts, Map.of(metric, value), Instant.now(), "test");
        producer.send(Topics.TELEMETRY.record(device, reading)).get();
    }

    private static void poll(List<ConditionEvent> into) {
        for (ConsumerRecord<String, ConditionEvent> r : consumer.poll(Duration.ofMillis(100))) {
            into.add(r.value());
        }
    }

    private static List<ConditionEvent> of(List<ConditionEvent> events, String alertKey) {
        return events.stream().filter(e -> e.alertKey().equals(alertKey)).toList();
    }

    private static List<TransitionType> types(List<ConditionEvent> events, String alertKey) {
        return of(events, alertKey).stream().map(ConditionEvent::type).toList();
    }
}
