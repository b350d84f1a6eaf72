package vn.cantho.ioc.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * When and where incidents happen. Time is cut into windows per kind ({@link Incident.Kind#window()}: 2 h
 * for PM2.5 spikes, 1 h for traffic jams, 1 day for river rises); in each window each device has an incident
 * with the configured probability (traffic jams weighted by the traffic at their start: up to twice as
 * likely at rush hour, rare at night). Start, length and magnitude are drawn from the seed, so the schedule is
 * a pure function of seed, device and time.
 */
final class Incidents {

    private final Noise noise;
    private final double probability;

    /** @param probability chance, 0 to 1, that a device has an incident in one window of the kind */
    Incidents(Noise noise, double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("incident probability must be between 0 and 1: " + probability);
        }
        this.noise = noise;
        this.probability = probability;
    }

    double probability() {
        return probability;
    }

    /** The incident of {@code kind} active at {@code device} at {@code at}, if any. */
    Optional<Incident> at(Incident.Kind kind, String deviceId, Instant at) {
        long window = kind.window().toMillis();
        long index = Math.floorDiv(at.toEpochMilli(), window);
        for (long i = index; i >= index - 1; i--) {
            Optional<Incident> incident = inWindow(kind, deviceId, i);
            if (incident.isPresent() && incident.get().activeAt(at)) {
                return incident;
            }
        }
        return Optional.empty();
    }

    /** Every incident of {@code kind} at {@code device} that starts in [from, to). */
    List<Incident> between(Incident.Kind kind, String deviceId, Instant from, Instant to) {
        long window = kind.window().toMillis();
        List<Incident> incidents = new ArrayList<>();
        for (long i = Math.floorDiv(from.toEpochMilli(), window); i * window < to.toEpochMilli(); i++) {
            inWindow(kind, deviceId, i)
                    .filter(x -> !x.start().isBefore(from) && x.start().isBefore(to))
                    .ifPresent(incidents::add);
        }
        return incidents;
    }

    private Optional<Incident> inWindow(Incident.Kind kind, String deviceId, long window) {
        if (probability <= 0) {
            return Optional.empty();
        }
        String key = kind.name() + '|' + deviceId;
        Duration length =
                switch (kind) {
                    case PM25_SPIKE -> Duration.ofMinutes(40 + Math.round(70 * noise.uniform(key + "|length", window)));
                    case TRAFFIC_JAM ->
                        Duration.ofMinutes(20 + Math.round(30 * noise.uniform(key + "|length", window)));
                    case RIVER_RISE -> Duration.ofHours(17);
                };
        long windowMillis = kind.window().toMillis();
        long offset = Math.round((windowMillis - length.toMillis()) * noise.uniform(key + "|start", window));
        Instant start = Instant.ofEpochMilli(window * windowMillis + offset);
        double chance = probability * weight(kind).applyAsDouble(start);
        if (noise.uniform(key, window) >= chance) {
            return Optional.empty();
        }
        return Optional.of(
                new Incident(kind, deviceId, start, start.plus(length), noise.uniform(key + "|magnitude", window)));
    }

    private static ToDoubleFunction<Instant> weight(Incident.Kind kind) {
        if (kind == Incident.Kind.TRAFFIC_JAM) {
            return start -> Math.min(2, 2 * TrafficModel.intensity(start));
        }
        return start -> 1;
    }
}
