package vn.cantho.ioc.streams.rules.topology;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.streams.rules.Transition;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.measure.SlaSettings;
import vn.cantho.ioc.streams.rules.measure.SpikeSettings;

/**
 * Turns a machine {@link Transition} of one alert into the published {@link ConditionEvent}. Its domain
 * is the source's (a visitor counter's stale alert belongs to tourism even though one rule watches
 * every device), else the rule's. Labels
 * for routing and silences (rule, domain, area, metric and the signal's own), a one-line summary for
 * people, and an id that depends only on the alert the record that created its state and the event's number within it, so the same
 * event produced again after a crash (before its state was committed) carries the same id.
 */
final class EventFactory {

    private final Supplier<DeviceRegistry> devices;

    /** @param devices the registry in force: names and areas are those of the moment the event is made */
    EventFactory(Supplier<DeviceRegistry> devices) {
        this.devices = devices;
    }

    ConditionEvent event(CatalogueRule rule, String alertKey, AlertState state, Transition t, long sequence,
                         boolean held) {
        TreeMap<String, String> labels = new TreeMap<>(state.labels());
        labels.put("rule", rule.id());
        String domain = state.domain() != null ? state.domain() : rule.domain().id();
        labels.put("domain", domain);
        labels.put("kind", rule.kind().name());
        String area = area(state);
        if (area != null) {
            labels.put("area", area);
        }
        if (rule.measured() != null) {
            labels.putIfAbsent("metric", rule.measured());
        }
        String eventId = UUID.nameUUIDFromBytes((alertKey + "#" + state.origin().toEpochMilli() + "#" + sequence)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new ConditionEvent(ConditionEvent.SCHEMA_VERSION, eventId, alertKey, rule.id(), state.entityId(),
                state.scope(), domain, area, labels, t.type(), t.at(), t.episode(),
                t.severity(), t.previousSeverity(), t.measure(), summary(rule, state, t), held);
    }

    /** E.g. {@code Bụi PM2.5 tăng đột biến — Trạm quan trắc không khí Ninh Kiều 1: OPENED WARNING, 4.2× baseline}. */
    String summary(CatalogueRule rule, AlertState state, Transition t) {
        StringBuilder s = new StringBuilder(rule.title()).append(" — ").append(entityName(state)).append(": ")
                .append(t.type());
        if (t.severity() != null) {
            s.append(' ').append(t.previousSeverity() != null ? t.previousSeverity() + " → " : "").append(t.severity());
        }
        if (t.measure() != null) {
            s.append(", ").append(format(t.measure())).append(unit(rule));
        }
        return s.toString();
    }

    /**
     * A device's area as the registry in force says (an admin may have moved it since the alert's last
     * record), else the area the last record carried.
     */
    private String area(AlertState state) {
        if (state.scope() == Scope.DEVICE) {
            String current = devices.get().device(state.entityId()).map(Device::areaCode).orElse(null);
            if (current != null) {
                return current;
            }
        }
        return state.areaCode();
    }

    private String entityName(AlertState state) {
        String record = state.labels().get(CatalogueRule.RECORD_LABEL);
        if (record != null) {
            return state.entityId() + " " + record;
        }
        String indicator = state.labels().get(CatalogueRule.INDICATOR_LABEL);
        DeviceRegistry registry = devices.get();
        String name = registry.device(state.entityId()).map(Device::name)
                .or(() -> registry.area(state.entityId()).map(Area::name)).orElse(state.entityId());
        return indicator == null ? name : indicator + " " + name;
    }

    private static String unit(CatalogueRule rule) {
        return switch (rule.kind()) {
            case THRESHOLD -> metricUnit(rule).map(u -> " " + u).orElse("");
            case RATE_OF_CHANGE -> metricUnit(rule).map(u -> " " + u + "/h").orElse("/h");
            case SPIKE -> rule.spike().method() == SpikeSettings.SpikeMethod.RATIO ? "× baseline" : " σ above baseline";
            case STALE -> " min without data";
            case SLA -> rule.sla().unit() == SlaSettings.SlaUnit.HOURS ? " h waiting" : " working days waiting";
            case MATCH -> " (matches)";
            case TARGET_GAP -> " % off target";
        };
    }

    private static java.util.Optional<String> metricUnit(CatalogueRule rule) {
        return rule.input().metric() == null ? java.util.Optional.empty()
                : Metric.byId(rule.input().metric()).map(Metric::unit);
    }

    private static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
