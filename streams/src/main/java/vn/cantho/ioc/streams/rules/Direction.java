package vn.cantho.ioc.streams.rules;

/**
 * Which side of a level is bad. Raising is inclusive and clearing strict, so a level whose clear
 * equals its raise has no dead band and every measure is either breaching or clear.
 */
public enum Direction {
    /** Bad when high: breaches at {@code measure >= raise}, clears at {@code measure < clear}. */
    ABOVE,
    /** Bad when low (e.g. traffic speed): breaches at {@code measure <= raise}, clears at {@code measure > clear}. */
    BELOW;

    boolean reaches(double measure, double raise) {
        return this == ABOVE ? measure >= raise : measure <= raise;
    }

    boolean clears(double measure, double clear) {
        return this == ABOVE ? measure < clear : measure > clear;
    }

    /** Whether {@code a} lies at {@code b} or further toward the bad side. */
    boolean atOrBeyond(double a, double b) {
        return this == ABOVE ? a >= b : a <= b;
    }

    /** The bad side in words, for validation messages. */
    String badSide() {
        return this == ABOVE ? "above" : "below";
    }
}
