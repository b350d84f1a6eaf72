package vn.cantho.ioc.streams.rules.topology;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Label maps of signals and alert states, frozen so that one instance can be shared instead of copied. A telemetry
 * signal's labels used to be copied into a new {@link TreeMap} by the router, the signal, and every state derived from
 * it — about a tenth of the rule processor's CPU under load (./ioc bench hub, JFR).
 */
final class Labels {

    private static final SortedMap<String, String> EMPTY = Collections.unmodifiableSortedMap(new TreeMap<>());
    /**
     * The class of the maps {@link #frozen} makes. A map of that class is shared without a copy: the rules code makes
     * them only over copies of its own (here and in {@code AlertKey}), so nothing can change one underneath.
     */
    private static final Class<?> FROZEN = EMPTY.getClass();

    private Labels() {}

    /**
     * {@code labels} as an unmodifiable sorted map: the same instance when it is one already, otherwise a frozen copy.
     */
    @SuppressWarnings("unchecked")
    static SortedMap<String, String> frozen(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return EMPTY;
        }
        if (labels.getClass() == FROZEN) {
            return (SortedMap<String, String>) labels;
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }
}
