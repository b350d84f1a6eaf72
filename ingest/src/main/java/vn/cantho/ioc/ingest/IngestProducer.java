package vn.cantho.ioc.ingest;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka producer every ingest transport uses: idempotent, acks from all replicas, retried until Kafka is back. */
public final class IngestProducer {

    private IngestProducer() {}

    public static Producer<byte[], byte[]> create(String bootstrapServers, String clientId) {
        return create(bootstrapServers, clientId, java.util.Map.of());
    }

    /**
     * The same producer with some settings replaced, e.g. a shorter {@code max.block.ms} for a transport
     * that answers a client synchronously (the feed API) and must not block on a missing broker for long.
     */
    public static Producer<byte[], byte[]> create(
            String bootstrapServers, String clientId, java.util.Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Retry for as long as Kafka is away: the source keeps the message unacknowledged meanwhile.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.putAll(overrides);
        return new KafkaProducer<>(props);
    }
}
