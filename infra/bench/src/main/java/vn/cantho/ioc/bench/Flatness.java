package vn.cantho.ioc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's verdict: whether resident memory and consumer lag stayed flat within a tolerance after the
 * warm-up (docs/benchmarks.md, "Soak"). Memory is a level that must not drift: every sample after the warm-up
 * lies within ±tolerance of their median. Lag is noisy near zero (a sample catches whatever a commit interval
 * left in flight), so it must not grow: the mean of the last quarter of the samples after the warm-up differs
 * from the mean of the first quarter by at most tolerance × the first quarter's mean plus an absolute
 * allowance.
 */
final class Flatness {

    private Flatness() {}

    /**
     * Memory: flat when every sample is within ±{@code tolerance} (0.10 = 10 %) of the median of all of them.
     *
     * @param samples RSS after the warm-up, in order; fewer than two cannot show a trend and are not flat
     */
    static Map<String, Object> level(List<Double> samples, double tolerance) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("samples", samples.size());
        if (samples.size() < 2) {
            verdict.put("flat", false);
            verdict.put("why", "fewer than two samples after the warm-up");
            return verdict;
        }
        double median = median(samples);
        double worst = 0;
        for (double sample : samples) {
            worst = Math.max(worst, Math.abs(sample - median) / median);
        }
        verdict.put("median", HubRun.round(median));
        verdict.put("min", HubRun.round(Collections.min(samples)));
        verdict.put("max", HubRun.round(Collections.max(samples)));
        verdict.put("maxDeviationPercent", HubRun.round(worst * 100));
        verdict.put("flat", worst <= tolerance);
        return verdict;
    }

    /**
     * Lag: flat when |mean(last quarter) − mean(first quarter)| ≤ {@code tolerance} × mean(first quarter) +
     * {@code allowance}; a quarter is at least one sample.
     *
     * @param samples   total lag after the warm-up, in order; fewer than two are not flat
     * @param allowance records of difference always accepted (noise near zero)
     */
    static Map<String, Object> trend(List<Double> samples, double tolerance, double allowance) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("samples", samples.size());
        if (samples.size() < 2) {
            verdict.put("flat", false);
            verdict.put("why", "fewer than two samples after the warm-up");
            return verdict;
        }
        int quarter = Math.max(1, samples.size() / 4);
        double first = mean(samples.subList(0, quarter));
        double last = mean(samples.subList(samples.size() - quarter, samples.size()));
        verdict.put("firstQuarterMean", HubRun.round(first));
        verdict.put("lastQuarterMean", HubRun.round(last));
        verdict.put("allowance", HubRun.round(allowance));
        verdict.put("max", HubRun.round(Collections.max(samples)));
        verdict.put("flat", Math.abs(last - first) <= tolerance * first + allowance);
        return verdict;
    }

    static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double mean(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
