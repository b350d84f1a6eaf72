package vn.cantho.ioc.model.alert;

/**
 * Kinds of condition-axis event. Every one goes to the audit trail; only those that change what an
 * operator must do are {@linkplain #notifies() notified}: moves inside an open episode (recovering,
 * re-triggering) are audit-only so that a noisy condition cannot page anyone.
 */
public enum TransitionType {
    /** A new episode: the first FIRING after OK, RESOLVED or a cancelled pending period. */
    OPENED(true),
    /** The severity of an open episode went up or down. */
    SEVERITY_CHANGED(true),
    /** FIRING → RECOVERING: the condition cleared; the episode is kept open for the keep-firing period. */
    RECOVERING(false),
    /** RECOVERING → FIRING: the condition came back within the keep-firing period; same episode. */
    RETRIGGERED(false),
    /** The episode ended. */
    RESOLVED(true),
    /** Input stopped for longer than the rule's no-data period. */
    NO_DATA(true),
    /** Input came back after NO_DATA. */
    DATA_RETURNED(true),
    /** Too many flips within the flap window; the alert is held FIRING. */
    FLAPPING_STARTED(true),
    /** The condition has been stable for the flap settings' {@code stableFor}; normal evaluation resumes. */
    FLAPPING_ENDED(true);

    private final boolean notifies;

    TransitionType(boolean notifies) {
        this.notifies = notifies;
    }

    /** Whether receivers (webhooks, escalation) hear of it; the audit trail records every type. */
    public boolean notifies() {
        return notifies;
    }
}
