package vn.cantho.ioc.model.alert;

/**
 * Where an alert stands on the condition axis (what the rule says), independent of the handling
 * axis (what people did). The allowed moves are listed in {@code docs/alert-model.md}.
 */
public enum ConditionStatus {
    /** Never fired: the condition is clear, or nothing has been evaluated yet. */
    OK,
    /** The condition holds but not yet for the rule's pending period; no episode is open. */
    PENDING,
    /** An episode is open and the condition holds (or the alert is held here while flapping). */
    FIRING,
    /** The condition has cleared; the episode stays open for the rule's keep-firing period. */
    RECOVERING,
    /** The last episode has ended and the condition is clear; a new breach opens the next episode. */
    RESOLVED,
    /** No input for longer than the rule's no-data period; an open episode stays open meanwhile. */
    NO_DATA
}
