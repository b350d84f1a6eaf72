package vn.cantho.ioc.sink.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.cantho.ioc.model.DeadLetter;
import vn.cantho.ioc.model.kafka.Topics;

/**
 * Writes a batch's dead letters to {@link Topics#DEAD_LETTER} (keyed by their source) and waits until Kafka has
 * every one. The producer (acknowledged by every replica, idempotent) is created on the first dead letter: a
 * loop whose input is always usable never opens one.
 */
final class DeadLetterWriter implements AutoCloseable {

    private final String kafkaBootstrap;
    private Producer<byte[], byte[]> producer;

    DeadLetterWriter(String kafkaBootstrap) {
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** Sends the letters and waits for every acknowledgement; throws if any send failed (send them all again). */
    void write(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        if (producer == null) {
            producer = producer(kafkaBootstrap);
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(producer.send(Topics.DEAD_LETTER.record(letter.source(), letter)));
        }
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new KafkaException("dead letter not written: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing dead letters", e);
        }
    }

    private static Producer<byte[], byte[]> producer(String kafkaBootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
