package vn.cantho.ioc.streams.rules.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.FeedRecord;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.streams.rules.RuleKind;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.InputSource;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;
import vn.cantho.ioc.streams.rules.catalogue.RuleInput;
import vn.cantho.ioc.streams.rules.measure.MatchSettings;
import vn.cantho.ioc.streams.rules.measure.SlaClock;
import vn.cantho.ioc.streams.rules.measure.TargetGap;

/**
 * Turns the records of the four input topics into {@link RuleSignal}s: one per rule that reads the
 * record, keyed by the record's source so that one task owns every alert of a source. Pure: which
 * rule reads what is decided from the catalogue and the registries alone — the device registry as it
 * is in force when each record is routed, so a device added through the admin API is watched at once.
 */
public final class RuleRouter {

    /** Entity of rules on feeds without an entity field: the city. */
    public static final String CITY = "can-tho";

    private final Map<InputSource, List<CatalogueRule>> bySource = new java.util.EnumMap<>(InputSource.class);
    private final Supplier<DeviceRegistry> devices;
    private final IndicatorRegistry indicators;
    private volatile RouteCache routeCache = new RouteCache(null, new ConcurrentHashMap<>());

    public RuleRouter(RuleCatalogue catalogue, Supplier<DeviceRegistry> devices, IndicatorRegistry indicators) {
        for (InputSource source : InputSource.values()) {
            bySource.put(
                    source,
                    catalogue.rules().stream()
                            .filter(r -> r.input().source() == source)
                            .toList());
        }
        this.devices = devices;
        this.indicators = indicators;
    }

    /**
     * The signals of a reading without their keys: each is keyed by the device id, the telemetry record's key. Which
     * rules read a device, and their signals' labels, are worked out once per device and registry (see {@link
     * #telemetryRoutes}): per reading only the values are looked up.
     */
    List<RuleSignal> telemetrySignals(Reading reading) {
        if (reading == null || reading.values() == null) {
            return List.of();
        }
        DeviceRegistry registry = devices.get();
        Device device = registry.device(reading.deviceId()).orElse(null);
        if (device == null) {
            return List.of();
        }
        List<RuleSignal> out = new ArrayList<>();
        for (TelemetryRoute route : telemetryRoutes(registry, device)) {
            Double value = route.valueless()
                    ? null
                    : reading.values().get(route.rule().input().metric());
            if (!route.valueless() && value == null) {
                continue;
            }
            out.add(new RuleSignal(
                    route.rule().id(),
                    device.id(),
                    Scope.DEVICE,
                    device.id(),
                    device.areaCode(),
                    device.domain().id(),
                    route.labels(),
                    reading.ts(),
                    value,
                    null,
                    false));
        }
        return out;
    }

    /**
     * The telemetry rules that read {@code device}, from a cache that is dropped whenever another registry is in
     * force. Bounded by the registry's devices; shared by the stream threads, hence concurrent.
     */
    private List<TelemetryRoute> telemetryRoutes(DeviceRegistry registry, Device device) {
        RouteCache cache = routeCache;
        if (cache.registry() != registry) {
            cache = new RouteCache(registry, new ConcurrentHashMap<>());
            routeCache = cache;
        }
        return cache.byDevice().computeIfAbsent(device.id(), id -> {
            List<TelemetryRoute> routes = new ArrayList<>();
            for (CatalogueRule rule : rules(InputSource.TELEMETRY)) {
                if (!covers(rule, registry, id)) {
                    continue;
                }
                TreeMap<String, String> labels =
                        new TreeMap<>(Map.of("device", device.id(), "device_type", device.type()));
                if (rule.input().metric() != null) {
                    labels.put("metric", rule.input().metric());
                }
                // A STALE rule watches the device's records, whatever they carry: its signals have no value.
                routes.add(new TelemetryRoute(rule, rule.kind() == RuleKind.STALE, Labels.frozen(labels)));
            }
            return List.copyOf(routes);
        });
    }

    List<KeyValue<String, RuleSignal>> fromAggregate(Aggregate aggregate) {
        List<KeyValue<String, RuleSignal>> out = new ArrayList<>();
        if (aggregate == null || aggregate.scope() != Scope.AREA || aggregate.count() == 0) {
            return out;
        }
        for (CatalogueRule rule : rules(InputSource.AGGREGATE)) {
            if (rule.input().metric().equals(aggregate.metric())) {
                out.add(signal(
                        rule,
                        aggregate.entityId(),
                        Scope.AREA,
                        aggregate.entityId(),
                        aggregate.areaCode(),
                        aggregate.domain(),
                        new TreeMap<>(Map.of("metric", aggregate.metric())),
                        aggregate.windowStart(),
                        aggregate.avg()));
            }
        }
        return out;
    }

    List<KeyValue<String, RuleSignal>> fromIndicator(Indicator indicator) {
        List<KeyValue<String, RuleSignal>> out = new ArrayList<>();
        if (indicator == null) {
            return out;
        }
        for (CatalogueRule rule : rules(InputSource.INDICATOR)) {
            if (!rule.input().indicators().contains(indicator.indicator())) {
                continue;
            }
            double value = indicator.value();
            if (rule.kind() == RuleKind.TARGET_GAP) {
                OptionalDouble gap = indicators
                        .byId(indicator.indicator())
                        .map(d -> TargetGap.of(d, indicator.value()))
                        .orElse(OptionalDouble.empty());
                if (gap.isEmpty()) {
                    continue;
                }
                value = gap.getAsDouble();
            }
            TreeMap<String, String> labels = new TreeMap<>(indicator.labels());
            labels.put(CatalogueRule.INDICATOR_LABEL, indicator.indicator());
            out.add(signal(
                    rule,
                    indicator.entityId(),
                    indicator.scope(),
                    indicator.entityId(),
                    indicator.areaCode(),
                    indicator.domain(),
                    labels,
                    indicator.periodStart(),
                    value));
        }
        return out;
    }

