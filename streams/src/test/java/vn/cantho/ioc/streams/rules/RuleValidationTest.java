package vn.cantho.ioc.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cantho.ioc.model.alert.Severity.CRITICAL;
import static vn.cantho.ioc.model.alert.Severity.MAJOR;
import static vn.cantho.ioc.model.alert.Severity.WARNING;
import static vn.cantho.ioc.streams.rules.RuleBuilder.level;
import static vn.cantho.ioc.streams.rules.RuleBuilder.rule;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inconsistent rules are rejected with a message that names the rule and the field to fix. */
class RuleValidationTest {

    record Case(String name, RuleBuilder rule, String... problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> inconsistentRules() {
        Duration minus = Duration.ofMinutes(-1);
        return Stream.of(
                new Case(
                        "a clear level above the raise level of a rule on high values",
                        rule().levels(level(WARNING, 100, 110)),
                        "rule 'pm25-high': levels[0].clear: 110.0 must not be above raise 100.0 for direction ABOVE"),
                new Case(
                        "a clear level below the raise level of a rule on low values",
                        rule().direction(Direction.BELOW).levels(level(WARNING, 10, 5)),
                        "rule 'pm25-high': levels[0].clear: 5.0 must not be below raise 10.0 for direction BELOW"),
                new Case(
                        "a negative pending period",
                        rule().pending(minus),
                        "rule 'pm25-high': pending: must not be negative, was PT-1M"),
                new Case(
                        "a negative keep-firing period",
                        rule().keepFiring(minus),
                        "rule 'pm25-high': keepFiring: must not be negative, was PT-1M"),
                new Case(
                        "a missing keep-firing period",
                        rule().keepFiring(null),
                        "rule 'pm25-high': keepFiring: is required"),
                new Case(
                        "a zero no-data period",
                        rule().noDataAfter(Duration.ZERO),
                        "rule 'pm25-high': noDataAfter: must be positive, was PT0S"),
                new Case(
                        "a rate-of-change rule without a rate window",
                        rule().kind(RuleKind.RATE_OF_CHANGE),
                        "rule 'pm25-high': rateWindow: is required"),
                new Case(
                        "a threshold rule with a rate window",
                        rule().rateWindow(Duration.ofHours(1)),
                        "rule 'pm25-high': rateWindow: only applies to RATE_OF_CHANGE rules"),
                new Case(
                        "a rule without levels",
                        rule().levels(),
                        "rule 'pm25-high': levels: needs at least one severity level"),
                new Case(
                        "levels out of severity order",
                        rule().levels(level(CRITICAL, 100, 90), level(WARNING, 150, 140)),
                        "rule 'pm25-high': levels[1].severity: WARNING must be more severe than CRITICAL"
                                + " (levels go from least to most severe)"),
                new Case(
                        "a more severe level that is easier to reach",
                        rule().levels(level(WARNING, 100, 90), level(CRITICAL, 80, 70)),
                        "rule 'pm25-high': levels[1].raise: 80.0 must be above the raise 100.0 of WARNING",
                        "rule 'pm25-high': levels[1].clear: 70.0 must not be past the clear 90.0 of WARNING"),
                new Case(
                        "a more severe level that would be left before a milder one",
                        rule().levels(level(WARNING, 100, 90), level(MAJOR, 150, 85)),
                        "rule 'pm25-high': levels[1].clear: 85.0 must not be past the clear 90.0 of WARNING"),
                new Case(
                        "a level without a severity",
                        rule().levels(level(null, 100, 90)),
                        "rule 'pm25-high': levels[0].severity: must be one of INFO, WARNING, MAJOR, CRITICAL"),
                new Case(
                        "a level that is not a number",
                        rule().levels(level(WARNING, Double.NaN, 90)),
                        "rule 'pm25-high': levels[0].raise: must be a finite number"),
                new Case(
                        "flap control allowing no flip at all",
                        rule().flap(new FlapSettings(0, Duration.ofMinutes(30), Duration.ofMinutes(15))),
                        "rule 'pm25-high': flap.maxFlips: must be at least 1, was 0"),
                new Case(
                        "a flap window of zero",
                        rule().flap(new FlapSettings(4, Duration.ZERO, Duration.ofMinutes(15))),
                        "rule 'pm25-high': flap.window: must be positive, was PT0S"),
                new Case(
                        "missing flap settings",
                        rule().flap(null),
                        "rule 'pm25-high': flap: is required (maxFlips, window, stableFor)"),
                new Case(
                        "an identity label listed twice",
                        rule().identityLabels("gauge", "gauge"),
                        "rule 'pm25-high': identityLabels: lists 'gauge' twice"),
                new Case("a blank rule id", rule().id(" "), "rule (no id): id: must not be blank"));
    }

    @ParameterizedTest(name = "{0} is rejected")
    @MethodSource("inconsistentRules")
    void an_inconsistent_rule_is_rejected_naming_the_rule_and_the_field(Case c) {
        assertThat(c.rule().build().problems()).containsExactly(c.problems());
    }

    @Test
    void a_consistent_rule_with_several_levels_has_no_problems() {
        RuleDefinition rule = rule().levels(level(WARNING, 100, 90), level(MAJOR, 150, 140), level(CRITICAL, 200, 140))
                .pending(Duration.ofMinutes(5))
                .keepFiring(Duration.ofMinutes(10))
                .noDataAfter(Duration.ofMinutes(5))
                .identityLabels("gauge")
                .build();

        assertThat(rule.problems()).isEmpty();
        assertThat(rule.validated()).isSameAs(rule);
    }

    @Test
    void a_clear_level_equal_to_the_raise_level_means_no_dead_band_and_is_allowed() {
        assertThat(rule().levels(level(WARNING, 100, 100)).build().problems()).isEmpty();
    }

    @Test
    void every_problem_of_a_rule_is_reported_at_once() {
        RuleDefinition rule = rule().pending(Duration.ofMinutes(-5))
                .levels(level(WARNING, 100, 120))
                .build();

        assertThatThrownBy(rule::validated)
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.problems())
                        .hasSize(2))
                .hasMessage("rule 'pm25-high': levels[0].clear: 120.0 must not be above raise 100.0 for direction"
                        + " ABOVE; rule 'pm25-high': pending: must not be negative, was PT-5M");
    }

    @Test
    void a_machine_refuses_an_inconsistent_rule() {
        RuleDefinition rule = rule().keepFiring(Duration.ofSeconds(-1)).build();

        assertThatThrownBy(() -> new ConditionMachine(rule))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("keepFiring");
    }
}
