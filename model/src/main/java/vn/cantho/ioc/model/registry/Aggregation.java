package vn.cantho.ioc.model.registry;

/** How an indicator's value for a period is formed from its inputs (documentation and rollups use it). */
public enum Aggregation {
    /** The latest reported value of the period (a department's monthly figure, a gauge's level). */
    LAST,
    /** Sum over the period (arrivals, attacks blocked). */
    SUM,
    /** Arithmetic mean over the period. */
    MEAN,
    /** Maximum over the period. */
    MAX,
    /** Count of events in the period (reports received, incidents). */
    COUNT,
    /** A share in percent: numerator over denominator of the period, times 100 (on-time rate). */
    RATIO,
    /** An index computed by an official method (VN_AQI). */
    INDEX
}
