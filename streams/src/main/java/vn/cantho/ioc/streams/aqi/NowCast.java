package vn.cantho.ioc.streams.aqi;

import java.util.OptionalDouble;

/**
 * The NowCast of Decision 1459/QĐ-TCMT, section 2.2.1.a: the weighted mean of the last 12 hourly means that
 * PM2.5 and PM10 hourly AQI is computed from, so the index follows a rising episode within hours but does
 * not jump on one noisy hour.
 *
 * <ul>
 *   <li>w* = c<sub>min</sub> / c<sub>max</sub> over the hours present among c<sub>1</sub>..c<sub>12</sub>;
 *       w = w* if w* &gt; 1/2, otherwise w = 1/2.</li>
 *   <li>w &gt; 1/2: NowCast = Σ w<sup>i−1</sup>·c<sub>i</sub> / Σ w<sup>i−1</sup>.</li>
 *   <li>w = 1/2: NowCast = Σ (1/2)<sup>i</sup>·c<sub>i</sub> — the decision writes this case without a
 *       denominator, and that is what is implemented (it equals the general formula divided by 2 instead
 *       of by Σ (1/2)<sup>i−1</sup> = 2 − 2<sup>−11</sup> when all 12 hours are present).</li>
 *   <li>A missing c<sub>i</sub> gets weight w<sup>i−1</sup> = 0; with fewer than 2 of c<sub>1</sub>,
 *       c<sub>2</sub>, c<sub>3</sub> present there is no NowCast.</li>
 * </ul>
 *
 * <p>Intermediate values are not rounded; only the resulting AQI is (the decision rounds w and the NowCast
 * only for display in its worked example).
 */
public final class NowCast {

    /** Hours the NowCast looks back over, the current one included. */
    public static final int HOURS = 12;

    private static final double MIN_WEIGHT = 0.5;

    private NowCast() {}

    /** The NowCast of the 12 hours ending at {@code series.at(0)}, or empty when the recent hours are missing. */
    public static OptionalDouble of(HourlySeries series) {
        if (series.presentBetween(0, 3) < 2) {
            return OptionalDouble.empty();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int h = 0; h < HOURS; h++) {
            OptionalDouble c = series.at(h);
            if (c.isPresent()) {
                min = Math.min(min, c.getAsDouble());
                max = Math.max(max, c.getAsDouble());
            }
        }
        if (max == 0) {
            // Every hour is 0 µg/m³: w* is 0/0, but any weighting of zeros is 0.
            return OptionalDouble.of(0);
        }
        double weight = min / max;
        return OptionalDouble.of(weight > MIN_WEIGHT ? weightedMean(series, weight) : halfWeightedSum(series));
    }

    private static double weightedMean(HourlySeries series, double w) {
        double numerator = 0;
        double denominator = 0;
        for (int h = 0; h < HOURS; h++) {
            OptionalDouble c = series.at(h);
            if (c.isPresent()) {
                double weight = Math.pow(w, h);
                numerator += weight * c.getAsDouble();
                denominator += weight;
            }
        }
        return numerator / denominator;
    }

    private static double halfWeightedSum(HourlySeries series) {
        double sum = 0;
        for (int h = 0; h < HOURS; h++) {
            OptionalDouble c = series.at(h);
            if (c.isPresent()) {
                // c_i with i = h + 1 gets (1/2)^i.
                sum += Math.pow(MIN_WEIGHT, h + 1) * c.getAsDouble();
            }
        }
        return sum;
    }
}