    List<KeyValue<String, RuleSignal>> fromFeedRecord(FeedRecord record) {
        List<KeyValue<String, RuleSignal>> out = new ArrayList<>();
        if (record == null) {
            return out;
        }
        Map<String, Object> fields = record.fields() == null ? Map.of() : record.fields();
        for (CatalogueRule rule : rules(InputSource.FEED)) {
            RuleInput in = rule.input();
            if (!in.feeds().contains(record.feed())) {
                continue;
            }
            TreeMap<String, String> labels = new TreeMap<>(Map.of("feed", record.feed()));
            switch (rule.kind()) {
                case STALE ->
                    out.add(signal(
                            rule,
                            record.feed(),
                            Scope.CITY,
                            record.feed(),
                            null,
                            record.domain(),
                            labels,
                            record.ts(),
                            null));
                case SLA ->
                    SlaClock.start(rule.sla(), fields).ifPresent(start -> {
                        labels.put(CatalogueRule.RECORD_LABEL, record.recordKey());
                        out.add(KeyValue.pair(
                                record.feed(),
                                new RuleSignal(
                                        rule.id(),
                                        record.feed(),
                                        Scope.CITY,
                                        record.feed(),
                                        record.areaCode(),
                                        record.domain(),
                                        labels,
                                        record.ts(),
                                        null,
                                        start,
                                        SlaClock.stopped(rule.sla(), fields))));
                    });
                case MATCH -> {
                    labels.put(CatalogueRule.RECORD_LABEL, record.recordKey());
                    MatchSettings match = rule.match();
                    double matched = match.measure(fields);
                    out.add(KeyValue.pair(
                            record.feed(),
                            new RuleSignal(
                                    rule.id(),
                                    record.feed(),
                                    Scope.CITY,
                                    record.feed(),
                                    record.areaCode(),
                                    record.domain(),
                                    labels,
                                    record.ts(),
                                    matched,
                                    null,
                                    matched == 0)));
                }
                default -> {
                    Double value =
                            record.metrics() == null ? null : record.metrics().get(in.metric());
                    if (value == null) {
                        continue;
                    }
                    labels.put("metric", in.metric());
                    Object entity = in.entityField() == null ? null : fields.get(in.entityField());
                    if (in.entityField() != null && entity == null) {
                        continue;
                    }
                    String entityId = entity == null ? CITY : entity.toString();
                    if (in.entityField() != null) {
                        labels.put(in.entityField(), entityId);
                        // The feed's own name for the entity (agency_code → agency_name), for readable alert text.
                        String nameField = in.entityField().replaceFirst("_code$", "_name");
                        if (!nameField.equals(in.entityField()) && fields.get(nameField) != null) {
                            labels.put(nameField, fields.get(nameField).toString());
                        }
                    }
                    out.add(signal(
                            rule,
                            record.feed(),
                            rule.scope(),
                            entityId,
                            record.areaCode(),
                            record.domain(),
                            labels,
                            record.ts(),
                            value));
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code rule} reads records of source {@code sourceId} (a device id or a feed id), by the
     * registry in force: false for a device removed since.
     */
    boolean covers(CatalogueRule rule, String sourceId) {
        return covers(rule, devices.get(), sourceId);
    }

    private static boolean covers(CatalogueRule rule, DeviceRegistry registry, String sourceId) {
        RuleInput in = rule.input();
        if (in.source() == InputSource.FEED) {
            return in.feeds().contains(sourceId);
        }
        if (in.source() != InputSource.TELEMETRY) {
            return false;
        }
        Device device = registry.device(sourceId).orElse(null);
        return device != null
                && (in.devices().isEmpty() || in.devices().contains(device.id()))
                && (in.deviceTypes().isEmpty() || in.deviceTypes().contains(device.type()))
                && (in.metric() == null || device.metrics().contains(in.metric()));
    }

    /** The stale rules that watch the source of {@code rule}'s alerts, for no-data suppression. */
    List<CatalogueRule> staleRulesFor(CatalogueRule rule, String sourceId) {
        List<CatalogueRule> stale = new ArrayList<>();
        if (rule.kind() == RuleKind.STALE) {
            return stale;
        }
        for (CatalogueRule candidate : rules(rule.input().source())) {
            if (candidate.kind() == RuleKind.STALE && covers(candidate, sourceId)) {
                stale.add(candidate);
            }
        }
        return stale;
    }

    /** The device registry in force: compared by identity to tell when it changed. */
    DeviceRegistry registry() {
        return devices.get();
    }

    private List<CatalogueRule> rules(InputSource source) {
        return bySource.get(source);
    }

    /** A telemetry rule that reads a device: whether its signals carry no value (STALE), and their labels. */
    private record TelemetryRoute(CatalogueRule rule, boolean valueless, SortedMap<String, String> labels) {}

    /** The telemetry routes of each device, under the registry they were worked out with. */
    private record RouteCache(DeviceRegistry registry, Map<String, List<TelemetryRoute>> byDevice) {}

    private static KeyValue<String, RuleSignal> signal(
            CatalogueRule rule,
            String sourceId,
            Scope scope,
            String entityId,
            String areaCode,
            String domain,
            TreeMap<String, String> labels,
            Instant ts,
            Double value) {
        return KeyValue.pair(
                sourceId,
                new RuleSignal(rule.id(), sourceId, scope, entityId, areaCode, domain, labels, ts, value, null, false));
    }
}
