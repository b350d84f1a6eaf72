package vn.cantho.ioc.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import vn.cantho.ioc.model.kafka.Topic;

/**
 * Test helper that reads a topic from the beginning up to its current end (committed records only),
 * without a consumer group. Whatever a producer had acknowledged before {@link #upToEnd} was called is
 * in the result, so a test can check "all there, exactly once" without waiting for quiet.
 */
public final class KafkaTail<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

    public KafkaTail(String bootstrap, Topic<String, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        // Streams and the ingest bridge write transactionally or idempotently; aborted records are not data.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(
                props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record up to the topic's end as of now that matches. */
    public synchronized List<ConsumerRecord<String, V>> upToEnd(Predicate<ConsumerRecord<String, V>> filter) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read up to the end of the topic in 30 s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(filter).collect(Collectors.toList());
    }

    /** The values of every record up to the topic's end as of now that match. */
    public List<V> valuesUpToEnd(Predicate<V> filter) {
        return upToEnd(r -> filter.test(r.value())).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
