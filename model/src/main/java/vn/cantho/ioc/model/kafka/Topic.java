package vn.cantho.ioc.model.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with its contract: name, key and value serdes, partition count and whether it is
 * compacted. Instances live only in {@link Topics}.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {

    /** A record for this topic, serialized with the topic's own serdes (for byte-array producers). */
    public ProducerRecord<byte[], byte[]> record(K key, V value) {
        return new ProducerRecord<>(
                name,
                keySerde.serializer().serialize(name, key),
                valueSerde.serializer().serialize(name, value));
    }
}
