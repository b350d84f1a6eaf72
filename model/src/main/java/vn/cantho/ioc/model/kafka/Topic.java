package vn.cantho.ioc.model.kafka;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with its contract: name, key and value serdes, partition count and whether it is
 * compacted. Instances live only in {@link Topics}.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, int partitions, boolean compacted) {
}
