package vn.cantho.ioc.store.alert;

import vn.cantho.ioc.model.alert.TransitionType;

/**
 * Kinds of audit-trail entry. The condition kinds mirror {@link TransitionType} (one entry per
 * condition event); the others are human actions and what the hub did on its own.
 */
public enum AuditType {
    OPENED,
    SEVERITY_CHANGED,
    RECOVERING,
    RETRIGGERED,
    RESOLVED,
    NO_DATA,
    DATA_RETURNED,
    FLAPPING_STARTED,
    FLAPPING_ENDED,
    /** The rule raised a condition again that the store already had open (same episode). */
    REPEATED,
    /**
     * A condition event that did not fit the stored episode (e.g. a RESOLVED after a manual resolve);
     * recorded, nothing changed.
     */
    CONDITION_IGNORED,
    ACKNOWLEDGED,
    UNACKNOWLEDGED,
    ASSIGNED,
    UNASSIGNED,
    COMMENTED,
    RESOLVED_MANUALLY,
    SNOOZED,
    UNSNOOZED,
    /**
     * An escalation step fired: the next level was notified, or the notification was suppressed; the
     * decision is in the details, as for every notifying change.
     */
    ESCALATED;

    /** The audit kind of a condition event. */
    public static AuditType of(TransitionType type) {
        return valueOf(type.name());
    }
}
