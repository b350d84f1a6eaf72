package vn.cantho.ioc.alerting;

import vn.cantho.ioc.store.alert.Alert;

/**
 * What a command did. The API maps {@link Outcome#CHANGED} and {@link Outcome#UNCHANGED} to 200,
 * {@link Outcome#CONFLICT} to 412, {@link Outcome#NOT_FOUND} to 404 and {@link Outcome#INVALID} to 400.
 *
 * @param alertId the alert the command was for
 * @param outcome what happened
 * @param alert   the alert after the command (as it stands, for UNCHANGED and CONFLICT); null if not found
 * @param message a human sentence for UNCHANGED, CONFLICT, NOT_FOUND and INVALID; null for CHANGED
 */
public record CommandResult(long alertId, Outcome outcome, Alert alert, String message) {

    public enum Outcome {
        /** The alert changed (version + 1) and the audit trail has a new entry. */
        CHANGED,
        /** Nothing to do: the alert already was as asked. No audit entry, same version. */
        UNCHANGED,
        /** The alert's version is not the expected one; nothing changed. */
        CONFLICT,
        NOT_FOUND,
        /** The command was refused as given (bad actor, comment, snooze time, ...); nothing changed. */
        INVALID
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }
}
