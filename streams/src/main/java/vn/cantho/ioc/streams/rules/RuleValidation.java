package vn.cantho.ioc.streams.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The consistency checks behind {@link RuleDefinition#problems()}. Each message starts with the
 * rule and the field ({@code rule 'aqi-station': levels[1].clear: …}) so that an operator editing a
 * catalogue of dozens of rules finds the line to fix without reading code.
 */
final class RuleValidation {

    private final RuleDefinition rule;
    private final List<String> problems = new ArrayList<>();

    private RuleValidation(RuleDefinition rule) {
        this.rule = rule;
    }

    static List<String> problems(RuleDefinition rule) {
        RuleValidation v = new RuleValidation(rule);
        v.check();
        return List.copyOf(v.problems);
    }

    private void check() {
        require(rule.id() != null && !rule.id().isBlank(), "id", "must not be blank");
        require(
                rule.kind() != null,
                "kind",
                "must be one of THRESHOLD, RATE_OF_CHANGE, SPIKE, STALE, SLA, MATCH, TARGET_GAP");
        require(rule.metric() != null && !rule.metric().isBlank(), "metric", "must not be blank");
        require(rule.scope() != null, "scope", "must be device or area");
        require(rule.direction() != null, "direction", "must be ABOVE or BELOW");
        checkLevels();
        nonNegative("pending", rule.pending());
        nonNegative("keepFiring", rule.keepFiring());
        if (rule.kind() == RuleKind.RATE_OF_CHANGE) {
            positive("rateWindow", rule.rateWindow());
        } else {
            require(rule.rateWindow() == null, "rateWindow", "only applies to RATE_OF_CHANGE rules");
        }
        if (rule.noDataAfter() != null) {
            positive("noDataAfter", rule.noDataAfter());
        }
        checkFlap();
        Set<String> labels = new HashSet<>();
        for (String label : rule.identityLabels()) {
            require(label != null && !label.isBlank(), "identityLabels", "must not contain a blank label");
            require(label == null || labels.add(label), "identityLabels", "lists '" + label + "' twice");
        }
    }

    private void checkLevels() {
        if (rule.levels() == null || rule.levels().isEmpty()) {
            problem("levels", "needs at least one severity level");
            return;
        }
        SeverityLevel previous = null;
        for (int i = 0; i < rule.levels().size(); i++) {
            SeverityLevel level = rule.levels().get(i);
            String field = "levels[" + i + "]";
            if (level == null || level.severity() == null) {
                problem(field + ".severity", "must be one of INFO, WARNING, MAJOR, CRITICAL");
                continue;
            }
            require(Double.isFinite(level.raise()), field + ".raise", "must be a finite number");
            require(Double.isFinite(level.clear()), field + ".clear", "must be a finite number");
            if (!Double.isFinite(level.raise()) || !Double.isFinite(level.clear())) {
                continue;
            }
            Direction d = rule.direction();
            if (d != null) {
                require(
                        d.atOrBeyond(level.raise(), level.clear()),
                        field + ".clear",
                        level.clear() + " must not be " + d.badSide() + " raise " + level.raise() + " for direction "
                                + d);
            }
            if (previous != null) {
                require(
                        level.severity().compareTo(previous.severity()) > 0,
                        field + ".severity",
                        level.severity() + " must be more severe than " + previous.severity()
                                + " (levels go from least to most severe)");
                if (d != null) {
                    // A more severe level must be harder to reach and must not be left before a milder one.
                    require(
                            d.atOrBeyond(level.raise(), previous.raise()) && level.raise() != previous.raise(),
                            field + ".raise",
                            level.raise() + " must be " + d.badSide() + " the raise " + previous.raise() + " of "
                                    + previous.severity());
                    require(
                            d.atOrBeyond(level.clear(), previous.clear()),
                            field + ".clear",
                            level.clear() + " must not be past the clear " + previous.clear() + " of "
                                    + previous.severity());
                }
            }
            previous = level;
        }
    }

    private void checkFlap() {
        FlapSettings flap = rule.flap();
        if (flap == null) {
            problem("flap", "is required (maxFlips, window, stableFor)");
            return;
        }
        require(flap.maxFlips() >= 1, "flap.maxFlips", "must be at least 1, was " + flap.maxFlips());
        positive("flap.window", flap.window());
        positive("flap.stableFor", flap.stableFor());
    }

    private void nonNegative(String field, Duration d) {
        require(d != null && !d.isNegative(), field, d == null ? "is required" : "must not be negative, was " + d);
    }

    private void positive(String field, Duration d) {
        require(
                d != null && !d.isNegative() && !d.isZero(),
                field,
                d == null ? "is required" : "must be positive, was " + d);
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
