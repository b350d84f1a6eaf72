package vn.cantho.ioc.streams.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.Severity;

/**
 * Test rules with sensible defaults (PM2.5 per device, WARNING at 100 clearing below 90, no pending,
 * no keep-firing, no no-data detection, at most 4 flips per 30 minutes, stable after 15 minutes), so
 * each test states only the settings it is about.
 */
final class RuleBuilder {

    private String id = "pm25-high";
    private RuleKind kind = RuleKind.THRESHOLD;
    private Direction direction = Direction.ABOVE;
    private final List<SeverityLevel> levels = new ArrayList<>(List.of(new SeverityLevel(Severity.WARNING, 100, 90)));
    private Duration pending = Duration.ZERO;
    private Duration keepFiring = Duration.ZERO;
    private Duration rateWindow;
    private Duration noDataAfter;
    private FlapSettings flap = new FlapSettings(4, Duration.ofMinutes(30), Duration.ofMinutes(15));
    private List<String> identityLabels = List.of();

    static RuleBuilder rule() {
        return new RuleBuilder();
    }

    RuleBuilder id(String value) {
        id = value;
        return this;
    }

    RuleBuilder rateOfChange(Duration window) {
        kind = RuleKind.RATE_OF_CHANGE;
        rateWindow = window;
        return this;
    }

    RuleBuilder kind(RuleKind value) {
        kind = value;
        return this;
    }

    RuleBuilder rateWindow(Duration value) {
        rateWindow = value;
        return this;
    }

    RuleBuilder direction(Direction value) {
        direction = value;
        return this;
    }

    /** Replaces the levels; give them from least to most severe. */
    RuleBuilder levels(SeverityLevel... value) {
        levels.clear();
        levels.addAll(List.of(value));
        return this;
    }

    RuleBuilder pending(Duration value) {
        pending = value;
        return this;
    }

    RuleBuilder keepFiring(Duration value) {
        keepFiring = value;
        return this;
    }

    RuleBuilder noDataAfter(Duration value) {
        noDataAfter = value;
        return this;
    }

    RuleBuilder flap(FlapSettings value) {
        flap = value;
        return this;
    }

    RuleBuilder identityLabels(String... value) {
        identityLabels = List.of(value);
        return this;
    }

    RuleDefinition build() {
        return new RuleDefinition(
                id,
                kind,
                "pm25",
                Scope.DEVICE,
                direction,
                levels,
                pending,
                keepFiring,
                rateWindow,
                noDataAfter,
                flap,
                identityLabels);
    }

    static SeverityLevel level(Severity severity, double raise, double clear) {
        return new SeverityLevel(severity, raise, clear);
    }
}
