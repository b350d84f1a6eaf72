package vn.cantho.ioc.streams.rules.measure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The baseline of a {@code SPIKE} rule for one entity: the hourly means of the past days and the
 * running mean of the current hour. Immutable and JSON-serialisable; at most {@code 24 × days}
 * hourly means are kept. Hours are UTC hours, which split the day exactly like Vietnam time (UTC+7).
 *
 * @param hours       completed hourly means, oldest first
 * @param currentHour start of the hour being filled; null before the first observation
 * @param sum         sum of the current hour's values
 * @param count       number of the current hour's values
 */
public record SpikeBaseline(List<HourMean> hours, Instant currentHour, double sum, long count) {

    public SpikeBaseline {
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    public static SpikeBaseline empty() {
        return new SpikeBaseline(List.of(), null, 0, 0);
    }

    /** The baseline after an observation; one older than the current hour is ignored (it cannot change a past mean fairly). */
    public SpikeBaseline observe(Instant ts, double value, int days) {
        Instant hour = ts.truncatedTo(ChronoUnit.HOURS);
        if (currentHour == null || hour.equals(currentHour)) {
            return new SpikeBaseline(hours, hour, sum + value, count + 1);
        }
        if (hour.isBefore(currentHour)) {
            return this;
        }
        List<HourMean> kept = new ArrayList<>();
        Instant horizon = hour.minus(Duration.ofDays(days));
        for (HourMean h : hours) {
            if (!h.hour().isBefore(horizon)) {
                kept.add(h);
            }
        }
        if (count > 0 && !currentHour.isBefore(horizon)) {
            kept.add(new HourMean(currentHour, sum / count));
        }
        return new SpikeBaseline(kept, hour, value, 1);
    }

    /**
     * The current hour's mean against the same hour of past days; empty before {@code minDays} such
     * hours exist, or when the baseline is zero (ratio) or flat (sigma) and no comparison makes sense.
     */
    public OptionalDouble measure(SpikeSettings settings) {
        if (count == 0) {
            return OptionalDouble.empty();
        }
        List<Double> same = sameHour();
        if (same.size() < settings.minDays()) {
            return OptionalDouble.empty();
        }
        double current = sum / count;
        if (settings.method() == SpikeSettings.SpikeMethod.RATIO) {
            double median = median(same);
            return median > 0 ? OptionalDouble.of(current / median) : OptionalDouble.empty();
        }
        double mean = same.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = same.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / same.size();
        double sd = Math.sqrt(variance);
        return sd > 0 ? OptionalDouble.of((current - mean) / sd) : OptionalDouble.empty();
    }

    private List<Double> sameHour() {
        List<Double> same = new ArrayList<>();
        for (HourMean h : hours) {
            if (Duration.between(h.hour(), currentHour).toHours() % 24 == 0) {
                same.add(h.mean());
            }
        }
        return same;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The mean of one completed hour. */
    public record HourMean(Instant hour, double mean) {
    }
}
