package vn.cantho.ioc.streams.rules;

import static vn.cantho.ioc.model.alert.ConditionStatus.FIRING;
import static vn.cantho.ioc.model.alert.ConditionStatus.NO_DATA;
import static vn.cantho.ioc.model.alert.ConditionStatus.PENDING;
import static vn.cantho.ioc.model.alert.ConditionStatus.RECOVERING;
import static vn.cantho.ioc.model.alert.ConditionStatus.RESOLVED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;

/**
 * The condition axis of one rule as a pure function {@code (state, input, now) -> (state, transitions)}:
 * no clock, no I/O, no mutable fields, so the same inputs always give the same outputs and a Kafka
 * Streams processor can run it on a state store and replay it after a crash. One machine serves every
 * alert of its rule; each alert's {@link ConditionState} is passed in and returned.
 *
 * <p>{@code now} is the evaluation time, used by every timer (pending, keep-firing, no-data, flap);
 * observation timestamps only order the input and measure rates. Both must come from the same clock.
 */
public final class ConditionMachine {

    private final RuleDefinition rule;

    /** @throws InvalidRuleException if the rule has {@linkplain RuleDefinition#problems() problems} */
    public ConditionMachine(RuleDefinition rule) {
        this.rule = rule.validated();
    }

    public RuleDefinition rule() {
        return rule;
    }

    /** One evaluation: {@code input} seen at {@code now}; the state to keep and the events to publish. */
    public Step step(ConditionState state, Input input, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        StateDraft s = new StateDraft(state);
        // A clock stepping back (NTP, a replayed punctuation) must not restart or stretch any timer.
        Instant t = s.evaluatedAt != null && now.isBefore(s.evaluatedAt) ? s.evaluatedAt : now;
        s.evaluatedAt = t;
        List<Transition> out = new ArrayList<>();
        // An observation older than the newest one seen is late: acting on it would rewind the condition.
        Input.Value value =
                input instanceof Input.Value v && (s.lastInput == null || !v.ts().isBefore(s.lastInput)) ? v : null;
        if (value != null) {
            observe(s, value, t, out);
        } else if (silentTooLong(s, t)) {
            // A pending period is dropped; an open episode stays open through the gap.
            s.moveTo(NO_DATA, t);
            out.add(s.event(TransitionType.NO_DATA, t, null));
        }
        // Only an observation leaves NO_DATA (in observe); time alone never does.
        if (s.status != NO_DATA) {
            advance(s, t, value != null, out);
        }
        return new Step(s.freeze(), out);
    }

    private boolean silentTooLong(StateDraft s, Instant t) {
        return rule.noDataAfter() != null
                && s.lastInput != null
                && s.status != NO_DATA
                && Duration.between(s.lastInput, t).compareTo(rule.noDataAfter()) > 0;
    }

    private void observe(StateDraft s, Input.Value v, Instant t, List<Transition> out) {
        boolean returning = s.status == NO_DATA;
        s.lastInput = v.ts();
        OptionalDouble measure = OptionalDouble.of(v.value());
        if (rule.kind() == RuleKind.RATE_OF_CHANGE) {
            s.samples = Measures.addSample(s.samples, new ConditionState.Sample(v.ts(), v.value()), rule.rateWindow());
            measure = Measures.ratePerHour(s.samples, rule.rateWindow());
        }
        // Without a measure (a rate not yet computable) the condition keeps its last level.
        Severity level = s.level;
        if (measure.isPresent()) {
            s.lastMeasure = measure.getAsDouble();
            level = Measures.level(rule, s.lastMeasure, s.level);
        }
        // A gap breaks continuity: a pending period or a stable period starts again when data returns.
        if (returning || (level == null) != (s.level == null)) {
            s.levelSince = t;
        }
        s.level = level;
        if (returning) {
            s.moveTo(s.episodeOpen ? FIRING : s.inactive(), t);
            out.add(s.event(TransitionType.DATA_RETURNED, t, null));
        }
    }

