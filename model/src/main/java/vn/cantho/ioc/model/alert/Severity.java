package vn.cantho.ioc.model.alert;

/**
 * How bad a firing alert is. Declared from least to most severe: the declaration order is the
 * escalation order, and a rule's levels must follow it.
 */
public enum Severity {
    INFO,
    WARNING,
    MAJOR,
    CRITICAL
}
