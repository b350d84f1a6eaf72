package vn.cantho.ioc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.cantho.ioc.ingest.mqtt.IngestStats;
import vn.cantho.ioc.simulator.LoadOptions;
import vn.cantho.ioc.simulator.LoadReport;

/**
 * One measured run on a running {@link BenchHub}: the load generator at one rate while probes time single
 * readings, then the drain until the database holds every reading the bridge forwarded. Every count is taken
 * relative to the run's start, so successive runs on one hub ({@code --find-max} steps) are measured apart.
 * Its result is the JSON object {@code ./ioc bench hub} prints (without the hub-wide fields).
 */
final class HubRun {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);
    /** How long after the last probe its row and alert may take before they count as missing. */
    private static final Duration PROBE_WAIT = Duration.ofMinutes(2);
    /** Readings stamped this long before the run started still count as the run's (clock steps, rounding). */
    private static final Duration SINCE_MARGIN = Duration.ofSeconds(5);

    private HubRun() {}

    /** Runs {@code load} against the hub ({@link BenchHub#publish} aims it) with one probe per gauge in {@code probeIds}. */
    static Map<String, Object> measure(BenchHub bench, LoadOptions load, List<String> probeIds) throws Exception {
        IngestStats stats = bench.hub().ingestStats();
        Instant since = Instant.now().minus(SINCE_MARGIN);
        Counts before = Counts.of(stats, bench, since);
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try (ProcessResources resources = bench.resources();
                Probes prober = bench.probes()) {
            long start = System.nanoTime();
            Future<LoadReport> background = runners.submit(() -> bench.publish(load));
            Future<Probes.Result> probing = runners.submit(() -> prober.run(probeIds, load.duration(), PROBE_WAIT));
            LoadReport report = background.get();
            Counts after =
                    drain(stats, bench, since, before, before.received + report.acknowledged() + probeIds.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            // CPU over load and drain only: the probes may still wait for late alerts after that.
            double cores = resources.averageCores();
            Map<String, Object> result = result(report, before, after, probing.get());
            result.put("storedPerSecond", Math.round((after.stored - before.stored) / seconds));
            result.put("datapointsPerSecond", Math.round((after.values - before.values) / seconds));
            result.put("cpuCoresAverage", round(cores));
            result.put("peakRssMiB", resources.peakRssMiB());
            result.put("peakMiBByProcess", resources.peakMiBByProcess());
            result.put("rssMiBAtEnd", resources.rssMiB());
            return result;
        } finally {
            runners.shutdownNow();
        }
    }

    /** The bridge's counts and the readings and values stored with a timestamp from {@code since} on. */
    private record Counts(long received, long forwarded, long deadLettered, long stored, long values, double seconds) {

        static Counts of(IngestStats stats, BenchHub bench, Instant since) throws SQLException {
            // Read the bridge's counts first: whatever it counted is stored by the time the query sees it.
            long received = stats.received();
            long forwarded = stats.readingsForwarded();
            long deadLettered = stats.deadLetteredTotal();
            long[] stored = HubRun.stored(bench, since);
            return new Counts(received, forwarded, deadLettered, stored[0], stored[1], 0);
        }

        Counts after(double drainSeconds) {
            return new Counts(received, forwarded, deadLettered, stored, values, drainSeconds);
        }
    }

    /**
     * Waits until the bridge has taken every acknowledged message and the database holds every reading it
     * forwarded since the run started (or time ran out).
     */
    private static Counts drain(IngestStats stats, BenchHub bench, Instant since, Counts before, long receivedTarget)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + DRAIN_TIMEOUT.toNanos();
        while (true) {
            Counts now = Counts.of(stats, bench, since);
            boolean bridged =
                    now.received >= receivedTarget && stats.forwarded() + stats.deadLetteredTotal() >= now.received;
            if (bridged && now.stored - before.stored >= now.forwarded - before.forwarded
                    || System.nanoTime() > deadline) {
                return now.after((System.nanoTime() - start) / 1e9);
            }
            Thread.sleep(500);
        }
    }

    /** Readings and the values they carry, stamped from {@code since} on. */
    private static long[] stored(BenchHub bench, Instant since) throws SQLException {
        try (Connection connection = bench.database().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*), coalesce(sum(cardinality(metrics)), 0) FROM readings WHERE ts >= ?")) {
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static Map<String, Object> result(LoadReport report, Counts before, Counts after, Probes.Result probed) {
        long forwarded = after.forwarded - before.forwarded;
        long stored = after.stored - before.stored;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "hub");
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("targetRate", report.targetRate());
        result.put("valuesPerMessage", report.valuesPerMessageLabel());
        result.put("durationSeconds", report.durationSeconds());
        result.put("published", report.sent());
        result.put("acknowledged", report.acknowledged());
        result.put("publishFailed", report.failed());
        result.put("achievedRate", round(report.achievedRate()));
        result.put("publishLatencyMs", report.latencyMs());
        result.put("bridgeReceived", after.received - before.received);
        result.put("readingsForwarded", forwarded);
        result.put("readingsStored", stored);
        result.put("readingsLost", Math.max(0, forwarded - stored));
        result.put("deadLettered", after.deadLettered - before.deadLettered);
        result.put("drainSeconds", round(after.seconds));
        result.put("probes", probed.sent());
        result.put("storageLagMs", percentiles(probed.storedMs()));
        result.put("alertLatencyMs", percentiles(probed.alertMs()));
        result.put("ruleEvaluatedMs", percentiles(probed.evaluatedMs()));
        result.put("alertsMissing", probed.sent() - probed.alertMs().size());
        result.put("probeRowsMissing", probed.sent() - probed.storedMs().size());
        return result;
    }

    /** p50, p90, p99 and max of the samples (nearest rank), in ms; empty without samples. */
    static Map<String, Double> percentiles(List<Double> samples) {
        Map<String, Double> result = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return result;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        for (double quantile : new double[] {0.5, 0.9, 0.99}) {
            int rank = (int) Math.ceil(quantile * sorted.size());
            result.put("p" + Math.round(quantile * 100), round(sorted.get(Math.max(0, rank - 1))));
        }
        result.put("max", round(sorted.get(sorted.size() - 1)));
        return result;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
