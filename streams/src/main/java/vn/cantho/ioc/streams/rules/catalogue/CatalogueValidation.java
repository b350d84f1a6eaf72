package vn.cantho.ioc.streams.rules.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.IndicatorDefinition;
import vn.cantho.ioc.model.registry.IndicatorRegistry;
import vn.cantho.ioc.model.registry.Metric;
import vn.cantho.ioc.streams.rules.RuleKind;

/**
 * The checks of a catalogue rule beyond its condition ({@code RuleDefinition.problems()}): metadata,
 * what it reads against the registries (metric, devices, indicators, feeds) and its kind's settings.
 * Every message starts with the rule and the field, like the condition's.
 */
final class CatalogueValidation {

    private final DeviceRegistry devices;
    private final IndicatorRegistry indicators;
    private final Set<String> feeds;

    CatalogueValidation(DeviceRegistry devices, IndicatorRegistry indicators, Set<String> feeds) {
        this.devices = devices;
        this.indicators = indicators;
        this.feeds = feeds;
    }

    List<String> problems(List<CatalogueRule> rules) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CatalogueRule rule : rules) {
            if (rule.id() != null && !ids.add(rule.id())) {
                problems.add("rule '" + rule.id() + "': id: used by more than one rule");
            }
            problems.addAll(rule.condition().problems());
            new One(rule, problems).check();
        }
        for (CatalogueRule rule : rules) {
            noDataAfterStale(rule, rules, problems);
        }
        return problems;
    }

    /**
     * A rule's NO_DATA is suppressed only while a stale alert of its source is open, so its silence
     * period must be longer than the first level of every stale rule that may watch that source.
     */
    private static void noDataAfterStale(CatalogueRule rule, List<CatalogueRule> rules, List<String> problems) {
        if (rule.noDataAfter() == null || rule.input() == null || rule.kind() == RuleKind.STALE) {
            return;
        }
        for (CatalogueRule stale : rules) {
            if (stale.kind() != RuleKind.STALE
                    || stale.input() == null
                    || stale.levels() == null
                    || stale.levels().isEmpty()
                    || stale.levels().get(0) == null
                    || !mayWatch(stale.input(), rule.input())) {
                continue;
            }
            double staleMinutes = stale.levels().get(0).raise();
            if (rule.noDataAfter().toMillis() / 60_000.0 <= staleMinutes) {
                problems.add(
                        "rule '" + rule.id() + "': noDataAfter: " + rule.noDataAfter() + " must be longer than the "
                                + staleMinutes + " minutes after which stale rule '" + stale.id()
                                + "' opens for the same source, or its NO_DATA comes first and is not suppressed");
            }
        }
    }

    private static boolean mayWatch(RuleInput stale, RuleInput input) {
        if (stale.source() != input.source()) {
            return false;
        }
        if (stale.source() == InputSource.FEED) {
            return stale.feeds().stream().anyMatch(input.feeds()::contains);
        }
        return overlaps(stale.devices(), input.devices()) && overlaps(stale.deviceTypes(), input.deviceTypes());
    }

    /** Empty means "any", so two selections overlap unless both are given and share nothing. */
    private static boolean overlaps(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private final class One {
        private final CatalogueRule rule;
        private final List<String> problems;

        One(CatalogueRule rule, List<String> problems) {
            this.rule = rule;
            this.problems = problems;
        }

        void check() {
            require(rule.title() != null && !rule.title().isBlank(), "title", "must not be blank");
            if (rule.summary() != null) {
                rule.summary()
                        .problems()
                        .forEach(p ->
                                problem("summary." + p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2)));
            }
            require(rule.domain() != null, "domain", "must be one of the eight domain ids");
            RuleInput in = rule.input();
            if (in == null || in.source() == null) {
                problem("input.source", "must be telemetry, aggregate, indicator or feed");
                return;
            }
            switch (in.source()) {
                case TELEMETRY, AGGREGATE -> sensor(in);
                case INDICATOR -> indicator(in);
                case FEED -> feed(in);
            }
            kindSettings(in);
            require(
                    rule.kind() != RuleKind.STALE || rule.identityLabels().isEmpty(),
                    "identityLabels",
                    "a STALE rule has one alert per source and no identity labels");
        }

        private void sensor(RuleInput in) {
            boolean stale = rule.kind() == RuleKind.STALE;
            if (!stale || in.metric() != null) {
                require(
                        in.metric() != null && Metric.byId(in.metric()).isPresent(),
                        "input.metric",
                        "unknown sensor metric '" + in.metric() + "'");
            }
            require(
                    in.source() == InputSource.TELEMETRY
                            || in.devices().isEmpty() && in.deviceTypes().isEmpty(),
                    "input.devices",
                    "only telemetry rules select devices");
            for (String id : in.devices()) {
                Device d = devices.device(id).orElse(null);
                require(d != null, "input.devices", "unknown device '" + id + "'");
                require(
                        d == null || in.metric() == null || d.metrics().contains(in.metric()),
                        "input.devices",
                        "device '" + id + "' does not report " + in.metric());
            }
            for (String type : in.deviceTypes()) {
                require(
                        devices.devices().stream().anyMatch(d -> d.type().equals(type)),
                        "input.deviceTypes",
                        "no registered device has type '" + type + "'");
            }
            require(in.source() == InputSource.TELEMETRY || !stale, "kind", "STALE rules read telemetry or feeds");
        }

        private void indicator(RuleInput in) {
            require(!in.indicators().isEmpty(), "input.indicators", "needs at least one indicator id");
            for (String id : in.indicators()) {
                IndicatorDefinition d = indicators.byId(id).orElse(null);
                require(d != null, "input.indicators", "unknown indicator '" + id + "'");
                require(
                        d == null || rule.kind() != RuleKind.TARGET_GAP || d.target() != null && d.polarity() != null,
                        "input.indicators",
                        "indicator '" + id + "' has no target and polarity to measure a gap to");
            }
            require(
                    rule.kind() != RuleKind.STALE && rule.kind() != RuleKind.SLA && rule.kind() != RuleKind.MATCH,
                    "kind",
                    rule.kind() + " rules do not read indicators");
        }

        private void feed(RuleInput in) {
            require(!in.feeds().isEmpty(), "input.feeds", "needs at least one feed id");
            for (String id : in.feeds()) {
                require(feeds.contains(id), "input.feeds", "unknown feed '" + id + "'");
            }
            boolean recordKind =
                    rule.kind() == RuleKind.SLA || rule.kind() == RuleKind.MATCH || rule.kind() == RuleKind.STALE;
            require(
                    recordKind || in.metric() != null && !in.metric().isBlank(),
                    "input.metric",
                    "a " + rule.kind() + " rule on a feed needs the feed metric it compares");
        }

        private void kindSettings(RuleInput in) {
            RuleKind kind = rule.kind();
            require(
                    kind == RuleKind.SPIKE ? rule.spike() != null : rule.spike() == null,
                    "spike",
                    kind == RuleKind.SPIKE ? "is required (method, days, minDays)" : "only applies to SPIKE rules");
            require(
                    kind == RuleKind.SLA ? rule.sla() != null : rule.sla() == null,
                    "sla",
                    kind == RuleKind.SLA
                            ? "is required (start, unit, stopFields, stopStatuses)"
                            : "only applies to SLA rules");
            require(
                    kind == RuleKind.MATCH ? rule.match() != null : rule.match() == null,
                    "match",
                    kind == RuleKind.MATCH
                            ? "is required (fields, contains, stopStatuses)"
                            : "only applies to MATCH rules");
            if (kind == RuleKind.TARGET_GAP) {
                require(in.source() == InputSource.INDICATOR, "input.source", "TARGET_GAP rules read indicators");
            }
            if (rule.spike() != null) {
                require(rule.spike().method() != null, "spike.method", "must be RATIO or SIGMA");
                require(rule.spike().days() >= 1 && rule.spike().days() <= 60, "spike.days", "must be 1 to 60");
                require(
                        rule.spike().minDays() >= 1
                                && rule.spike().minDays() <= rule.spike().days(),
                        "spike.minDays",
                        "must be 1 to days");
            }
            if (rule.sla() != null) {
                require(
                        rule.sla().start() != null && !rule.sla().start().isBlank(),
                        "sla.start",
                        "must name a datetime field");
                require(rule.sla().unit() != null, "sla.unit", "must be HOURS or WORKING_DAYS");
                require(
                        !rule.sla().stopFields().isEmpty()
                                || !rule.sla().stopStatuses().isEmpty(),
                        "sla",
                        "needs stopFields or stopStatuses, or the clock never stops");
            }
            if (rule.match() != null) {
                require(
                        !rule.match().fields().isEmpty()
                                || !rule.match().contains().isEmpty(),
                        "match",
                        "needs fields or contains, or every record matches");
            }
            if (kind == RuleKind.SLA || kind == RuleKind.MATCH) {
                require(in.source() == InputSource.FEED, "input.source", kind + " rules read an event feed");
            }
        }

        private void require(boolean ok, String field, String message) {
            if (!ok) {
                problem(field, message);
            }
        }

        private void problem(String field, String message) {
            String name = rule.id() == null || rule.id().isBlank() ? "(no id)" : "'" + rule.id() + "'";
            problems.add("rule " + name + ": " + field + ": " + message);
        }
    }
}
