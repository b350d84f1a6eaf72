package vn.cantho.ioc.streams.rules.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.streams.rules.ConditionMachine;
import vn.cantho.ioc.streams.rules.ConditionState;
import vn.cantho.ioc.streams.rules.Input;
import vn.cantho.ioc.streams.rules.RuleKind;
import vn.cantho.ioc.streams.rules.Step;
import vn.cantho.ioc.streams.rules.Transition;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.measure.SlaClock;
import vn.cantho.ioc.streams.rules.measure.SpikeBaseline;
import vn.cantho.ioc.streams.rules.measure.Staleness;

/**
 * One alert's evaluation, without Kafka: a signal or a clock tick, the alert's stored state and
 * whether its source is stale in, the state to keep (or none: the item is finished) and the events
 * to publish out. Each kind's measure is computed here and handed to the condition machine.
 *
 * <p>No-data suppression: while a stale alert of the source is open, the alert's NO_DATA is not
 * published — the one "source stale" alert says it — and neither is the DATA_RETURNED that ends it.
 */
final class AlertEvaluator {

    /**
     * Data older than this when a rule evaluates it is late: a backfill (the simulator's feed history, a
     * department re-pushing last month), buffered readings after an outage, a replay. An episode
     * opened on late data is published as held (history); if it is still FIRING {@link #SETTLE} later
     * (or fires again after that) the condition holds now and an OPENED that is not held surfaces it. Shorter than
     * the devices' stale threshold (15 min), so a live sensor is never late.
     */
    static final Duration LATE = Duration.ofMinutes(10);
    /** How long a held episode may stay open before it is taken to hold now: a backfill burst is over by then. */
    static final Duration SETTLE = Duration.ofMinutes(2);

    /** @param state the state to keep; null when the alert's item is finished and its state can go */
    record Result(AlertState state, List<ConditionEvent> events) {}

    private final Map<String, ConditionMachine> machines = new HashMap<>();
    /** Per rule, like the machines; looked up once per rule, not per evaluation (hot path). */
    private final Map<String, Counter> evaluations = new HashMap<>();

    private final EventFactory events;
    private final WorkingCalendar calendar;

    /** @param calendar the working days of SLA rules counted in working days */
    AlertEvaluator(EventFactory events, WorkingCalendar calendar) {
        this.events = events;
        this.calendar = calendar;
    }

    Result onSignal(
            CatalogueRule rule,
            String key,
            AlertState previous,
            RuleSignal s,
            Instant origin,
            Instant now,
            boolean sourceStale) {
        boolean itemKind = rule.kind() == RuleKind.SLA || rule.kind() == RuleKind.MATCH;
        if (previous == null && itemKind && s.closed()) {
            // A closed item that never had an alert needs no memory.
            return new Result(null, List.of());
        }
        AlertState base = previous == null ? AlertState.first(s, origin) : previous;
        AlertState state;
        Input input;
        switch (rule.kind()) {
            case SPIKE -> {
                SpikeBaseline baseline = (base.baseline() == null ? SpikeBaseline.empty() : base.baseline())
                        .observe(s.ts(), s.value(), rule.spike().days());
                OptionalDouble measure = baseline.measure(rule.spike());
                input = measure.isPresent() ? Input.value(s.ts(), measure.getAsDouble()) : Input.clock();
                state = base.seen(s, baseline, null);
            }
            case STALE -> {
                Instant last =
                        base.lastRecord() == null || s.ts().isAfter(base.lastRecord()) ? s.ts() : base.lastRecord();
                input = Input.value(now, Staleness.minutesSince(last, now));
                state = base.seen(s, null, last);
            }
            case SLA -> {
                input = Input.value(now, SlaClock.elapsed(rule.sla(), calendar, s.since(), s.closed(), now));
                state = base.seen(s, null, null);
            }
            default -> {
                input = Input.value(s.ts(), s.value());
                state = base.seen(s, null, null);
            }
        }
        return step(rule, key, state, input, now, sourceStale, s.ts());
    }

