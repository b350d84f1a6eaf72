package vn.cantho.ioc.streams.rules.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert states of one rule-processor task: the changelogged store, with the states the task has
 * read kept as objects. Without it every signal deserialised its alert's state, and its source's stale
 * alert's, from JSON — a third of the rule processor's CPU under load (./ioc bench hub). Every write goes
 * to the store as well, so the store stays the truth and the changelog complete; the cache only saves
 * reads, holds at most {@link #MAX_CACHED} entries, and is created empty whenever the processor is
 * initialised (task assigned, or revived and restored after an aborted transaction).
 */
final class AlertStates {

    static final int MAX_CACHED = 20_000;

    private final KeyValueStore<String, AlertState> store;
    /** Absent states are cached too: most sources have no open stale alert, and that is asked per signal. */
    private final Map<String, Optional<AlertState>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<AlertState>> eldest) {
            return size() > MAX_CACHED;
        }
    };

    AlertStates(KeyValueStore<String, AlertState> store) {
        this.store = store;
    }

    /** The state of {@code key}, or null. States are immutable, so sharing the cached instance is safe. */
    AlertState get(String key) {
        return cache.computeIfAbsent(key, k -> Optional.ofNullable(store.get(k)))
                .orElse(null);
    }

    void put(String key, AlertState state) {
        store.put(key, state);
        cache.put(key, Optional.of(state));
    }

    void delete(String key) {
        store.delete(key);
        cache.put(key, Optional.empty());
    }

    /** Every state in the store (read from the store itself, for the clock tick). */
    List<KeyValue<String, AlertState>> all() {
        List<KeyValue<String, AlertState>> all = new ArrayList<>();
        try (KeyValueIterator<String, AlertState> iterator = store.all()) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }
}
