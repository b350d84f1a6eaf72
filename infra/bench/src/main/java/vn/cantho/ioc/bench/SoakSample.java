package vn.cantho.ioc.bench;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One sample of the soak, taken at the end of each sampling interval.
 *
 * @param minute       minutes since the load started (1 for the first sample)
 * @param rssMiB       resident memory of the bench JVM (hub and load) and every process it started, MiB
 * @param lagPerGroup  records each consumer group is behind by, over all its partitions
 * @param storageLagMs published → stored of the probe reading sent at the start of the interval; empty when
 *                     it was not stored by the end of the interval
 * @param readingsStored readings the observation sink stored during the interval
 * @param cpuCores     cores busy on average during the interval (all processes)
 */
record SoakSample(
        double minute,
        long rssMiB,
        Map<String, Long> lagPerGroup,
        OptionalDouble storageLagMs,
        long readingsStored,
        double cpuCores) {

    static final String CSV_HEADER = "minute,rssMiB,lagTotal,storageLagMs,readingsStored,cpuCores,lagPerGroup";

    /** Records all groups are behind by together. */
    long lagTotal() {
        return lagPerGroup.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The sample as a line of {@code soak.csv}; per-group lags as {@code group=lag} separated by spaces. */
    String csvLine() {
        String groups = lagPerGroup.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return String.format(
                Locale.ROOT,
                "%.2f,%d,%d,%s,%d,%.2f,\"%s\"",
                minute,
                rssMiB,
                lagTotal(),
                storageLagMs.isPresent() ? String.format(Locale.ROOT, "%.1f", storageLagMs.getAsDouble()) : "",
                readingsStored,
                cpuCores,
                groups);
    }
}