    Result onTick(CatalogueRule rule, String key, AlertState state, Instant now, boolean sourceStale) {
        Input input = Input.clock();
        if (rule.kind() == RuleKind.STALE && state.lastRecord() != null) {
            input = Input.value(now, Staleness.minutesSince(state.lastRecord(), now));
        } else if (rule.kind() == RuleKind.SLA && state.since() != null) {
            input = Input.value(now, SlaClock.elapsed(rule.sla(), calendar, state.since(), state.closed(), now));
        }
        return step(rule, key, state, input, now, sourceStale, null);
    }

    /**
     * The alert's source is no longer read by its rule: the device was removed from the registry (or
     * changed so that the rule no longer selects it). A stale alert with an open episode is cleared
     * (measure 0), so it resolves by its keep-firing rule and is then dropped — a removed device is not
     * expected to report. Another alert with an open episode is kept as it is, not stepped (no NO_DATA
     * for a device nobody expects data from); an operator resolves it by hand, or it continues if the
     * device comes back. An alert without an open episode is dropped.
     */
    Result onSourceGone(CatalogueRule rule, String key, AlertState state, Instant now) {
        if (!state.condition().episodeOpen()) {
            return new Result(null, List.of());
        }
        if (rule.kind() != RuleKind.STALE) {
            return new Result(state, List.of());
        }
        Result cleared = step(rule, key, state, Input.value(now, 0), now, false, null);
        return cleared.state() != null && cleared.state().condition().episodeOpen()
                ? cleared
                : new Result(null, cleared.events());
    }

    /** @param dataAt event time of the record evaluated; null for a clock tick (evaluated as of now) */
    private Result step(
            CatalogueRule rule, String key, AlertState state, Input input, Instant now, boolean stale, Instant dataAt) {
        ConditionMachine machine = machines.computeIfAbsent(rule.id(), id -> new ConditionMachine(rule.condition()));
        evaluations
                .computeIfAbsent(rule.id(), id -> Metrics.counter(StageMeters.RULE_EVALUATIONS, "rule", id))
                .increment();
        Step step = machine.step(state.condition(), input, now);
        List<ConditionEvent> out = new ArrayList<>();
        long sequence = state.sequence();
        boolean hidden = state.noDataHidden();
        boolean late = dataAt != null && dataAt.isBefore(now.minus(LATE));
        Instant heldSince = state.heldSince();
        AlertState next = state.with(step.state(), sequence, hidden, heldSince);
        for (Transition t : step.transitions()) {
            if (rule.kind() != RuleKind.STALE && t.type() == TransitionType.NO_DATA && stale) {
                hidden = true;
                continue;
            }
            if (t.type() == TransitionType.DATA_RETURNED && hidden) {
                hidden = false;
                continue;
            }
            boolean held = false;
            if (t.type() == TransitionType.OPENED) {
                held = late;
                heldSince = late ? now : null;
            }
            out.add(events.event(rule, key, next, t, sequence++, held));
        }
        ConditionState after = step.state();
        if (!after.episodeOpen()) {
            heldSince = null;
        } else if (heldSince != null
                && after.status() == ConditionStatus.FIRING
                && after.level() != null
                && !now.isBefore(heldSince.plus(SETTLE))) {
            // Still breaching after the burst that opened it: the condition holds now, operators must see it.
            // A held episode that is only recovering (keep-firing), held FIRING by flap control while its
            // latest data is clear, or without data stays history until then.
            out.add(events.event(
                    rule,
                    key,
                    next,
                    new Transition(
                            TransitionType.OPENED, now, after.episode(), after.severity(), null, after.lastMeasure()),
                    sequence++,
                    false));
            heldSince = null;
        }
        next = state.with(after, sequence, hidden, heldSince);
        return new Result(finished(rule, next) ? null : next, out);
    }

    /** An SLA or MATCH item that is closed and has no open episode is done with. */
    private static boolean finished(CatalogueRule rule, AlertState state) {
        ConditionState c = state.condition();
        return (rule.kind() == RuleKind.SLA || rule.kind() == RuleKind.MATCH)
                && state.closed()
                && !c.episodeOpen()
                && c.status() != ConditionStatus.PENDING
                && c.status() != ConditionStatus.NO_DATA;
    }
}
