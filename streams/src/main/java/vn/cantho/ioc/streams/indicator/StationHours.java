package vn.cantho.ioc.streams.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The recent hours of one station, as kept in {@link IndicatorTopology#STATION_HOURS_STORE}: per hour (by its
 * start, epoch milliseconds) the statistics of its readings, plus the latest event time the station has
 * reported. Hours older than {@link #KEPT} before the newest are dropped: the daily O3 index looks back
 * furthest, 31 hours from the end of a day.
 *
 * @param hours    hour start (epoch ms) to that hour's statistics; an hour without readings is absent
 * @param latestTs latest event time of any reading of the station, which stamps every indicator version
 */
public record StationHours(NavigableMap<Long, HourStats> hours, Instant latestTs) {

    /** How far back from the newest hour hours are kept. */
    public static final Duration KEPT = Duration.ofHours(48);

    public StationHours {
        hours = hours == null ? new TreeMap<>() : new TreeMap<>(hours);
    }

    public static StationHours empty() {
        return new StationHours(new TreeMap<>(), null);
    }

    /** With {@code hour}'s statistics replaced by {@code stats}, and hours past {@link #KEPT} dropped. */
    public StationHours with(Instant hour, HourStats stats) {
        TreeMap<Long, HourStats> next = new TreeMap<>(hours);
        next.put(hour.toEpochMilli(), stats);
        long oldestKept = next.lastKey() - KEPT.toMillis();
        next.headMap(oldestKept, false).clear();
        Instant latest = latestTs == null || stats.latestTs().isAfter(latestTs) ? stats.latestTs() : latestTs;
        return new StationHours(next, latest);
    }

    /** Start of the newest hour with readings, if any. */
    public Optional<Instant> newestHour() {
        return hours.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(hours.lastKey()));
    }

    /** Statistics of {@code metric} in the hour starting at {@code hour}, if it had readings of it. */
    public Optional<HourStats.MetricHour> metric(Instant hour, String metric) {
        return Optional.ofNullable(hours.get(hour.toEpochMilli()))
                .map(h -> h.metrics().get(metric));
    }

    /** The hourly mean of {@code metric} in the hour starting at {@code hour}, or empty for a missing hour. */
    public OptionalDouble mean(Instant hour, String metric) {
        return metric(hour, metric).map(m -> OptionalDouble.of(m.mean())).orElse(OptionalDouble.empty());
    }

    /** The hourly means of {@code metric}, newest first from {@code hour}, {@code count} hours long ({@code null} = missing). */
    public Double[] meansNewestFirst(Instant hour, String metric, int count) {
        Double[] means = new Double[count];
        for (int i = 0; i < count; i++) {
            OptionalDouble mean = mean(hour.minus(Duration.ofHours(i)), metric);
            means[i] = mean.isPresent() ? mean.getAsDouble() : null;
        }
        return means;
    }
}
