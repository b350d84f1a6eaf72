package vn.cantho.ioc.alerting.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cantho.ioc.model.alert.ConditionEvent;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.TransitionType;
import vn.cantho.ioc.store.alert.AuditType;
import vn.cantho.ioc.store.alert.Handling;

/**
 * Applies one condition event of the rule processor to a stored alert: the condition axis only —
 * handling is left alone, except that a new episode starts unacknowledged. Pure; the rules are in
 * {@code docs/alert-model.md} ("Alert store") and pinned by {@code ConditionFoldTableTest}.
 *
 * <p>Late data (docs/alert-model.md, "Late data: history, not the queue"): an episode opened by a
 * {@link ConditionEvent#held() held} OPENED goes to history — acknowledged by {@link #HISTORY_ACTOR} at
 * once, nothing notified, no escalation — and so does everything else of that episode, its RESOLVED
 * included, until an OPENED that is not held says the condition holds now: then the episode surfaces,
 * unacknowledged, notified and escalated as if it had just opened.
 *
 * <p>The store's episode numbering is authoritative: a raise while no episode is open opens episode
 * {@code max(stored + 1, event's)}, so a processor that lost its state, or an operator's manual
 * resolve, never makes two episodes share a number.
 */
public final class ConditionFold {

    /**
     * What applying one event did.
     *
     * @param type     the audit entry to write
     * @param details  its details
     * @param notifies whether receivers hear of it
     * @param opened   a new episode opened (schedule escalations)
     * @param closed   the episode ended (cancel escalations)
     */
    public record Applied(
            AuditType type, Map<String, Object> details, boolean notifies, boolean opened, boolean closed) {}

    /** The actor that files episodes opened on late data into history (their acknowledgement). */
    public static final String HISTORY_ACTOR = "system:history";

    private ConditionFold() {}

    public static Applied apply(AlertDraft d, ConditionEvent e) {
        Applied applied = fold(d, e);
        if (HISTORY_ACTOR.equals(d.ackedBy) && (d.episodeOpen || applied.closed()) && applied.notifies()) {
            // Still history: recorded in the audit trail, told to no one.
            applied.details().put("history", true);
            return new Applied(applied.type(), applied.details(), false, false, applied.closed());
        }
        return applied;
    }

