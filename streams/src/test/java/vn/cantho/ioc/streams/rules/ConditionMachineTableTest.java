package vn.cantho.ioc.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.model.alert.Severity.CRITICAL;
import static vn.cantho.ioc.model.alert.Severity.WARNING;
import static vn.cantho.ioc.streams.rules.RuleBuilder.level;
import static vn.cantho.ioc.streams.rules.RuleBuilder.rule;
import static vn.cantho.ioc.streams.rules.Trace.at;
import static vn.cantho.ioc.streams.rules.Trace.quiet;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cantho.ioc.streams.rules.Trace.Row;

/**
 * The condition state machine as tables: each case feeds ticks (minute, value or nothing) to a rule
 * and states the condition and the transitions expected after every tick. Unless a case says
 * otherwise the rule is WARNING at ≥ 100, clearing below 90, with no pending or keep-firing period.
 */
class ConditionMachineTableTest {

    record Case(String name, RuleDefinition rule, List<Row> rows) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "a value oscillating between the clear and raise levels stays FIRING",
                        rule().build(),
                        List.of(
                                at(0, 95, "OK #0"),
                                at(1, 100, "FIRING #1 WARNING", "OPENED"),
                                at(2, 92, "FIRING #1 WARNING"),
                                at(3, 99, "FIRING #1 WARNING"),
                                at(4, 90, "FIRING #1 WARNING"),
                                at(5, 89.9, "RESOLVED #1", "RESOLVED"),
                                at(6, 99, "RESOLVED #1"),
                                at(7, 95, "RESOLVED #1"))),
                new Case(
                        "a short spike never fires when the rule wants five minutes",
                        rule().pending(Duration.ofMinutes(5)).build(),
                        List.of(
                                at(0, 150, "PENDING #0"),
                                at(2, 160, "PENDING #0"),
                                at(4, 120, "PENDING #0"),
                                at(5, 80, "OK #0"),
                                at(6, 130, "PENDING #0"),
                                at(8, 70, "OK #0"),
                                quiet(20, "OK #0"))),
                new Case(
                        "a condition held for the pending period fires, also between observations",
                        rule().pending(Duration.ofMinutes(5)).build(),
                        List.of(
                                at(0, 120, "PENDING #0"),
                                quiet(4, "PENDING #0"),
                                quiet(5, "FIRING #1 WARNING", "OPENED"),
                                at(6, 95, "FIRING #1 WARNING"),
                                at(7, 50, "RESOLVED #1", "RESOLVED"),
                                at(8, 120, "PENDING #1"),
                                at(9, 80, "RESOLVED #1"))),
                new Case(
                        "keep-firing holds the episode open while recovering and a relapse stays in it",
                        rule().keepFiring(Duration.ofMinutes(10)).build(),
                        List.of(
                                at(0, 120, "FIRING #1 WARNING", "OPENED"),
                                at(1, 80, "RECOVERING #1 WARNING", "RECOVERING"),
                                at(5, 120, "FIRING #1 WARNING", "RETRIGGERED"),
                                at(6, 80, "RECOVERING #1 WARNING", "RECOVERING"),
                                quiet(15, "RECOVERING #1 WARNING"),
                                quiet(16, "RESOLVED #1", "RESOLVED"),
                                quiet(30, "RESOLVED #1"))),
                new Case(
                        "a re-fire after RESOLVED opens episode 2 while repeats never open one",
                        rule().build(),
                        List.of(
                                at(0, 120, "FIRING #1 WARNING", "OPENED"),
                                at(1, 125, "FIRING #1 WARNING"),
                                at(2, 130, "FIRING #1 WARNING"),
                                at(3, 60, "RESOLVED #1", "RESOLVED"),
                                at(40, 110, "FIRING #2 WARNING", "OPENED"),
                                at(41, 111, "FIRING #2 WARNING"))),
                new Case(
                        "severity escalates and de-escalates inside one episode with its own hysteresis",
                        rule().levels(level(WARNING, 100, 90), level(CRITICAL, 150, 140))
                                .build(),
                        List.of(
                                at(0, 120, "FIRING #1 WARNING", "OPENED"),
                                at(1, 155, "FIRING #1 CRITICAL", "SEVERITY_CHANGED WARNING>CRITICAL"),
                                at(2, 145, "FIRING #1 CRITICAL"),
                                at(3, 139, "FIRING #1 WARNING", "SEVERITY_CHANGED CRITICAL>WARNING"),
                                at(4, 149, "FIRING #1 WARNING"),
                                at(5, 80, "RESOLVED #1", "RESOLVED"),
                                at(6, 200, "FIRING #2 CRITICAL", "OPENED"),
                                at(7, 50, "RESOLVED #2", "RESOLVED"))),
                new Case(
                        "a rule on low values (traffic speed under 10 km/h for 15 minutes) fires and clears above 15",
                        rule().direction(Direction.BELOW)
                                .levels(level(WARNING, 10, 15))
                                .pending(Duration.ofMinutes(15))
                                .build(),
                        List.of(
                                at(0, 9, "PENDING #0"),
                                at(10, 12, "PENDING #0"),
                                at(15, 8, "FIRING #1 WARNING", "OPENED"),
                                at(16, 14, "FIRING #1 WARNING"),
                                at(17, 15.5, "RESOLVED #1", "RESOLVED"))),
                new Case(
                        "a river rising faster than 20 cm/h fires on the rate measured over the last hour",
                        rule().rateOfChange(Duration.ofHours(1))
                                .levels(level(WARNING, 20, 15))
                                .build(),
                        List.of(
                                at(0, 100, "OK #0"),
                                at(10, 110, "OK #0"),
                                at(20, 115, "OK #0"),
                                at(30, 109, "OK #0"),
                                at(40, 118, "FIRING #1 WARNING", "OPENED"),
                                at(60, 124, "FIRING #1 WARNING"),
                                at(80, 133, "FIRING #1 WARNING"),
                                at(90, 120, "RESOLVED #1", "RESOLVED"))),
                new Case(
                        "silence beyond the no-data period is NO_DATA and data returning resumes the episode",
                        rule().noDataAfter(Duration.ofMinutes(5)).build(),
                        List.of(
                                at(0, 120, "FIRING #1 WARNING", "OPENED"),
                                quiet(5, "FIRING #1 WARNING"),
                                quiet(6, "NO_DATA #1 WARNING", "NO_DATA"),
                                quiet(30, "NO_DATA #1 WARNING"),
                                at(31, 130, "FIRING #1 WARNING", "DATA_RETURNED"),
                                at(32, 50, "RESOLVED #1", "RESOLVED"),
                                quiet(40, "NO_DATA #1", "NO_DATA"),
                                at(41, 60, "RESOLVED #1", "DATA_RETURNED"),
                                quiet(50, "NO_DATA #1", "NO_DATA"),
                                at(51, 140, "FIRING #2 WARNING", "DATA_RETURNED", "OPENED"))),
                new Case(
                        "a data gap cancels a pending period, which starts again when data returns",
                        rule().noDataAfter(Duration.ofMinutes(5))
                                .pending(Duration.ofMinutes(5))
                                .build(),
                        List.of(
                                at(0, 120, "PENDING #0"),
                                at(4, 120, "PENDING #0"),
                                quiet(10, "NO_DATA #0", "NO_DATA"),
                                at(11, 120, "PENDING #0", "DATA_RETURNED"),
                                quiet(15, "PENDING #0"),
                                quiet(16, "FIRING #1 WARNING", "OPENED"))),
                new Case(
                        "a late observation is ignored and a clock stepping back changes nothing",
                        rule().build(),
                        List.of(
                                at(10, 120, "FIRING #1 WARNING", "OPENED"),
                                at(5, 20, "FIRING #1 WARNING"),
                                quiet(3, "FIRING #1 WARNING"),
                                at(11, 20, "RESOLVED #1", "RESOLVED"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_tick_yields_the_expected_state_and_transitions(Case c) {
        assertThat(Trace.run(c.rule(), c.rows()))
                .containsExactlyElementsOf(c.rows().stream().map(Row::line).toList());
    }
}
