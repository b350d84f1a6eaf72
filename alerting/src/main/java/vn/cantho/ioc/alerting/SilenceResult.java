package vn.cantho.ioc.alerting;

import vn.cantho.ioc.store.alert.Silence;

/**
 * What creating or expiring a silence did: {@code CHANGED} (created / expired now), {@code UNCHANGED}
 * (already expired), {@code NOT_FOUND} or {@code INVALID} (with the reason in {@code message}).
 */
public record SilenceResult(CommandResult.Outcome outcome, Silence silence, String message) {}
