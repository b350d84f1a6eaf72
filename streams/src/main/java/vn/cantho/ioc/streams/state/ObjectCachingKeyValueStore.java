package vn.cantho.ioc.streams.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A key-value store that keeps the values a task writes as objects until the task commits, in front of a logged
 * store without Kafka's record cache. Kafka's cache holds serialised bytes: every {@code put} encoded the value and
 * every {@code get} decoded it again, and its sorted byte-keyed map, eviction and flush were together the largest
 * share of the aggregation and indicator threads in the profile (docs/benchmarks.md). Here a value is encoded once
 * per key and commit, however many readings changed it.
 *
 * <p>Why it is exactly-once: Kafka Streams calls {@link #flushCache()} on every registered {@link CachedStateStore}
 * when a task prepares its commit, before the transaction carrying the input offsets commits; the dirty values are
 * written to the inner store there, so their changelog records are in that transaction. A task closed without a
 * commit (crash, aborted transaction, lost partition) drops its dirty values in {@link #close()} and
 * {@link #init}, as Kafka's own cache does, and is restored from the changelog. Range and full scans first write
 * the dirty values down, so they always see what the task wrote.
 *
 * <p>Memory: dirty values are bounded by the keys a task touches between two commits; clean values are kept for
 * reads up to {@code maxCleanEntries}, least recently used first out.
 */
final class ObjectCachingKeyValueStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {

    private final KeyValueStore<K, V> inner;
    private final Map<K, V> dirty = new HashMap<>();
    private final Map<K, V> clean;

    ObjectCachingKeyValueStore(KeyValueStore<K, V> inner, int maxCleanEntries) {
        this.inner = inner;
        this.clean = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxCleanEntries;
            }
        };
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        clearCache();
        inner.init(context, root);
    }

    @Override
    public V get(K key) {
        V value = dirty.get(key);
        if (value != null) {
            return value;
        }
        value = clean.get(key);
        if (value != null) {
            return value;
        }
        value = inner.get(key);
        if (value != null) {
            clean.put(key, value);
        }
        return value;
    }

    @Override
    public void put(K key, V value) {
        if (value == null) {
            delete(key);
            return;
        }
        dirty.put(key, value);
        clean.remove(key);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        for (KeyValue<K, V> entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public V delete(K key) {
        V cached = dirty.remove(key);
        V cleanValue = clean.remove(key);
        V stored = inner.delete(key);
        return cached != null ? cached : cleanValue != null ? cleanValue : stored;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writeDirty();
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        writeDirty();
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writeDirty();
        return inner.all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        writeDirty();
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writeDirty();
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries() + dirty.size();
    }

    /** Called by Kafka Streams as the task prepares its commit: the dirty values join this commit's transaction. */
    @Override
    public void flushCache() {
        writeDirty();
    }

    /** Called by Kafka Streams when the task's uncommitted work is discarded. */
    @Override
    public void clearCache() {
        dirty.clear();
        clean.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    /**
     * Kafka Streams calls this after the transaction has committed: the dirty values were written in
     * {@link #flushCache()}, and writing any here would put them in the next transaction.
     */
    @Override
    @SuppressWarnings("deprecation")
    public void flush() {
        inner.flush();
    }

    /** As {@link #flush()}. */
    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public void close() {
        clearCache();
        inner.close();
    }

    private void writeDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        List<KeyValue<K, V>> entries = new ArrayList<>(dirty.size());
        dirty.forEach((key, value) -> entries.add(KeyValue.pair(key, value)));
        inner.putAll(entries);
        clean.putAll(dirty);
        dirty.clear();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        writeDirty();
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
