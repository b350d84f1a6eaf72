package vn.cantho.ioc.streams.rules;

import vn.cantho.ioc.model.alert.Severity;

/**
 * One severity of a rule with its own hysteresis band: the alert reaches {@code severity} when the
 * measure reaches {@code raise} and leaves it only when the measure passes {@code clear}, so a value
 * wandering between the two neither raises nor clears.
 */
public record SeverityLevel(Severity severity, double raise, double clear) {}
