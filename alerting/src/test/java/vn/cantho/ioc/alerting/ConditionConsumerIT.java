package vn.cantho.ioc.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.cantho.ioc.alerting.Events.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.alerting.condition.ConditionConsumer;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.DeadLetterReason;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.kafka.TopicProvisioner;
import vn.cantho.ioc.model.kafka.Topics;
import vn.cantho.ioc.sink.loop.KafkaToDatabase;
import vn.cantho.ioc.store.Database;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertEvent;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.testkit.SharedServers;

/** Condition events through the real Kafka into alerts in the real PostgreSQL. */
@Tag("kafka")
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConditionConsumerIT {

    private static Database database;
    private static AlertService service;
    private static KafkaProducer<String, ConditionEvent> producer;

    @BeforeAll
    static void start() throws Exception {
        SharedServers servers = SharedServers.get();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap()))) {
            new TopicProvisioner(admin, (short) 1).ensure(List.of(Topics.ALERT_CONDITIONS, Topics.DEAD_LETTER));
        }
        database = TestDatabases.open(TestDatabases.freshSchemaUrl("condition_consumer_it"));
        service = new AlertService(database.dataSource(), Clock.systemUTC());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(
                props,
                Topics.ALERT_CONDITIONS.keySerde().serializer(),
                Topics.ALERT_CONDITIONS.valueSerde().serializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static KafkaToDatabase<ConditionEvent> consumer() {
        KafkaToDatabase<ConditionEvent> consumer = ConditionConsumer.create(
                SharedServers.get().kafkaBootstrap(),
                SharedServers.uniqueName("alerts"),
                Duration.ofSeconds(1),
                service.conditionWriter());
        consumer.start();
        return consumer;
    }

    private static void publish(List<ConditionEvent> events) throws Exception {
        for (ConditionEvent e : events) {
            producer.send(new ProducerRecord<>(Topics.ALERT_CONDITIONS.name(), e.alertKey(), e))
                    .get();
        }
    }

    private static Alert alert(String key) {
        return service.list(new AlertQuery(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new LabelMatcher("station", LabelMatcher.Op.EQ, key)),
                        null,
                        10))
                .items()
                .get(0);
    }

    @Test
    void condition_events_become_one_alert_per_key_and_a_replay_changes_nothing() throws Exception {
        // Given
        String key = SharedServers.uniqueName("tram-ninh-kieu");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ConditionEvent> events = List.of(
                event(key, TransitionType.OPENED, t0, 1, Severity.MAJOR),
                event(key, TransitionType.SEVERITY_CHANGED, t0.plusSeconds(60), 1, Severity.CRITICAL),
                event(key, TransitionType.RECOVERING, t0.plusSeconds(120), 1, Severity.CRITICAL),
                event(key, TransitionType.RETRIGGERED, t0.plusSeconds(150), 1, Severity.CRITICAL),
                event(key, TransitionType.RECOVERING, t0.plusSeconds(200), 1, Severity.CRITICAL),
                event(key, TransitionType.RESOLVED, t0.plusSeconds(500), 1, Severity.CRITICAL));

        // When
        try (KafkaToDatabase<ConditionEvent> consumer = consumer()) {
            publish(events);
            await().atMost(Duration.ofSeconds(30)).until(() -> service.list(AlertQuery.all()).items().stream()
                    .anyMatch(a -> a.alertKey().equals(key) && a.condition() == ConditionStatus.RESOLVED));
        }
        Alert stored = alert(key);
        List<AlertEvent> trail = service.events(stored.id());

        // Then
        assertThat(stored.episode()).isEqualTo(1);
        assertThat(stored.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(stored.occurrences()).isEqualTo(2);
        assertThat(stored.lastSeenAt()).isEqualTo(t0.plusSeconds(500));
        assertThat(stored.firstSeenAt()).isEqualTo(t0);
        assertThat(stored.handling()).isEqualTo(Handling.UNACK);
        assertThat(trail)
                .extracting(AlertEvent::type)
                .containsExactly(
                        AuditType.OPENED,
                        AuditType.SEVERITY_CHANGED,
                        AuditType.RECOVERING,
                        AuditType.RETRIGGERED,
                        AuditType.RECOVERING,
                        AuditType.RESOLVED);

        // When the same events are published again and a new consumer group re-reads the whole topic
        publish(events);
        try (KafkaToDatabase<ConditionEvent> replay = consumer()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> replay.check().detail().matches("0 of ([1-9][0-9]*) condition events applied.*")
                            && received(replay) >= 12);
        }

        // Then nothing changed
        assertThat(alert(key)).isEqualTo(stored);
        assertThat(service.events(stored.id())).isEqualTo(trail);
    }

    @Test
    void a_refire_after_resolution_opens_the_next_episode_unacknowledged() throws Exception {
        // Given
        String key = SharedServers.uniqueName("tram-cai-rang");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaToDatabase<ConditionEvent> consumer = consumer()) {
            publish(List.of(event(key, TransitionType.OPENED, t0, 1, Severity.WARNING)));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.list(AlertQuery.all()).items().stream()
                    .anyMatch(a -> a.alertKey().equals(key)));
            Alert first = alert(key);
            service.ack(first.id(), Command.by("lan.nguyen"));

            // When
            publish(List.of(
                    event(key, TransitionType.RESOLVED, t0.plusSeconds(600), 1, Severity.WARNING),
                    event(key, TransitionType.OPENED, t0.plusSeconds(3600), 2, Severity.MAJOR)));
            await().atMost(Duration.ofSeconds(30)).until(() -> alert(key).episode() == 2);
        }

        // Then
        Alert second = alert(key);
        assertThat(second.id()).isEqualTo(alert(key).id());
        assertThat(second.condition()).isEqualTo(ConditionStatus.FIRING);
        assertThat(second.handling())
                .as("a new episode needs a new acknowledgement")
                .isEqualTo(Handling.UNACK);
        assertThat(second.openedAt()).isEqualTo(t0.plusSeconds(3600));
        assertThat(service.events(second.id()))
                .extracting(AlertEvent::type, AlertEvent::episode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditType.OPENED, 1),
                        org.assertj.core.groups.Tuple.tuple(AuditType.ACKNOWLEDGED, 1),
                        org.assertj.core.groups.Tuple.tuple(AuditType.RESOLVED, 1),
                        org.assertj.core.groups.Tuple.tuple(AuditType.OPENED, 2));
    }

    @Test
    void unusable_events_are_dead_lettered_with_their_reason_and_the_alerts_around_them_still_arrive()
            throws Exception {
        // Given a good event, a record that is not JSON, an event without its rule id, and another good event
        String before = SharedServers.uniqueName("tram-thot-not");
        String after = SharedServers.uniqueName("tram-vinh-thanh");
        String garbage = "{not json " + before;
        ConditionEvent valid = event(before, TransitionType.OPENED, Instant.now(), 1, Severity.MAJOR);
        ConditionEvent noRule = new ConditionEvent(
                1,
                SharedServers.uniqueName("event"),
                after + "-norule",
                null,
                after,
                valid.scope(),
                "environment",
                null,
                null,
                TransitionType.OPENED,
                Instant.now(),
                1,
                Severity.MAJOR,
                null,
                null,
                null);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.get().kafkaBootstrap());

        // When they are published in that order while the consumer runs
        try (KafkaToDatabase<ConditionEvent> consumer = consumer();
                KafkaProducer<String, String> raw = new KafkaProducer<>(
                        props,
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.StringSerializer())) {
            publish(List.of(valid));
            raw.send(new ProducerRecord<>(Topics.ALERT_CONDITIONS.name(), before, garbage))
                    .get();
            producer.send(new ProducerRecord<>(Topics.ALERT_CONDITIONS.name(), before, noRule))
                    .get();
            publish(List.of(event(after, TransitionType.OPENED, Instant.now(), 1, Severity.WARNING)));

            // Then both good events become alerts
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> service.list(AlertQuery.all()).items().stream()
                                    .filter(a -> a.alertKey().equals(before)
                                            || a.alertKey().equals(after))
                                    .count()
                            == 2);

            // And the two bad records are on the dead-letter topic with their reasons, bytes and position
            List<DeadLetter> letters = new ArrayList<>();
            try (KafkaConsumer<String, DeadLetter> dead = deadLetterReader()) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    dead.poll(Duration.ofMillis(200)).forEach(r -> letters.add(r.value()));
                    assertThat(letters)
                            .filteredOn(l -> new String(l.payload(), StandardCharsets.UTF_8).contains(before)
                                    || new String(l.payload(), StandardCharsets.UTF_8).contains(after))
                            .hasSize(2);
                });
            }
            List<DeadLetter> ours = letters.stream()
                    .filter(l -> new String(l.payload(), StandardCharsets.UTF_8).contains(before)
                            || new String(l.payload(), StandardCharsets.UTF_8).contains(after))
                    .toList();
            assertThat(ours).allSatisfy(l -> assertThat(l.source())
                    .matches("kafka/ioc\\.alert-conditions\\.v1/partition/\\d+/offset/\\d+"));
            assertThat(ours).anySatisfy(l -> {
                assertThat(l.reason()).isEqualTo(DeadLetterReason.BAD_JSON);
                assertThat(new String(l.payload(), StandardCharsets.UTF_8)).isEqualTo(garbage);
            });
            assertThat(ours).anySatisfy(l -> {
                assertThat(l.reason()).isEqualTo(DeadLetterReason.BAD_PAYLOAD);
                assertThat(l.detail()).contains("ruleId");
                assertThat(Json.mapper()
                                .readValue(l.payload(), ConditionEvent.class)
                                .eventId())
                        .isEqualTo(noRule.eventId());
            });

            // And the consumer keeps running and counts them
            assertThat(consumer.check().up()).isTrue();
            assertThat(consumer.check().detail()).matches(".*; ([2-9]|[1-9][0-9]+) unusable events dead-lettered");
        }
        assertThat(alert(before).condition()).isEqualTo(ConditionStatus.FIRING);
        assertThat(alert(after).condition()).isEqualTo(ConditionStatus.FIRING);
    }

    private static KafkaConsumer<String, DeadLetter> deadLetterReader() {
        KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedServers.get().kafkaBootstrap()),
                Topics.DEAD_LETTER.keySerde().deserializer(),
                Topics.DEAD_LETTER.valueSerde().deserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.DEAD_LETTER.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.DEAD_LETTER.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static long received(KafkaToDatabase<ConditionEvent> consumer) {
        String detail = consumer.check().detail();
        return Long.parseLong(detail.replaceAll("^\\d+ of (\\d+) condition events applied.*", "$1"));
    }
}
