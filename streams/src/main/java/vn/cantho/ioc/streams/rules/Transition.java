package vn.cantho.ioc.streams.rules;

import java.time.Instant;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;

/**
 * One condition-axis event of one alert, emitted only on a real change of state, never for a repeat.
 * The caller adds the {@link AlertKey}; the machine does not need it.
 *
 * @param type             what happened
 * @param at               evaluation time of the step that caused it
 * @param episode          the episode it belongs to (the one just opened, for {@code OPENED})
 * @param severity         the episode's severity after the event ({@code null} before any episode)
 * @param previousSeverity the severity before a {@code SEVERITY_CHANGED}; otherwise {@code null}
 * @param measure          the measured value (the value, or the rate per hour) the step saw last;
 *                         {@code null} if none was measured yet
 */
public record Transition(
        TransitionType type, Instant at, int episode, Severity severity, Severity previousSeverity, Double measure) {}
