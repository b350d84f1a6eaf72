package vn.cantho.ioc.api.explanation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cantho.ioc.api.alert.AlertBackend;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.explanation.ExplanationRequest;

/**
 * Raises a WARNING alert (rule {@value #RULE}) for each request for explanation left unanswered past its due time,
 * once per request, and resolves it when the answer arrives. The alert goes through the alert store like any
 * rule's condition, so operators see, acknowledge and escalate it as usual. Several hub instances may run this:
 * the store hands each overdue request to one of them.
 */
public final class OverdueExplanations implements AutoCloseable {

    public static final String RULE = "explanation-overdue";
    static final String ACTOR = "system:explanation-overdue";
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(OverdueExplanations.class);

    private final ExplanationBackend store;
    private final AlertBackend alerts;
    private final ScheduledExecutorService timer;

    public OverdueExplanations(ExplanationBackend store, AlertBackend alerts, Duration interval) {
        this.store = store;
        this.alerts = alerts;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "explanation-overdue");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(
                this::checkQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Raises the alerts of the requests that became overdue since the last check; returns how many. */
    int check() {
        int raised = 0;
        List<ExplanationRequest> overdue;
        do {
            overdue = store.claimOverdue(ACTOR, BATCH);
            for (ExplanationRequest r : overdue) {
                alerts.raise(List.of(event(r, TransitionType.OPENED, Instant.now())));
                raised++;
                // An answer that came between the claim and the alert found no alert to resolve: resolve it now.
                if (store.get(r.id()).map(ExplanationRequest::answeredAt).isPresent()) {
                    alerts.raise(List.of(event(r, TransitionType.RESOLVED, Instant.now())));
                }
            }
        } while (overdue.size() == BATCH);
        return raised;
    }

    /** Ends the overdue alert of a request that has just been answered, if one was raised. */
    void answered(ExplanationRequest r) {
        if (r.overdueAlertedAt() != null) {
            alerts.raise(List.of(event(r, TransitionType.RESOLVED, r.answeredAt())));
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // The next round retries: claimed requests stay unclaimed when the claim's transaction failed.
            LOG.warn("checking overdue requests for explanation failed: {}", e.toString());
        }
    }

    private static ConditionEvent event(ExplanationRequest r, TransitionType type, Instant at) {
        TreeMap<String, String> labels = new TreeMap<>(r.labels());
        labels.put("department", r.department());
        labels.put("indicator", r.indicator());
        labels.put("request", Long.toString(r.id()));
        return new ConditionEvent(
                ConditionEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                RULE + "|" + r.id(),
                RULE,
                r.entityId(),
                Scope.of(r.scope()),
                r.domain(),
                r.areaCode(),
                labels,
                type,
                at,
                1,
                Severity.WARNING,
                null,
                r.value(),
                "Quá hạn giải trình: " + r.department() + " chưa trả lời yêu cầu #" + r.id() + " về "
                        + r.indicator() + " (" + r.entityId() + ")" + " / Explanation overdue: " + r.department()
                        + " has not answered request #" + r.id());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
