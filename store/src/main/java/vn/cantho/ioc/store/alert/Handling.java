package vn.cantho.ioc.store.alert;

/**
 * Where an alert stands on the handling axis: what people did, independent of the condition the rule
 * sees. A resolved alert nobody acknowledged stays {@link #UNACK} and visible for shift handover.
 */
public enum Handling {
    /** Nobody has acknowledged the current episode. */
    UNACK,
    /** Someone acknowledged the current episode; a new episode resets it to {@link #UNACK}. */
    ACK
}
