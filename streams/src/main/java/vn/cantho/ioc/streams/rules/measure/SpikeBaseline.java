package vn.cantho.ioc.streams.rules.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The baseline of a {@code SPIKE} rule for one entity: the hourly means of the past days and the
 * running mean of the current hour. Immutable, JSON-serialisable and compact — it is read and written
 * with every observation — so the means live in a ring of {@code 24 × (days + 1)} slots indexed by
 * hour since the epoch (a hour without data is null): about 1 KiB for a 7-day baseline. Hours are UTC
 * hours, which split the day exactly like Vietnam time (UTC+7).
 *
 * @param hour  the current hour, in hours since the epoch; -1 before the first observation
 * @param sum   sum of the current hour's values
 * @param count number of the current hour's values
 * @param means completed hourly means by slot ({@code hour % means.size()}); empty before the first hour closes
 */
public record SpikeBaseline(long hour, double sum, long count, List<Double> means) {

    public SpikeBaseline {
        means = means == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(means));
    }

    public static SpikeBaseline empty() {
        return new SpikeBaseline(-1, 0, 0, List.of());
    }

    /** The baseline after an observation; one from before the current hour is ignored (that mean is closed). */
    public SpikeBaseline observe(Instant ts, double value, int days) {
        long h = Math.floorDiv(ts.getEpochSecond(), 3600);
        int size = 24 * (days + 1);
        if (hour < 0 || h == hour) {
            return new SpikeBaseline(h, sum + value, count + 1, means);
        }
        if (h < hour) {
            return this;
        }
        // One slot more than the baseline needs, so clearing the hours just skipped never clears the hour
        // exactly `days` days before the new one.
        List<Double> ring =
                means.size() == size ? new ArrayList<>(means) : new ArrayList<>(Collections.nCopies(size, null));
        if (count > 0) {
            ring.set(slot(hour, size), sum / count);
        }
        for (long k = hour + 1; k <= h && k <= hour + size; k++) {
            ring.set(slot(k, size), null);
        }
        return new SpikeBaseline(h, value, 1, ring);
    }

    /**
     * The current hour's mean against the same hour of the past {@code days} days; empty before
     * {@code minDays} of them have data, or when the baseline is zero (ratio) or flat (sigma).
     */
    public OptionalDouble measure(SpikeSettings settings) {
        if (count == 0 || means.size() != 24 * (settings.days() + 1)) {
            return OptionalDouble.empty();
        }
        List<Double> same = new ArrayList<>();
        for (int d = 1; d <= settings.days(); d++) {
            Double mean = means.get(slot(hour - 24L * d, means.size()));
            if (mean != null) {
                same.add(mean);
            }
        }
        if (same.size() < settings.minDays()) {
            return OptionalDouble.empty();
        }
        double current = sum / count;
        if (settings.method() == SpikeSettings.SpikeMethod.RATIO) {
            double median = median(same);
            return median > 0 ? OptionalDouble.of(current / median) : OptionalDouble.empty();
        }
        double mean = same.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance =
                same.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / same.size();
        double sd = Math.sqrt(variance);
        return sd > 0 ? OptionalDouble.of((current - mean) / sd) : OptionalDouble.empty();
    }

    private static int slot(long hour, int size) {
        return (int) Math.floorMod(hour, (long) size);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
