package vn.cantho.ioc.streams.rules;

/** What a rule compares with its levels: the observed value itself, or how fast it changes. */
public enum RuleKind {
    /** The observed value (e.g. PM2.5 ≥ 55.5 µg/m³). */
    THRESHOLD,
    /** The change per hour across the rule's rate window (e.g. river level rising > 20 cm/h). */
    RATE_OF_CHANGE
}
