package vn.cantho.ioc.model.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.cantho.ioc.model.Scope;

/**
 * One condition-axis event of one alert, as the rule processor (module {@code streams}) publishes it
 * and the alert store consumes it: value of {@link vn.cantho.ioc.model.kafka.Topics#ALERT_CONDITIONS},
 * keyed by {@link #alertKey()} so that one partition holds every event of an alert, in order.
 * Published only on a real change of state (see {@code docs/alert-model.md}), never for a repeat.
 *
 * @param schemaVersion    contract version ({@link #SCHEMA_VERSION})
 * @param eventId          unique id of this event (rule id, alert key, episode, type and time hashed), so a
 *                         consumer that sees it twice (a replay after a crash) can ignore the repeat
 * @param alertKey         the dedup key: rule, entity and identity labels in canonical text form
 * @param ruleId           the rule that raised it
 * @param entityId         device id, area code, agency code, feed id or {@code can-tho}
 * @param scope            what the entity is
 * @param domain           IOC domain id of the rule
 * @param areaCode         area of the entity when it has one, else null
 * @param labels           every label of the alert (identity and descriptive: metric, device type, feed, ...)
 * @param type             what happened
 * @param at               evaluation time of the step that caused it
 * @param episode          the episode it belongs to (1, 2, ...)
 * @param severity         the episode's severity after the event; null before any episode
 * @param previousSeverity the severity before a {@code SEVERITY_CHANGED}; otherwise null
 * @param measure          the measured value (or rate per hour) the step saw last; null if none yet
 * @param summary          one human sentence, e.g. {@code PM2.5 182 µg/m³ at Trạm Ninh Kiều ≥ 150}
 * @param held             the rule saw the condition in late data (a backfill, a re-push, a replay): an
 *                         {@code OPENED} that is held goes to history, not to operators, until an
 *                         {@code OPENED} that is not held says it still holds now (docs/alert-model.md,
 *                         "Late data"); absent in older events = false
 */
public record ConditionEvent(
        int schemaVersion,
        String eventId,
        String alertKey,
        String ruleId,
        String entityId,
        Scope scope,
        String domain,
        String areaCode,
        SortedMap<String, String> labels,
        TransitionType type,
        Instant at,
        int episode,
        Severity severity,
        Severity previousSeverity,
        Double measure,
        String summary,
        boolean held) {

    public static final int SCHEMA_VERSION = 1;

    public ConditionEvent {
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
    }

    /** An event about data as it happens (not {@link #held()}). */
    public ConditionEvent(
            int schemaVersion,
            String eventId,
            String alertKey,
            String ruleId,
            String entityId,
            Scope scope,
            String domain,
            String areaCode,
            SortedMap<String, String> labels,
            TransitionType type,
            Instant at,
            int episode,
            Severity severity,
            Severity previousSeverity,
            Double measure,
            String summary) {
        this(
                schemaVersion,
                eventId,
                alertKey,
                ruleId,
                entityId,
                scope,
                domain,
                areaCode,
                labels,
                type,
                at,
                episode,
                severity,
                previousSeverity,
                measure,
                summary,
                false);
    }

    /** Labels as an unmodifiable map, for callers that only read them. */
    public Map<String, String> labelView() {
        return Collections.unmodifiableMap(labels);
    }
}
