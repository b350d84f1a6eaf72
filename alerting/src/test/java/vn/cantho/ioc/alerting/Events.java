package vn.cantho.ioc.alerting;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;

/** Builds condition events as the rule processor publishes them, for tests. */
public final class Events {

    private Events() {}

    /** An event of alert {@code key} (rule {@code pm25-high}, a Ninh Kiều air station) with a fresh id. */
    public static ConditionEvent event(String key, TransitionType type, Instant at, int episode, Severity severity) {
        return event(key, "pm25-high", key, type, at, episode, severity);
    }

    public static ConditionEvent event(
            String key, String rule, String entity, TransitionType type, Instant at, int episode, Severity severity) {
        return event(key, rule, entity, Map.of("metric", "pm25", "station", entity), type, at, episode, severity);
    }

    public static ConditionEvent event(
            String key,
            String rule,
            String entity,
            Map<String, String> labels,
            TransitionType type,
            Instant at,
            int episode,
            Severity severity) {
        return new ConditionEvent(
                ConditionEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                key,
                rule,
                entity,
                Scope.DEVICE,
                "environment",
                "ninh-kieu",
                new TreeMap<>(labels),
                type,
                at,
                episode,
                severity,
                null,
                182.0,
                "PM2.5 182 µg/m³ at " + entity + " ≥ 150");
    }

    /** The same event as the processor publishes it for late data (a backfill): held, see ConditionEvent. */
    public static ConditionEvent held(ConditionEvent e) {
        return new ConditionEvent(
                e.schemaVersion(),
                e.eventId(),
                e.alertKey(),
                e.ruleId(),
                e.entityId(),
                e.scope(),
                e.domain(),
                e.areaCode(),
                e.labels(),
                e.type(),
                e.at(),
                e.episode(),
                e.severity(),
                e.previousSeverity(),
                e.measure(),
                e.summary(),
                true);
    }
}
