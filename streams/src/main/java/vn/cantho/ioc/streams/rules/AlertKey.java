package vn.cantho.ioc.streams.rules;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The dedup key of an alert: one alert per rule, entity and identity labels. Repeats of a condition
 * update the alert with this key; only a re-fire after it resolved opens a new episode under it.
 *
 * @param ruleId   the rule's id
 * @param entityId the device id or area code the rule watched
 * @param labels   the identity labels only (sorted, so equal label sets give equal keys)
 */
public record AlertKey(String ruleId, String entityId, SortedMap<String, String> labels) {

    public AlertKey {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(entityId, "entityId");
        labels = Collections.unmodifiableSortedMap(labels == null ? new TreeMap<>() : new TreeMap<>(labels));
    }

    /**
     * The key of the alert that {@code rule} raises for {@code entityId}: of {@code labels} only the
     * rule's identity labels count, so descriptive labels (area name, unit) never split an alert.
     * An identity label missing from {@code labels} is left out of the key.
     */
    public static AlertKey of(RuleDefinition rule, String entityId, Map<String, String> labels) {
        SortedMap<String, String> identity = new TreeMap<>();
        for (String name : rule.identityLabels()) {
            String value = labels.get(name);
            if (value != null) {
                identity.put(name, value);
            }
        }
        return new AlertKey(rule.id(), entityId, identity);
    }

    /**
     * Canonical text form, e.g. {@code river-level|station%3A01|gauge=upper}, usable as a Kafka record
     * key and a database key. Each part is URL-encoded, so ids containing separators cannot collide.
     */
    public String asString() {
        StringJoiner labelPart = new StringJoiner("&");
        labels.forEach((k, v) -> labelPart.add(encode(k) + "=" + encode(v)));
        return encode(ruleId) + "|" + encode(entityId) + "|" + labelPart;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