    private void advance(StateDraft s, Instant t, boolean observed, List<Transition> out) {
        switch (s.status) {
            case OK, RESOLVED, PENDING -> {
                if (s.level == null) {
                    s.moveTo(s.inactive(), t);
                } else if (lasted(s, t, rule.pending())) {
                    open(s, t, out);
                } else {
                    s.moveTo(PENDING, t);
                }
            }
            case FIRING -> firing(s, t, observed, out);
            case RECOVERING -> recovering(s, t, observed, out);
        }
    }

    private void open(StateDraft s, Instant t, List<Transition> out) {
        s.episode++;
        s.episodeOpen = true;
        s.severity = s.level;
        s.occurrences = 1;
        s.lastSeen = t;
        s.moveTo(FIRING, t);
        out.add(s.event(TransitionType.OPENED, t, null));
        if (flipTooOften(s, t)) {
            startFlapping(s, t, out);
        }
    }

    private void firing(StateDraft s, Instant t, boolean observed, List<Transition> out) {
        if (s.flapping && lasted(s, t, rule.flap().stableFor())) {
            s.flapping = false;
            out.add(s.event(TransitionType.FLAPPING_ENDED, t, null));
        }
        if (s.level != null) {
            seen(s, t, observed);
            followLevel(s, t, out);
        } else if (!s.flapping) {
            if (flipTooOften(s, t)) {
                // The flip that makes the alert flapping is not carried out: it is held FIRING instead.
                startFlapping(s, t, out);
            } else {
                leaveFiring(s, t, out);
            }
        }
    }

    private void recovering(StateDraft s, Instant t, boolean observed, List<Transition> out) {
        if (s.level != null) {
            s.moveTo(FIRING, t);
            seen(s, t, observed);
            out.add(s.event(TransitionType.RETRIGGERED, t, null));
            if (flipTooOften(s, t)) {
                startFlapping(s, t, out);
            }
            followLevel(s, t, out);
        } else if (lasted(s, t, rule.keepFiring())) {
            resolve(s, t, out);
        }
    }

    private void leaveFiring(StateDraft s, Instant t, List<Transition> out) {
        // Keep-firing counts from when the condition cleared, which after flapping lies in the past.
        if (lasted(s, t, rule.keepFiring())) {
            resolve(s, t, out);
        } else {
            s.moveTo(RECOVERING, t);
            out.add(s.event(TransitionType.RECOVERING, t, null));
        }
    }

    private void resolve(StateDraft s, Instant t, List<Transition> out) {
        s.episodeOpen = false;
        s.moveTo(RESOLVED, t);
        out.add(s.event(TransitionType.RESOLVED, t, null));
    }

    private static void seen(StateDraft s, Instant t, boolean observed) {
        if (observed) {
            s.occurrences++;
            s.lastSeen = t;
        }
    }

    /** Moves the episode's severity to the condition's level; while flapping only upwards. */
    private static void followLevel(StateDraft s, Instant t, List<Transition> out) {
        boolean change = s.level != s.severity && !(s.flapping && s.level.compareTo(s.severity) < 0);
        if (change) {
            Severity previous = s.severity;
            s.severity = s.level;
            out.add(s.event(TransitionType.SEVERITY_CHANGED, t, previous));
        }
    }

    /** Records a flip at {@code t}; whether the flips inside the window now exceed the limit. */
    private boolean flipTooOften(StateDraft s, Instant t) {
        Instant horizon = t.minus(rule.flap().window());
        s.flips.removeIf(f -> f.isBefore(horizon));
        s.flips.add(t);
        return s.flips.size() > rule.flap().maxFlips();
    }

    private static void startFlapping(StateDraft s, Instant t, List<Transition> out) {
        s.flapping = true;
        // No flips are counted while held, and the spell must start afresh after it ends.
        s.flips.clear();
        out.add(s.event(TransitionType.FLAPPING_STARTED, t, null));
    }

    private static boolean lasted(StateDraft s, Instant t, Duration period) {
        return Duration.between(s.levelSince, t).compareTo(period) >= 0;
    }
}
