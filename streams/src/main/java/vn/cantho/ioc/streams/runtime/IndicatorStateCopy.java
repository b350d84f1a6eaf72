package vn.cantho.ioc.streams.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.model.stage.Part;
import vn.cantho.ioc.streams.indicator.IndicatorTopology;

/**
 * The one-time move of the indicators' state when they joined the telemetry application (2026-12-06): before, they ran as
 * an application of their own ({@code INDICATORS_APP_ID}) with their own changelog topics. Kafka Streams names a
 * changelog {@code <application id>-<store>-changelog} and restores a store it has no local state for from it, so
 * copying the old topics' records into the new names before the telemetry application starts gives it the stations'
 * open hours, progress and recent hours (NowCast reads the last 12, the daily index 24) instead of empty ones.
 *
 * <p>Run before the telemetry application starts, synchronously. It copies a store only while the marker is absent:
 * the consumer group {@code <telemetry id>-indicator-state-copy} commits the old topic's end offsets once the copy of
 * that store is complete. A copy interrupted before its marker is therefore redone from the start on the next start;
 * the telemetry application cannot have written to the topic in between, because it starts only after every copy
 * succeeded, and a record copied twice restores to the same value (the later of two equal versions).
 */
public final class IndicatorStateCopy implements Part {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorStateCopy.class);
    /** The indicator stores whose state outlives a restart; the old deduplication store is not needed any more. */
    static final List<String> STORES = List.of(
            IndicatorTopology.HOURLY_STORE,
            IndicatorTopology.PENDING_HOURS_STORE,
            IndicatorTopology.STATION_PROGRESS_STORE,
            IndicatorTopology.STATION_HOURS_STORE);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** Far above what the state of a city's stations takes (a few MB); a broker that stops answering fails the start. */
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(10);

    private final String bootstrapServers;
    private final String formerAppId;
    private final String telemetryAppId;
    private final int replicationFactor;
    private volatile String outcome = "not run";

    public IndicatorStateCopy(
            String bootstrapServers, String formerAppId, String telemetryAppId, int replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.formerAppId = formerAppId;
        this.telemetryAppId = telemetryAppId;
        this.replicationFactor = replicationFactor;
    }

    static String changelog(String appId, String store) {
        return appId + "-" + store + "-changelog";
    }

    String markerGroup() {
        return telemetryAppId + "-indicator-state-copy";
    }

    @Override
    public void start() throws Exception {
        if (formerAppId.isBlank() || formerAppId.equals(telemetryAppId)) {
            outcome = "nothing to copy";
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> stored = STORES.stream()
                    .filter(store -> topics.contains(changelog(formerAppId, store)))
                    .toList();
            long copied = 0;
            if (!stored.isEmpty()) {
                // Only a hub that ran the old application has something to copy, and only then is the marker read.
                Map<TopicPartition, OffsetAndMetadata> marker = admin.listConsumerGroupOffsets(markerGroup())
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                for (String store : stored) {
                    String from = changelog(formerAppId, store);
                    if (marker.keySet().stream().noneMatch(p -> p.topic().equals(from))) {
                        copied += copy(admin, from, changelog(telemetryAppId, store), topics);
                    }
                }
            }
            outcome = copied == 0 ? "nothing to copy" : "copied " + copied + " records from " + formerAppId;
            if (copied > 0) {
                LOG.info("indicator state of {} copied into {}: {} records", formerAppId, telemetryAppId, copied);
            }
        }
    }

    private long copy(Admin admin, String from, String to, Set<String> topics) throws Exception {
        int partitions = admin.describeTopics(List.of(from))
                .allTopicNames()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .get(from)
                .partitions()
                .size();
        if (!topics.contains(to)) {
            admin.createTopics(List.of(new NewTopic(to, partitions, (short) replicationFactor)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        List<TopicPartition> sources = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            sources.add(new TopicPartition(from, p));
        }
        long copied = 0;
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            consumer.assign(sources);
            consumer.seekToBeginning(sources);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(sources, TIMEOUT);
            long deadline = System.nanoTime() + COPY_TIMEOUT.toNanos();
            for (TopicPartition source : sources) {
                long end = endOffsets.get(source);
                while (consumer.position(source, TIMEOUT) < end) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("copying " + from + " to " + to + " took longer than "
                                + COPY_TIMEOUT + "; it is redone at the next start");
                    }
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        producer.send(
                                new ProducerRecord<>(to, r.partition(), r.timestamp(), r.key(), r.value(), r.headers()),
                                (metadata, error) -> failed.compareAndSet(null, error));
                        copied++;
                    }
                }
                ends.put(source, new OffsetAndMetadata(end));
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException(
                    "copying " + from + " to " + to + " failed; it is redone at the next start", failed.get());
        }
        // Only now, with every record acknowledged, is the copy marked done.
        admin.alterConsumerGroupOffsets(markerGroup(), ends).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return copied;
    }

    private Map<String, Object> consumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
    }

    private Map<String, Object> producerProps() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
    }

    @Override
    public Status check() {
        return new Status(true, "indicator state from " + formerAppId + ": " + outcome);
    }

    @Override
    public void close() {}
}
