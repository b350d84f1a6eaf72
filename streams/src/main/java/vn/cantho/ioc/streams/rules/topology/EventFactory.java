package vn.cantho.ioc.streams.rules.topology;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.registry.AgencyNames;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.streams.rules.RuleKind;
import vn.cantho.ioc.streams.rules.Transition;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.SummaryTemplate;

/**
 * Turns a machine {@link Transition} of one alert into the published {@link ConditionEvent}. Its domain
 * is the source's (a visitor counter's stale alert belongs to tourism even though one rule watches
 * every device), else the rule's. Labels
 * for routing and silences (rule, domain, area, metric and the signal's own), a one-line summary for
 * people, and an id that depends only on the alert the record that created its state and the event's number within it, so the same
 * event produced again after a crash (before its state was committed) carries the same id.
 */
final class EventFactory {

    private static final AgencyNames AGENCIES = AgencyNames.builtIn();

    private final Supplier<DeviceRegistry> devices;
    private final IndicatorRegistry indicators;

    /**
     * @param devices    the registry in force: names and areas are those of the moment the event is made
     * @param indicators names of the indicators alerts are about
     */
    EventFactory(Supplier<DeviceRegistry> devices, IndicatorRegistry indicators) {
        this.devices = devices;
        this.indicators = indicators;
    }

    ConditionEvent event(
            CatalogueRule rule, String alertKey, AlertState state, Transition t, long sequence, boolean held) {
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
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
        return new ConditionEvent(
                ConditionEvent.SCHEMA_VERSION,
                eventId,
                alertKey,
                rule.id(),
                state.entityId(),
                state.scope(),
                domain,
                area,
                labels,
                t.type(),
                t.at(),
                t.episode(),
                t.severity(),
                t.previousSeverity(),
                t.measure(),
                summary(rule, state, t),
                held);
    }

    /**
     * The alert's text, Vietnamese then English, e.g. {@code Mực nước sông Hậu tại Cần Thơ vượt báo động —
     * Trạm thủy văn Cần Thơ (sông Hậu): mực nước 1,93 m (bắt đầu, nghiêm trọng) / Hậu river at Cần Thơ above
     * the flood alarm level — Trạm thủy văn Cần Thơ (sông Hậu): water level 1.93 m (opened, major)}: the
     * rule's title and its summary template filled
     * with the entity's registry name and the measure rounded with its unit, then what happened.
     */
    String summary(CatalogueRule rule, AlertState state, Transition t) {
        SummaryTemplate template = rule.summaryTemplate();
        return rule.title() + " — " + fill(template.vi(), rule, state, t, true) + " (" + AlertText.what(t, true) + ")"
                + " / " + rule.titleInEnglish() + " — " + fill(template.en(), rule, state, t, false) + " ("
                + AlertText.what(t, false) + ")";
    }

    private String fill(String text, CatalogueRule rule, AlertState state, Transition t, boolean vi) {
        return SummaryTemplate.fill(text, name -> switch (name) {
            case "entity" -> entityName(state, vi);
            // A target gap of 0 or less means the target is met: "-102 % below target" would read as nonsense.
            case "value" ->
                t.measure() == null
                        ? "–"
                        : AlertText.number(
                                        rule.kind() == RuleKind.TARGET_GAP ? Math.max(0, t.measure()) : t.measure(), vi)
                                + unit(rule);
            case "indicator" -> indicatorName(state, vi);
            case "record" -> state.labels().getOrDefault(CatalogueRule.RECORD_LABEL, "");
            default -> "{" + name + "}";
        });
    }

    /**
     * A device's area as the registry in force says (an admin may have moved it since the alert's last
     * record), else the area the last record carried.
     */
    private String area(AlertState state) {
        if (state.scope() == Scope.DEVICE) {
            String current =
                    devices.get().device(state.entityId()).map(Device::areaCode).orElse(null);
            if (current != null) {
                return current;
            }
        }
        return state.areaCode();
    }

    /**
     * The entity by its registry name: a device's or district's name, the city, an agency by the agency
     * registry, else by the name its feed gave ({@code agency_name}); an SLA or MATCH item by its district (the item itself is
     * {@code {record}}). The id only when nothing names it.
     */
    private String entityName(AlertState state, boolean vi) {
        DeviceRegistry registry = devices.get();
        String id = state.labels().containsKey(CatalogueRule.RECORD_LABEL)
                ? (state.areaCode() != null ? state.areaCode() : AlertText.CITY)
                : state.entityId();
        if (AlertText.CITY.equals(id)) {
            return vi ? "TP. Cần Thơ" : "Cần Thơ city";
        }
        return registry.device(id)
                .map(Device::name)
                .or(() -> registry.area(id).map(Area::name))
                .or(() -> AGENCIES.of(id).map(a -> vi ? a.name() : a.nameEn()))
                .or(() -> java.util.Optional.ofNullable(state.labels().get("agency_name")))
                .orElse(id);
    }

    /** The indicator's name from the indicator registry (Vietnamese); in English its id in words. */
    private String indicatorName(AlertState state, boolean vi) {
        String id = state.labels().get(CatalogueRule.INDICATOR_LABEL);
        if (id == null) {
            return "";
        }
        return vi ? indicators.byId(id).map(IndicatorDefinition::label).orElse(id) : id.replace('_', ' ');
    }

    /** The sensor metric's unit (per hour for a rate); every other kind's words are in its template. */
    private static String unit(CatalogueRule rule) {
        return switch (rule.kind()) {
            case THRESHOLD -> metricUnit(rule).map(u -> " " + u).orElse("");
            case RATE_OF_CHANGE -> metricUnit(rule).map(u -> " " + u + "/h").orElse("/h");
            default -> "";
        };
    }

    private static java.util.Optional<String> metricUnit(CatalogueRule rule) {
        return rule.input().metric() == null
                ? java.util.Optional.empty()
                : Metric.byId(rule.input().metric()).map(Metric::unit);
    }
}
