package vn.cantho.ioc.api.alert;

import vn.cantho.ioc.store.alert.Alert;

/**
 * The answer to a command: {@code CHANGED} (new version, new audit entry) or {@code UNCHANGED} (it
 * already was so; nothing written), the alert as it now stands, and for UNCHANGED why.
 */
public record CommandResponse(String outcome, Alert alert, String message) {}
