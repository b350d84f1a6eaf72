package vn.cantho.ioc.streams.rules;

/**
 * What a rule compares with its levels. The machine measures {@link #THRESHOLD} and
 * {@link #RATE_OF_CHANGE} itself; for the other kinds the rule processor computes the measure with
 * a pure evaluator (package {@code rules.measure}) and gives it to the machine as an observation, so
 * every kind gets the same hysteresis, pending, keep-firing and flap control.
 */
public enum RuleKind {
    /** The observed value (e.g. PM2.5 ≥ 55.5 µg/m³). */
    THRESHOLD,
    /** The change per hour across the rule's rate window (e.g. river level rising > 0.10 m/h). */
    RATE_OF_CHANGE,
    /** The value against its baseline: a ratio to the median of the same hour on past days, or a z-score. */
    SPIKE,
    /** Minutes since the source (a device, a feed) last delivered anything. */
    STALE,
    /** Time an open item (a 1022 report) has waited for a step (acknowledgement, resolution): hours or working days. */
    SLA,
    /** 1 while an event record (a SOC incident) matches the rule and is not closed, else 0. */
    MATCH,
    /** How far (in % of the target) an indicator misses its yearly target; 0 or less when it meets it. */
    TARGET_GAP;

    /** Whether the machine measures this kind itself instead of being given the measure. */
    public boolean measuredByMachine() {
        return this == THRESHOLD || this == RATE_OF_CHANGE;
    }
}
