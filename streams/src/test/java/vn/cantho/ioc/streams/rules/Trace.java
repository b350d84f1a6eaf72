package vn.cantho.ioc.streams.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.cantho.ioc.model.alert.TransitionType;

/**
 * Table rows for the state-machine tests and their one-line rendering. A row is a tick (minute since
 * {@link #T0}, a value or none) with the state and transitions expected after it; the actual run is
 * rendered in the same format, so a failing table shows every tick's difference at once.
 */
final class Trace {

    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    private Trace() {}

    /** One tick and what it must yield; {@code value == null} is a clock tick without data. */
    record Row(int minute, Double value, String state, List<String> transitions) {

        Input input() {
            return value == null ? Input.clock() : Input.value(at(), value);
        }

        Instant at() {
            return T0.plusSeconds(60L * minute);
        }

        String line() {
            return render(minute, value, state, transitions);
        }
    }

    /** A value observed at {@code minute}, then {@code state} (e.g. {@code "FIRING #1 WARNING"}). */
    static Row at(int minute, double value, String state, String... transitions) {
        return new Row(minute, value, state, List.of(transitions));
    }

    /** A clock tick at {@code minute} without data. */
    static Row quiet(int minute, String state, String... transitions) {
        return new Row(minute, null, state, List.of(transitions));
    }

    /** Runs the rows from the initial state; one rendered line per row. */
    static List<String> run(RuleDefinition rule, List<Row> rows) {
        ConditionMachine machine = new ConditionMachine(rule);
        ConditionState state = ConditionState.initial();
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            Step step = machine.step(state, row.input(), row.at());
            state = step.state();
            lines.add(render(
                    row.minute(),
                    row.value(),
                    describe(state),
                    step.transitions().stream().map(Trace::describe).toList()));
        }
        return lines;
    }

    static String describe(ConditionState s) {
        return s.status() + " #" + s.episode() + (s.episodeOpen() ? " " + s.severity() : "")
                + (s.flapping() ? " flapping" : "");
    }

    static String describe(Transition t) {
        return t.type() == TransitionType.SEVERITY_CHANGED
                ? t.type() + " " + t.previousSeverity() + ">" + t.severity()
                : t.type().name();
    }

    private static String render(int minute, Double value, String state, List<String> transitions) {
        String input = value == null ? "--" : String.valueOf(value);
        String events = transitions.isEmpty() ? "" : transitions.stream().collect(Collectors.joining(", ", " [", "]"));
        return String.format("m%03d %s -> %s%s", minute, input, state, events);
    }
}
