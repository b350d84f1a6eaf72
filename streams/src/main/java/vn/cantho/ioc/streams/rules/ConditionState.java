package vn.cantho.ioc.streams.rules;

import java.time.Instant;
import java.util.List;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;

/**
 * Everything the condition machine remembers about one alert (one dedup key), as kept in a Kafka
 * Streams state store: immutable, JSON-serialisable with the shared mapper, and bounded in size
 * ({@code samples} holds at most 62 entries, {@code flips} at most the rule's {@code maxFlips}).
 *
 * @param status        position on the condition axis
 * @param statusSince   when {@code status} was entered
 * @param episode       number of the current or last episode; 0 before the first
 * @param episodeOpen   whether an episode is open (FIRING, RECOVERING, or NO_DATA entered from them)
 * @param severity      severity of the current or last episode
 * @param occurrences   breaching observations seen while the current or last episode was open
 * @param lastSeen      last time the condition was seen breaching in that episode
 * @param level         what the condition says now, hysteresis applied; {@code null} when clear
 * @param levelSince    when the condition last switched between breaching and clear, or data returned
 * @param lastMeasure   last measured value (value or rate per hour); {@code null} before the first
 * @param lastInput     event time of the newest observation; {@code null} before the first
 * @param samples       recent observations, kept only by rate-of-change rules
 * @param flapping      whether the alert is held FIRING by flap control
 * @param flips         times of the recent flips inside the flap window (empty while flapping)
 * @param evaluatedAt   time of the last step; evaluation time never goes backwards
 */
public record ConditionState(
        ConditionStatus status,
        Instant statusSince,
        int episode,
        boolean episodeOpen,
        Severity severity,
        long occurrences,
        Instant lastSeen,
        Severity level,
        Instant levelSince,
        Double lastMeasure,
        Instant lastInput,
        List<Sample> samples,
        boolean flapping,
        List<Instant> flips,
        Instant evaluatedAt) {

    public ConditionState {
        samples = samples == null ? List.of() : List.copyOf(samples);
        flips = flips == null ? List.of() : List.copyOf(flips);
    }

    /** The state of an alert that has never been evaluated. */
    public static ConditionState initial() {
        return new ConditionState(
                ConditionStatus.OK,
                null,
                0,
                false,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                List.of(),
                null);
    }

    /** One remembered observation for the rate of change. */
    public record Sample(Instant ts, double value) {}
}
