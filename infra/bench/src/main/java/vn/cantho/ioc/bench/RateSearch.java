package vn.cantho.ioc.bench;

import java.util.OptionalInt;

/**
 * Which rate {@code --find-max} tries next: double the rate while each step is sustained, then bisect between
 * the highest sustained rate and the lowest one that was not, until the two are within {@link #resolution}
 * (5 % of the sustained rate, at least {@link #MIN_RESOLUTION} messages per second). Steps are counted by the
 * caller, which also stops at its own limits.
 */
final class RateSearch {

    /** Rates are tried in whole multiples of this many messages per second. */
    static final int MIN_RESOLUTION = 50;

    private static final int MAX_RATE = 1_000_000;

    private int sustained;
    private int failed = Integer.MAX_VALUE;

    /** The highest rate sustained so far, 0 before any. */
    int sustained() {
        return sustained;
    }

    /** Records the outcome of a step at {@code rate}; returns the next rate to try, or empty when done. */
    OptionalInt next(int rate, boolean wasSustained) {
        if (wasSustained) {
            sustained = Math.max(sustained, rate);
        } else {
            failed = Math.min(failed, rate);
        }
        if (failed == Integer.MAX_VALUE) {
            return sustained >= MAX_RATE ? OptionalInt.empty() : OptionalInt.of(Math.min(MAX_RATE, sustained * 2));
        }
        if (failed - sustained <= resolution()) {
            return OptionalInt.empty();
        }
        int middle = (sustained + failed) / 2 / MIN_RESOLUTION * MIN_RESOLUTION;
        return middle <= sustained || middle >= failed ? OptionalInt.empty() : OptionalInt.of(middle);
    }

    private int resolution() {
        return Math.max(MIN_RESOLUTION, sustained / 20);
    }
}
