package vn.cantho.ioc.store.alert;

/**
 * One reason an alert is not notified right now, computed when it is read (never stored on the alert).
 *
 * @param kind   silence, snooze or inhibition
 * @param ref    the silence id, the snooze end time or the inhibiting alert's id, as text
 * @param detail one human sentence
 */
public record Suppression(Kind kind, String ref, String detail) {

    public enum Kind {
        SILENCED,
        SNOOZED,
        INHIBITED
    }
}
