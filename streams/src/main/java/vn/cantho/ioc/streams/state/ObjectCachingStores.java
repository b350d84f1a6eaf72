package vn.cantho.ioc.streams.state;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builders of the hub's hot state stores: a persistent, changelogged RocksDB key-value store behind an
 * {@link ObjectCachingKeyValueStore} instead of Kafka's byte cache. Use it for a store a processor reads and
 * rewrites on every record; a store written once per key gains nothing.
 */
public final class ObjectCachingStores {

    /** Clean values kept per store instance (one per task) for reads; dirty values are never evicted. */
    public static final int MAX_CLEAN_ENTRIES = 10_000;

    private ObjectCachingStores() {}

    public static <K, V> StoreBuilder<KeyValueStore<K, V>> persistentKeyValueStore(
            String name, Serde<K> keySerde, Serde<V> valueSerde) {
        return new Builder<>(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keySerde, valueSerde)
                .withCachingDisabled());
    }

    /** Delegates to Kafka's builder for logging; caching is always the object cache, never Kafka's. */
    private record Builder<K, V>(StoreBuilder<KeyValueStore<K, V>> inner) implements StoreBuilder<KeyValueStore<K, V>> {

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(inner.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
            return new Builder<>(inner.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<K, V> build() {
            return new ObjectCachingKeyValueStore<>(inner.build(), MAX_CLEAN_ENTRIES);
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
