package vn.cantho.ioc.alerting.escalation;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cantho.ioc.alerting.lifecycle.HandlingRules.Escalations;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertWriter;
import vn.cantho.ioc.store.alert.AlertWriter.NewEscalation;
import vn.cantho.ioc.store.alert.EscalationAction.Until;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * The escalation policies and what they make of lifecycle changes: the first matching policy's steps
 * are scheduled as rows when an episode opens, the "unless acknowledged" steps are cancelled by an
 * ack and re-armed by an unack, and resolving cancels everything. The rows are the schedule, so a
 * restart loses nothing; {@link EscalationScheduler} fires them when due.
 */
public final class Escalation {

    private final List<EscalationPolicy> policies;

    public Escalation(List<EscalationPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public List<EscalationPolicy> policies() {
        return policies;
    }

    /** The first policy whose matchers match the alert. */
    public Optional<EscalationPolicy> policyFor(Alert alert) {
        var labels = LabelMatcher.labelsOf(alert);
        return policies.stream().filter(p -> p.matches(labels)).findFirst();
    }

    /** The steps to schedule for the alert's current episode, counted from {@code from}; only those of {@code kinds}. */
    public List<NewEscalation> steps(Alert alert, Instant from, Set<Until> kinds) {
        List<NewEscalation> steps = new ArrayList<>();
        policyFor(alert).ifPresent(policy -> {
            for (int i = 0; i < policy.steps().size(); i++) {
                EscalationStep step = policy.steps().get(i);
                if (kinds.contains(step.unless())) {
                    steps.add(new NewEscalation(
                            alert.id(),
                            alert.episode(),
                            policy.id(),
                            i + 1,
                            step.level(),
                            step.unless(),
                            step.receivers(),
                            from.plus(step.after())));
                }
            }
        });
        return steps;
    }

    /** Every step of a newly opened episode, counted from its opening. */
    public List<NewEscalation> opened(Alert alert, Instant openedAt) {
        return steps(alert, openedAt, EnumSet.allOf(Until.class));
    }

    /** Applies what an operator's change means for the alert's pending steps. */
    public void settle(AlertWriter w, Alert alert, Escalations what, Instant now, String reason) throws SQLException {
        switch (what) {
            case CANCEL_ACK_STEPS ->
                w.cancel(List.of(alert.id()), EnumSet.of(Until.ACK), "acknowledged: " + reason, now);
            case CANCEL_ALL -> w.cancel(List.of(alert.id()), EnumSet.allOf(Until.class), "resolved: " + reason, now);
            case REARM_ACK_STEPS -> w.schedule(steps(alert, now, EnumSet.of(Until.ACK)));
            case KEEP -> {}
        }
    }
}
