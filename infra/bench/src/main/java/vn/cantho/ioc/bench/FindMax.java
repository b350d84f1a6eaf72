package vn.cantho.ioc.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import vn.cantho.ioc.simulator.LoadOptions;

/**
 * {@code ./ioc bench hub --find-max}: the highest message rate one hub sustains. Successive measured steps
 * ({@link HubRun}, each counted from its own start, with its own probes) on the same hub, the backlog worked
 * off between steps; rates from {@link RateSearch}. A step is sustained when every message was acknowledged
 * at ≥ 95 % of the target rate, no forwarded reading and no probe row is missing, and the probes' storage lag
 * p99 is at most 2 s. Stops after {@code maxSteps} steps, or when another step would end past the time budget.
 */
final class FindMax {

    static final double MAX_STORAGE_LAG_P99_MS = 2_000;
    static final double MIN_ACHIEVED_SHARE = 0.95;
    /** Total time the search may take; a step that would end later is not started. */
    static final Duration BUDGET = Duration.ofMinutes(20);
    /** How long the backlog of one step may take to work off before the next starts anyway. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);

    private FindMax() {}

    /**
     * Searches from {@code load}'s rate, each step as long as its duration, with {@code probesPerStep}
     * probes each; the fixture of {@code bench} holds {@code probesPerStep × maxSteps} probe gauges.
     *
     * @return the best sustained step's result (the last step's if none was sustained) with {@code findMax}:
     *         the criteria, the steps tried and the highest sustained rate
     */
    static Map<String, Object> search(BenchHub bench, LoadOptions load, int probesPerStep, int maxSteps)
            throws Exception {
        long start = System.nanoTime();
        RateSearch search = new RateSearch();
        List<Map<String, Object>> steps = new ArrayList<>();
        Map<String, Object> best = null;
        Map<String, Object> last = null;
        long longestStepNanos = 0;
        OptionalInt rate = OptionalInt.of(load.rate());
        while (rate.isPresent()
                && steps.size() < maxSteps
                && System.nanoTime() - start + longestStepNanos <= BUDGET.toNanos()) {
            long stepStart = System.nanoTime();
            List<String> probes = bench.fixture()
                    .probeIds()
                    .subList(steps.size() * probesPerStep, (steps.size() + 1) * probesPerStep);
            last = HubRun.measure(bench, load.at(rate.getAsInt(), load.duration()), probes);
            boolean sustained = sustained(last);
            steps.add(step(last, sustained));
            if (sustained && (best == null || rate.getAsInt() > (Integer) best.get("targetRate"))) {
                best = last;
            }
            rate = search.next(rate.getAsInt(), sustained);
            // Work off what this step left behind, so the next step starts from the same steady state.
            bench.backlog().awaitCaughtUp(CATCH_UP_TIMEOUT);
            longestStepNanos = Math.max(longestStepNanos, System.nanoTime() - stepStart);
        }
        Map<String, Object> result = new LinkedHashMap<>(best != null ? best : last);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("maxSustainedRate", search.sustained());
        summary.put(
                "criteria",
                Map.of(
                        "storageLagP99MsAtMost",
                        MAX_STORAGE_LAG_P99_MS,
                        "lost",
                        0,
                        "achievedShareAtLeast",
                        MIN_ACHIEVED_SHARE));
        summary.put("stepSeconds", load.duration().toMillis() / 1000.0);
        summary.put("searchSeconds", HubRun.round((System.nanoTime() - start) / 1e9));
        summary.put("steps", steps);
        result.put("findMax", summary);
        return result;
    }

    /** Whether a step's result meets the criteria. */
    static boolean sustained(Map<String, Object> step) {
        Map<?, ?> storageLag = (Map<?, ?>) step.get("storageLagMs");
        Object p99 = storageLag.get("p99");
        return ((Number) step.get("publishFailed")).longValue() == 0
                && ((Number) step.get("readingsLost")).longValue() == 0
                && ((Number) step.get("probeRowsMissing")).longValue() == 0
                && p99 instanceof Number lag
                && lag.doubleValue() <= MAX_STORAGE_LAG_P99_MS
                && ((Number) step.get("achievedRate")).doubleValue()
                        >= MIN_ACHIEVED_SHARE * ((Number) step.get("targetRate")).doubleValue();
    }

    private static Map<String, Object> step(Map<String, Object> result, boolean sustained) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("rate", result.get("targetRate"));
        step.put("achievedRate", result.get("achievedRate"));
        step.put("storedPerSecond", result.get("storedPerSecond"));
        step.put("datapointsPerSecond", result.get("datapointsPerSecond"));
        step.put("storageLagP99Ms", ((Map<?, ?>) result.get("storageLagMs")).get("p99"));
        step.put("lost", result.get("readingsLost"));
        // Memory per step: the stack keeps what an overloaded step made it commit, so the steps show where it grew.
        step.put("peakRssMiB", result.get("peakRssMiB"));
        step.put("sustained", sustained);
        return step;
    }
}
