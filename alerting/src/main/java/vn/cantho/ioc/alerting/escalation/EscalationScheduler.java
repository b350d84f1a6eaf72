package vn.cantho.ioc.alerting.escalation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.alerting.AlertingSetup;
import vn.cantho.ioc.alerting.lifecycle.AlertDraft;
import vn.cantho.ioc.alerting.lifecycle.Suppressions;
import vn.cantho.ioc.alerting.notify.Notifications;
import vn.cantho.ioc.model.health.HealthCheck;
import vn.cantho.ioc.model.metrics.StageMeters;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertStore;
import vn.cantho.ioc.store.alert.AlertWriter;
import vn.cantho.ioc.store.alert.AlertWriter.NewEvent;
import vn.cantho.ioc.store.alert.AlertWriter.NewNotification;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.EscalationAction;
import vn.cantho.ioc.store.alert.Handling;
import vn.cantho.ioc.store.alert.Suppression;

/**
 * Fires escalation steps when they are due: every interval it claims the due rows, and for each one
 * still relevant (same episode, not acknowledged for an ACK step, episode open) queues the webhook
 * messages for its receivers — unless the alert is silenced, snoozed or inhibited — and writes an
 * {@link AuditType#ESCALATED} entry with the decision, all in one transaction. A step that is no longer
 * relevant is cancelled with the reason. Rows are claimed with {@code SKIP LOCKED}, so several hub
 * instances can run it; after a restart the pending rows are simply found again.
 */
public final class EscalationScheduler implements AutoCloseable, HealthCheck {

    static final String ACTOR = "system:escalation";
    private static final Logger LOG = LoggerFactory.getLogger(EscalationScheduler.class);
    private static final int BATCH = 200;

    private final AlertStore store;
    private final AlertingSetup setup;
    private final Notifications notifications;
    private final Clock clock;
    private final Runnable afterCommit;
    private final AtomicLong fired = new AtomicLong();
    // Registered up front so /metrics shows it at zero before the first step comes due.
    private final Counter steps = Metrics.counter(StageMeters.ESCALATION_STEPS);
    private final AtomicReference<String> failing = new AtomicReference<>();
    private ScheduledExecutorService executor;

    public EscalationScheduler(AlertStore store, AlertingSetup setup, Clock clock, Runnable afterCommit) {
        this.store = store;
        this.setup = setup;
        this.notifications = new Notifications(setup.receivers());
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** Runs {@link #runOnce()} every {@code interval} on its own thread. */
    public EscalationScheduler start(Duration interval) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alert-escalation"));
        executor.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Fires or cancels every step due now; returns how many fired. */
    public int runOnce() {
        int total = 0;
        int n;
        do {
            Instant now = clock.instant();
            n = store.write(w -> fireDue(w, now));
            total += n;
        } while (n == BATCH);
        if (total > 0) {
            fired.addAndGet(total);
            steps.increment(total);
            afterCommit.run();
        }
        return total;
    }

    private void runSafely() {
        try {
            runOnce();
            if (failing.getAndSet(null) != null) {
                LOG.info("escalation scheduler is working again");
            }
        } catch (RuntimeException e) {
            if (failing.getAndSet(e.getMessage() + " since " + Instant.now()) == null) {
                LOG.warn("escalation scheduler cannot run; retrying every interval: {}", e.getMessage());
            }
        }
    }

    /** Returns how many steps it settled (fired or cancelled), so {@link #runOnce()} knows when it is done. */
    private int fireDue(AlertWriter w, Instant now) throws SQLException {
        List<EscalationAction> due = w.claimDue(now, BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, Alert> alerts =
                w.byIds(due.stream().map(EscalationAction::alertId).distinct().toList());
        Suppressions suppressions =
                new Suppressions(w.activeSilences(now), w.active(setup.inhibitionSources()), setup.inhibitions());
        Map<Long, String> firedReasons = new LinkedHashMap<>();
        Map<Long, String> cancelled = new LinkedHashMap<>();
        Map<Long, Integer> seqs = new LinkedHashMap<>();
        List<NewEvent> audit = new ArrayList<>();
        List<NewNotification> outbox = new ArrayList<>();
        for (EscalationAction action : due) {
            Alert alert = alerts.get(action.alertId());
            String stale = stale(action, alert);
            if (stale != null) {
                cancelled.put(action.id(), stale);
                continue;
            }
            List<Suppression> reasons = suppressions.of(alert, now);
            List<NewNotification> messages = notifications.escalation(alert, action, now, reasons);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("policy", action.policyId());
            details.put("step", action.step());
            details.put("level", action.level());
            details.put("unless", action.until().name());
            details.put("dueAt", action.dueAt().toString());
            details.put("notification", Notifications.decision(messages, reasons));
            int seq = seqs.merge(alert.id(), 1, Integer::sum) + alert.lastEventSeq();
            audit.add(new NewEvent(
                    alert.id(), seq, AuditType.ESCALATED, ACTOR, now, alert.episode(), null, details, null));
            outbox.addAll(messages);
            firedReasons.put(
                    action.id(),
                    reasons.isEmpty()
                            ? "notified level " + action.level() + ": "
                                    + messages.stream()
                                            .map(NewNotification::receiver)
                                            .toList()
                            : "suppressed: " + reasons.get(0).detail());
        }
        List<Alert> touched = new ArrayList<>();
        seqs.forEach((id, count) -> {
            Alert a = alerts.get(id);
            // Only the audit sequence and the version change: the alert view now shows the escalation.
            touched.add(new AlertDraft(a).toAlert(a.version() + 1, a.lastEventSeq() + count));
        });
        w.update(touched);
        w.append(audit);
        w.enqueue(outbox);
        w.settle(firedReasons, EscalationAction.State.FIRED, now);
        w.settle(cancelled, EscalationAction.State.CANCELLED, now);
        return due.size();
    }

    private static String stale(EscalationAction action, Alert alert) {
        if (alert == null) {
            return "alert no longer exists";
        }
        if (alert.episode() != action.episode()) {
            return "episode " + action.episode() + " is over";
        }
        if (!alert.episodeOpen()) {
            return "episode resolved";
        }
        if (action.until() == EscalationAction.Until.ACK && alert.handling() == Handling.ACK) {
            return "acknowledged by " + alert.ackedBy();
        }
        return null;
    }

    @Override
    public Status check() {
        String failure = failing.get();
        return failure == null
                ? Status.up(fired.get() + " escalation steps fired")
                : Status.down("escalation failing: " + failure);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
