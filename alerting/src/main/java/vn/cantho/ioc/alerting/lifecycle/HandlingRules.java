package vn.cantho.ioc.alerting.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;

/**
 * The operator actions on a stored alert, as pure decisions: what changes, the audit entry, and
 * which escalation steps to cancel or re-arm. An action that would change nothing is
 * {@link Kind#UNCHANGED} (no audit entry, no new version), which makes every action idempotent.
 * Pinned by {@code HandlingRulesTableTest}.
 */
public final class HandlingRules {

    /** The longest snooze. */
    public static final Duration MAX_SNOOZE = Duration.ofDays(7);

    public enum Kind {
        CHANGED,
        UNCHANGED,
        INVALID
    }

    /** Which pending escalation steps the change settles. */
    public enum Escalations {
        KEEP,
        CANCEL_ACK_STEPS,
        CANCEL_ALL,
        REARM_ACK_STEPS
    }

    /**
     * A decision.
     *
     * @param kind        changed, unchanged or refused
     * @param type        the audit entry when changed
     * @param details     its details
     * @param escalations what happens to pending escalation steps
     * @param message     why unchanged or refused
     */
    public record Decision(
            Kind kind, AuditType type, Map<String, Object> details, Escalations escalations, String message) {

        static Decision changed(AuditType type, Map<String, Object> details, Escalations escalations) {
            return new Decision(Kind.CHANGED, type, details, escalations, null);
        }

        static Decision unchanged(String message) {
            return new Decision(Kind.UNCHANGED, null, Map.of(), Escalations.KEEP, message);
        }

        static Decision invalid(String message) {
            return new Decision(Kind.INVALID, null, Map.of(), Escalations.KEEP, message);
        }
    }

    private HandlingRules() {}

    public static Decision ack(AlertDraft d, String actor, Instant now) {
        if (d.handling == Handling.ACK) {
            return Decision.unchanged("already acknowledged by " + d.ackedBy + " at " + d.ackedAt);
        }
        d.handling = Handling.ACK;
        d.ackedBy = actor;
        d.ackedAt = now;
        return Decision.changed(AuditType.ACKNOWLEDGED, new LinkedHashMap<>(), Escalations.CANCEL_ACK_STEPS);
    }

    public static Decision unack(AlertDraft d) {
        if (d.handling == Handling.UNACK) {
            return Decision.unchanged("not acknowledged");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previouslyAckedBy", d.ackedBy);
        d.handling = Handling.UNACK;
        d.ackedBy = null;
        d.ackedAt = null;
        return Decision.changed(
                AuditType.UNACKNOWLEDGED, details, d.episodeOpen ? Escalations.REARM_ACK_STEPS : Escalations.KEEP);
    }

    public static Decision assign(AlertDraft d, String assignee) {
        String to = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (to != null && to.length() > 200) {
            return Decision.invalid("assignee is longer than 200 characters");
        }
        if (java.util.Objects.equals(to, d.assignee)) {
            return Decision.unchanged(to == null ? "not assigned" : "already assigned to " + to);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", d.assignee);
        details.put("to", to);
        d.assignee = to;
        return Decision.changed(to == null ? AuditType.UNASSIGNED : AuditType.ASSIGNED, details, Escalations.KEEP);
    }

    public static Decision comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return Decision.invalid("a comment needs text");
        }
        return Decision.changed(AuditType.COMMENTED, new LinkedHashMap<>(), Escalations.KEEP);
    }

    public static Decision resolve(AlertDraft d, String actor, Instant now) {
        if (!d.episodeOpen && d.condition != ConditionStatus.NO_DATA) {
            return Decision.unchanged(
                    d.episode == 0 ? "no episode has opened" : "episode " + d.episode + " is already resolved");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousCondition", d.condition.name());
        d.condition = d.episode == 0 ? ConditionStatus.OK : ConditionStatus.RESOLVED;
        d.episodeOpen = false;
        d.flapping = false;
        d.resolvedAt = now;
        d.resolvedBy = actor;
        return Decision.changed(AuditType.RESOLVED_MANUALLY, details, Escalations.CANCEL_ALL);
    }

    public static Decision snooze(AlertDraft d, Instant until, Instant now) {
        if (until == null) {
            return Decision.invalid("a snooze needs an end time");
        }
        if (!until.isAfter(now)) {
            return Decision.invalid("snooze end " + until + " is not in the future");
        }
        if (until.isAfter(now.plus(MAX_SNOOZE))) {
            return Decision.invalid("snooze end " + until + " is more than " + MAX_SNOOZE.toDays() + " days ahead");
        }
        if (until.equals(d.snoozedUntil)) {
            return Decision.unchanged("already snoozed until " + until);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("until", until.toString());
        d.snoozedUntil = until;
        return Decision.changed(AuditType.SNOOZED, details, Escalations.KEEP);
    }

    public static Decision unsnooze(AlertDraft d, Instant now) {
        if (d.snoozedUntil == null || !d.snoozedUntil.isAfter(now)) {
            return Decision.unchanged("not snoozed");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("wasUntil", d.snoozedUntil.toString());
        d.snoozedUntil = null;
        return Decision.changed(AuditType.UNSNOOZED, details, Escalations.KEEP);
    }
}
