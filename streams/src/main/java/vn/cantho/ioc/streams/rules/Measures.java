package vn.cantho.ioc.streams.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import vn.cantho.ioc.model.alert.Severity;

/** The arithmetic of the condition: severity level with hysteresis, and rate of change per hour. */
final class Measures {

    /** Samples kept per rate window: enough for a smooth rate, few enough for a small state record. */
    private static final int SAMPLES_PER_WINDOW = 60;

    private Measures() {}

    /**
     * The most severe level the measure holds, given the level held before: a level is reached at
     * its raise and kept until its clear is passed. {@code null} when no level holds.
     */
    static Severity level(RuleDefinition rule, double measure, Severity previous) {
        Severity result = null;
        for (SeverityLevel l : rule.levels()) {
            boolean kept = previous != null
                    && previous.compareTo(l.severity()) >= 0
                    && !rule.direction().clears(measure, l.clear());
            if (kept || rule.direction().reaches(measure, l.raise())) {
                result = l.severity();
            }
        }
        return result;
    }

    /**
     * The samples after adding {@code s}: older than the window dropped, and thinned so that at most
     * about {@link #SAMPLES_PER_WINDOW} remain however often a device reports (the newest is replaced
     * while it is closer than one slot to the one before it).
     */
    static List<ConditionState.Sample> addSample(
            List<ConditionState.Sample> samples, ConditionState.Sample s, Duration window) {
        Instant horizon = s.ts().minus(window);
        Duration slot = window.dividedBy(SAMPLES_PER_WINDOW);
        List<ConditionState.Sample> kept = new ArrayList<>();
        for (ConditionState.Sample old : samples) {
            if (!old.ts().isBefore(horizon)) {
                kept.add(old);
            }
        }
        int n = kept.size();
        if (n >= 2
                        && Duration.between(
                                                kept.get(n - 2).ts(),
                                                kept.get(n - 1).ts())
                                        .compareTo(slot)
                                < 0
                || n >= 1 && kept.get(n - 1).ts().equals(s.ts())) {
            kept.set(n - 1, s);
        } else {
            kept.add(s);
        }
        return kept;
    }

    /**
     * Change per hour from the oldest to the newest sample; empty until the samples span half the
     * window, because a rate over a few seconds turns ordinary sensor noise into a huge slope.
     */
    static OptionalDouble ratePerHour(List<ConditionState.Sample> samples, Duration window) {
        if (samples.size() < 2) {
            return OptionalDouble.empty();
        }
        ConditionState.Sample first = samples.get(0);
        ConditionState.Sample last = samples.get(samples.size() - 1);
        Duration span = Duration.between(first.ts(), last.ts());
        if (span.compareTo(window.dividedBy(2)) < 0) {
            return OptionalDouble.empty();
        }
        double hours = span.toMillis() / 3_600_000.0;
        return OptionalDouble.of((last.value() - first.value()) / hours);
    }
}
