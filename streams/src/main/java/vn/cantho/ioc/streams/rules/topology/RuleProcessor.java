package vn.cantho.ioc.streams.rules.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.calendar.WorkingCalendar;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.streams.rules.AlertKey;
import vn.cantho.ioc.streams.rules.ConditionState;
import vn.cantho.ioc.streams.rules.catalogue.CatalogueRule;
import vn.cantho.ioc.streams.rules.catalogue.InputSource;
import vn.cantho.ioc.streams.rules.catalogue.RuleCatalogue;

/**
 * The rule processor of one task: evaluates each {@link RuleSignal} against its alert's state in the
 * store, and on a wall-clock punctuation steps every alert of the task with the clock so that timers
 * (pending, keep-firing, no-data, stale sources, SLA clocks) run without new data. Both use the wall
 * clock as evaluation time; record timestamps only order observations and measure rates.
 */
final class RuleProcessor implements Processor<String, RuleSignal, String, ConditionEvent> {

    /**
     * Most signals are of a few thousand (rule, source, labels): their keys are worked out once, not per signal. The
     * cache is emptied when it grows past this, which only signals with ever-new labels (feed records) can make it do.
     */
    private static final int MAX_CACHED_KEYS = 20_000;

    private final RuleCatalogue catalogue;
    private final RuleRouter router;
    private final AlertEvaluator evaluator;
    private final String storeName;
    private final Duration tickInterval;
    private final Map<String, List<String>> staleKeys = new HashMap<>();
    private final Map<SignalIdentity, SignalKeys> signalKeys = new HashMap<>();
    /** The device registry {@link #staleKeys} and {@link #signalKeys} were computed with; another one empties them. */
    private DeviceRegistry keysComputedWith;

    private ProcessorContext<String, ConditionEvent> context;
    private AlertStates store;

    RuleProcessor(
            RuleCatalogue catalogue,
            RuleRouter router,
            EventFactory events,
            WorkingCalendar calendar,
            String storeName,
            Duration tickInterval) {
        this.catalogue = catalogue;
        this.router = router;
        this.evaluator = new AlertEvaluator(events, calendar);
        this.storeName = storeName;
        this.tickInterval = tickInterval;
    }

    @Override
    public void init(ProcessorContext<String, ConditionEvent> context) {
        this.context = context;
        this.store = new AlertStates(context.getStateStore(storeName));
        context.schedule(tickInterval, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, RuleSignal> record) {
        RuleSignal signal = record.value();
        if (signal == null) {
            return;
        }
        CatalogueRule rule = catalogue.rule(signal.ruleId()).orElse(null);
        if (rule == null) {
            // Routed before a restart with a catalogue that no longer has this rule.
            return;
        }
        SignalKeys keys = keysOf(rule, signal);
        AlertState previous = store.get(keys.alert());
        AlertEvaluator.Result result = evaluator.onSignal(
                rule,
                keys.alert(),
                previous,
                signal,
                Instant.ofEpochMilli(record.timestamp()),
                now(),
                anyOpen(keys.stale()));
        apply(keys.alert(), previous, result);
    }

    private void tick(long wallClockMs) {
        List<KeyValue<String, AlertState>> alerts = store.all();
        Instant now = Instant.ofEpochMilli(wallClockMs);
        for (KeyValue<String, AlertState> alert : alerts) {
            CatalogueRule rule = catalogue.rule(alert.value.ruleId()).orElse(null);
            if (rule == null) {
                // The rule was removed from the catalogue: its alerts are no longer evaluated.
                store.delete(alert.key);
                continue;
            }
            if (rule.input().source() == InputSource.TELEMETRY && !router.covers(rule, alert.value.sourceId())) {
                apply(alert.key, alert.value, evaluator.onSourceGone(rule, alert.key, alert.value, now));
                continue;
            }
            apply(
                    alert.key,
                    alert.value,
                    evaluator.onTick(rule, alert.key, alert.value, now, stale(rule, alert.value.sourceId())));
        }
    }

    private void apply(String key, AlertState previous, AlertEvaluator.Result result) {
        for (ConditionEvent event : result.events()) {
            context.forward(new Record<>(event.alertKey(), event, event.at().toEpochMilli()));
        }
        if (result.state() == null) {
            if (previous != null) {
                store.delete(key);
            }
        } else if (previous == null || !result.events().isEmpty() || !sameApartFromClock(previous, result.state())) {
            store.put(key, result.state());
        }
    }

    /** The key of the alert {@code signal} is for, and the keys of the stale alerts that cover its source. */
    private SignalKeys keysOf(CatalogueRule rule, RuleSignal signal) {
        forgetKeysOfAnotherRegistry();
        if (signalKeys.size() >= MAX_CACHED_KEYS) {
            signalKeys.clear();
        }
        return signalKeys.computeIfAbsent(
                new SignalIdentity(rule.id(), signal.sourceId(), signal.entityId(), signal.labels()),
                id -> new SignalKeys(
                        AlertKey.of(rule.condition(), id.entityId(), id.labels())
                                .asString(),
                        staleKeys(rule, id.sourceId())));
    }

    /** Whether an open stale alert covers the source of {@code rule}'s alert. */
    private boolean stale(CatalogueRule rule, String sourceId) {
        forgetKeysOfAnotherRegistry();
        return anyOpen(staleKeys(rule, sourceId));
    }

    private List<String> staleKeys(CatalogueRule rule, String sourceId) {
        return staleKeys.computeIfAbsent(
                rule.id() + '\u0000' + sourceId, k -> router.staleRulesFor(rule, sourceId).stream()
                        .map(s -> AlertKey.of(s.condition(), sourceId, Map.of()).asString())
                        .toList());
    }

    private void forgetKeysOfAnotherRegistry() {
        DeviceRegistry registry = router.registry();
        if (registry != keysComputedWith) {
            staleKeys.clear();
            signalKeys.clear();
            keysComputedWith = registry;
        }
    }

    private boolean anyOpen(List<String> keys) {
        for (String key : keys) {
            AlertState state = store.get(key);
            if (state != null && state.condition().episodeOpen()) {
                return true;
            }
        }
        return false;
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    /**
     * A clock tick that changed nothing but the evaluation time is not written back: it would put
     * every alert into the changelog at every tick. Losing that time on a restart is harmless.
     */
    private static boolean sameApartFromClock(AlertState a, AlertState b) {
        // The conditions first: after a signal they nearly always differ, and that answers without copying states.
        return withoutClock(a.condition()).equals(withoutClock(b.condition()))
                && a.with(b.condition(), a.sequence(), a.noDataHidden(), a.heldSince())
                        .equals(b);
    }

    private static ConditionState withoutClock(ConditionState c) {
        return new ConditionState(
                c.status(),
                c.statusSince(),
                c.episode(),
                c.episodeOpen(),
                c.severity(),
                c.occurrences(),
                c.lastSeen(),
                c.level(),
                c.levelSince(),
                c.lastMeasure(),
                c.lastInput(),
                c.samples(),
                c.flapping(),
                c.flips(),
                null);
    }

    /** What a signal's keys depend on: its rule, source, entity and labels. */
    private record SignalIdentity(String ruleId, String sourceId, String entityId, Map<String, String> labels) {}

    /** A signal's alert key, and the keys of the stale alerts that cover its source. */
    private record SignalKeys(String alert, List<String> stale) {}
}