    private static Applied fold(AlertDraft d, ConditionEvent e) {
        if (d.lastSeenAt == null || e.at().isAfter(d.lastSeenAt)) {
            d.lastSeenAt = e.at();
        }
        if (e.summary() != null) {
            d.summary = e.summary();
        }
        if (e.measure() != null) {
            d.measure = e.measure();
        }
        if (!e.labels().isEmpty()) {
            d.labels = e.labels();
        }
        if (e.areaCode() != null) {
            d.areaCode = e.areaCode();
        }
        Map<String, Object> details = details(e);
        TransitionType type = e.type();
        switch (type) {
            case OPENED -> {
                if (d.episodeOpen && HISTORY_ACTOR.equals(d.ackedBy) && !e.held()) {
                    return surface(d, e, details);
                }
                d.occurrences++;
                if (d.episodeOpen) {
                    raiseSeverity(d, e);
                    return new Applied(AuditType.REPEATED, details, false, false, false);
                }
                Applied opened = open(d, e, details);
                if (e.held()) {
                    d.handling = Handling.ACK;
                    d.ackedBy = HISTORY_ACTOR;
                    d.ackedAt = e.at();
                    details.put("history", true);
                }
                return opened;
            }
            case SEVERITY_CHANGED, RETRIGGERED, FLAPPING_STARTED -> {
                if (type == TransitionType.RETRIGGERED) {
                    d.occurrences++;
                }
                if (!d.episodeOpen) {
                    // The rule still sees the condition but the store had closed the episode (manual
                    // resolve, or a lost RESOLVED): this raise starts the next episode.
                    details.put("raisedBy", type.name());
                    Applied opened = open(d, e, details);
                    d.flapping = type == TransitionType.FLAPPING_STARTED;
                    return opened;
                }
                d.condition = ConditionStatus.FIRING;
                if (e.severity() != null) {
                    d.severity = e.severity();
                }
                if (type == TransitionType.FLAPPING_STARTED) {
                    d.flapping = true;
                }
                return new Applied(AuditType.of(type), details, type.notifies(), false, false);
            }
            case RECOVERING -> {
                if (!d.episodeOpen) {
                    return ignored(d, details);
                }
                d.condition = ConditionStatus.RECOVERING;
                return new Applied(AuditType.RECOVERING, details, false, false, false);
            }
            case RESOLVED -> {
                if (!d.episodeOpen) {
                    return ignored(d, details);
                }
                d.condition = ConditionStatus.RESOLVED;
                d.episodeOpen = false;
                d.flapping = false;
                d.resolvedAt = e.at();
                d.resolvedBy = null;
                return new Applied(AuditType.RESOLVED, details, true, false, true);
            }
            case NO_DATA -> {
                d.condition = ConditionStatus.NO_DATA;
                return new Applied(AuditType.NO_DATA, details, true, false, false);
            }
            case DATA_RETURNED -> {
                d.condition = d.episodeOpen
                        ? ConditionStatus.FIRING
                        : d.episode > 0 ? ConditionStatus.RESOLVED : ConditionStatus.OK;
                return new Applied(AuditType.DATA_RETURNED, details, true, false, false);
            }
            case FLAPPING_ENDED -> {
                if (!d.episodeOpen) {
                    return ignored(d, details);
                }
                d.flapping = false;
                return new Applied(AuditType.FLAPPING_ENDED, details, true, false, false);
            }
            default -> throw new IllegalArgumentException("unknown transition " + type);
        }
    }

    private static Applied open(AlertDraft d, ConditionEvent e, Map<String, Object> details) {
        d.episode = Math.max(d.episode + 1, e.episode());
        d.condition = ConditionStatus.FIRING;
        d.episodeOpen = true;
        d.flapping = false;
        d.openedAt = e.at();
        d.resolvedAt = null;
        d.resolvedBy = null;
        d.severity = e.severity() != null ? e.severity() : d.severity;
        // A new episode is a new problem: whoever acknowledged the last one has not seen this one.
        d.handling = Handling.UNACK;
        d.ackedBy = null;
        d.ackedAt = null;
        return new Applied(AuditType.OPENED, details, true, true, false);
    }

    /** A held episode whose condition still holds now: in front of operators, as a new episode would be. */
    private static Applied surface(AlertDraft d, ConditionEvent e, Map<String, Object> details) {
        raiseSeverity(d, e);
        d.condition = ConditionStatus.FIRING;
        d.handling = Handling.UNACK;
        d.ackedBy = null;
        d.ackedAt = null;
        details.put("surfaced", true);
        return new Applied(AuditType.OPENED, details, true, true, false);
    }

    private static void raiseSeverity(AlertDraft d, ConditionEvent e) {
        if (e.severity() != null && (d.severity == null || e.severity().compareTo(d.severity) > 0)) {
            d.severity = e.severity();
        }
    }

    private static Applied ignored(AlertDraft d, Map<String, Object> details) {
        details.put(
                "reason",
                d.resolvedBy != null
                        ? "episode " + d.episode + " was resolved by " + d.resolvedBy
                        : "no episode is open");
        return new Applied(AuditType.CONDITION_IGNORED, details, false, false, false);
    }

    private static Map<String, Object> details(ConditionEvent e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("transition", e.type().name());
        details.put("ruleEpisode", e.episode());
        if (e.severity() != null) {
            details.put("severity", e.severity().name());
        }
        if (e.previousSeverity() != null) {
            details.put("previousSeverity", e.previousSeverity().name());
        }
        if (e.measure() != null) {
            details.put("measure", e.measure());
        }
        if (e.summary() != null) {
            details.put("summary", e.summary());
        }
        return details;
    }
}
