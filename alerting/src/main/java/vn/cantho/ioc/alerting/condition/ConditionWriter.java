package vn.cantho.ioc.alerting.condition;

import io.micrometer.core.instrument.Metrics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.alerting.AlertingSetup;
import vn.cantho.ioc.alerting.lifecycle.AlertDraft;
import vn.cantho.ioc.alerting.lifecycle.ConditionFold;
import vn.cantho.ioc.alerting.lifecycle.Suppressions;
import vn.cantho.ioc.alerting.notify.Notifications;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertStore;
import vn.cantho.ioc.store.alert.AlertWriter;
import vn.cantho.ioc.store.alert.AlertWriter.NewAlert;
import vn.cantho.ioc.store.alert.AlertWriter.NewEscalation;
import vn.cantho.ioc.store.alert.AlertWriter.NewEvent;
import vn.cantho.ioc.store.alert.AlertWriter.NewNotification;
import vn.cantho.ioc.store.alert.EscalationAction.Until;
import vn.cantho.ioc.store.alert.Suppression;

/**
 * Stores a batch of condition events in one transaction: alert rows created or updated, one audit
 * entry per event, escalation steps scheduled or cancelled, notifications queued. Events already in the
 * audit trail (by event id) are skipped, so a replayed batch changes nothing. A handful of statements
 * per batch, however many events it holds.
 */
public final class ConditionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ConditionWriter.class);

    private final AlertStore store;
    private final AlertingSetup setup;
    private final Notifications notifications;
    private final Clock clock;
    private final Runnable afterCommit;
    private final AtomicLong skipped = new AtomicLong();

    /**
     * @param clock       decides which silences are in force
     * @param afterCommit run after a batch that changed something was committed (change listeners)
     */
    public ConditionWriter(AlertStore store, AlertingSetup setup, Clock clock, Runnable afterCommit) {
        this.store = store;
        this.setup = setup;
        this.notifications = new Notifications(setup.receivers());
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** Events skipped since start because a required field was missing (see {@link #problem}). */
    public long skipped() {
        return skipped.get();
    }

    /**
     * What makes an event unusable, or null: a missing id, key, rule, entity, scope, domain, type or
     * time. Such an event can only come from a broken producer; it is skipped (logged and counted)
     * rather than retried for ever, which would stop every alert behind it.
     */
    static String problem(ConditionEvent e) {
        if (e.eventId() == null || e.eventId().isBlank()) {
            return "no eventId";
        }
        if (e.alertKey() == null || e.alertKey().isBlank() || e.ruleId() == null || e.entityId() == null) {
            return "no alertKey, ruleId or entityId";
        }
        if (e.scope() == null || e.domain() == null || e.type() == null || e.at() == null) {
            return "no scope, domain, type or time";
        }
        return null;
    }

    /** Returns how many events were new (applied); replays count 0. */
    public int write(List<ConditionEvent> batch) {
        // Counted only once the transaction committed; a retried transaction starts the list again.
        List<String> transitions = new ArrayList<>();
        int applied = store.write(w -> {
            transitions.clear();
            return apply(w, batch, transitions);
        });
        transitions.forEach(type ->
                Metrics.counter(StageMeters.ALERT_TRANSITIONS, "type", type).increment());
        if (applied > 0) {
            afterCommit.run();
        }
        return applied;
    }

    private int apply(AlertWriter w, List<ConditionEvent> batch, List<String> transitions) throws SQLException {
        Map<String, ConditionEvent> byId = new LinkedHashMap<>();
        for (ConditionEvent e : batch) {
            String problem = e == null ? "empty value" : problem(e);
            if (problem != null) {
                if (skipped.getAndIncrement() == 0) {
                    LOG.warn("skipping a condition event ({}); later ones like it are only counted: {}", problem, e);
                }
                continue;
            }
            byId.putIfAbsent(e.eventId(), e);
        }
        Set<String> seen = w.seenEventIds(byId.keySet());
        List<ConditionEvent> fresh =
                byId.values().stream().filter(e -> !seen.contains(e.eventId())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, NewAlert> firstSight = new LinkedHashMap<>();
        for (ConditionEvent e : fresh) {
            firstSight.putIfAbsent(
                    e.alertKey(),
                    new NewAlert(
                            e.alertKey(),
                            e.ruleId(),
                            e.entityId(),
                            e.scope(),
                            e.domain(),
                            e.areaCode(),
                            e.labels(),
                            e.at()));
        }
        w.insertMissing(firstSight.values());
        Map<String, AlertDraft> drafts = new LinkedHashMap<>();
        w.byKeys(firstSight.keySet()).forEach((key, alert) -> drafts.put(key, new AlertDraft(alert)));

        List<NewEvent> audit = new ArrayList<>();
        Map<String, Integer> seqs = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        for (ConditionEvent e : fresh) {
            AlertDraft draft = drafts.get(e.alertKey());
            Alert original = draft.original();
            ConditionFold.Applied applied = ConditionFold.apply(draft, e);
            int seq = seqs.merge(e.alertKey(), 1, Integer::sum) + original.lastEventSeq();
            audit.add(new NewEvent(
                    original.id(),
                    seq,
                    applied.type(),
                    "rule:" + e.ruleId(),
                    e.at(),
                    draft.episode(),
                    null,
                    applied.details(),
                    e.eventId()));
            steps.add(new Step(e, applied, draft.toAlert(original.version() + 1, seq)));
            transitions.add(String.valueOf(applied.type()));
        }
        List<Alert> updated = new ArrayList<>();
        drafts.forEach((key, draft) -> updated.add(
                draft.toAlert(draft.original().version() + 1, draft.original().lastEventSeq() + seqs.get(key))));
        w.update(updated);
        // Decided on the state after the whole batch, so a "source stale" alert opened in this batch
        // already inhibits the alerts it covers; the decision is recorded in the change's audit entry.
        Instant now = clock.instant();
        Suppressions suppressions =
                new Suppressions(w.activeSilences(now), w.active(setup.inhibitionSources()), setup.inhibitions());
        List<NewNotification> outbox = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.applied.notifies()) {
                List<Suppression> reasons = suppressions.of(step.alert, now);
                List<NewNotification> messages = notifications.transition(
                        step.alert,
                        step.applied.type(),
                        step.event.at(),
                        audit.get(i).seq(),
                        step.applied.details(),
                        reasons);
                step.applied.details().put("notification", Notifications.decision(messages, reasons));
                outbox.addAll(messages);
            }
        }
        w.append(audit);
        w.enqueue(outbox);
        // Pending steps of episodes that closed in this batch are cancelled first; then steps are
        // scheduled only for episodes that opened in this batch and are still open at its end.
        Map<String, Step> lastOpened = new LinkedHashMap<>();
        Set<Long> closed = new LinkedHashSet<>();
        for (Step step : steps) {
            if (step.applied.opened()) {
                lastOpened.put(step.event.alertKey(), step);
            }
            if (step.applied.closed()) {
                closed.add(step.alert.id());
            }
        }
        w.cancel(closed, EnumSet.allOf(Until.class), "resolved by the rule", now);
        List<NewEscalation> scheduled = new ArrayList<>();
        lastOpened.forEach((key, step) -> {
            AlertDraft end = drafts.get(key);
            if (end.episodeOpen() && end.episode() == step.alert.episode()) {
                scheduled.addAll(setup.escalation().opened(step.alert, step.event.at()));
            }
        });
        w.schedule(scheduled);
        return fresh.size();
    }

    /** One applied event with the alert as it stood right after it. */
    private record Step(ConditionEvent event, ConditionFold.Applied applied, Alert alert) {}
}
