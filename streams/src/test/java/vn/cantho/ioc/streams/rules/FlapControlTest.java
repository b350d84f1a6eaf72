package vn.cantho.ioc.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.streams.rules.RuleBuilder.level;
import static vn.cantho.ioc.streams.rules.RuleBuilder.rule;
import static vn.cantho.ioc.streams.rules.Trace.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.alert.Severity;

/**
 * Flapping input must not become a storm: a value crossing the threshold every minute for an hour.
 * The rule allows 4 flips in 30 minutes and needs 15 stable minutes to end flapping, so every test
 * asserts the exact list of transitions, which is the bound: 5 flips, FLAPPING_STARTED, and after
 * the input calms down FLAPPING_ENDED plus the resolution.
 */
class FlapControlTest {

    /** 120 at even minutes, 80 at odd ones: across raise 100 and clear 90 every minute. */
    private static final IntFunction<Double> TOGGLING = minute -> minute % 2 == 0 ? 120.0 : 80.0;

    @Test
    void toggling_every_minute_for_an_hour_opens_three_episodes_then_holds_one_firing_alert() {
        Run run = run(rule().build(), 60, TOGGLING, 20);

        assertThat(run.events)
                .containsExactly(
                        "m000 OPENED #1",
                        "m001 RESOLVED #1",
                        "m002 OPENED #2",
                        "m003 RESOLVED #2",
                        "m004 OPENED #3",
                        "m004 FLAPPING_STARTED #3",
                        // The last toggle (m059) cleared the condition; 15 stable minutes later flapping ends.
                        "m074 FLAPPING_ENDED #3",
                        "m074 RESOLVED #3");
        assertThat(Trace.describe(run.final_)).isEqualTo("RESOLVED #3");
        assertThat(run.notifications).isEqualTo(8);
    }

    @Test
    void with_keep_firing_the_same_input_stays_one_episode_and_notifies_four_times() {
        Run run = run(rule().keepFiring(Duration.ofMinutes(5)).build(), 60, TOGGLING, 20);

        assertThat(run.events)
                .containsExactly(
                        "m000 OPENED #1",
                        "m001 RECOVERING #1",
                        "m002 RETRIGGERED #1",
                        "m003 RECOVERING #1",
                        "m004 RETRIGGERED #1",
                        "m004 FLAPPING_STARTED #1",
                        // Stable for 15 minutes already covers the 5-minute keep-firing period: resolved at once.
                        "m074 FLAPPING_ENDED #1",
                        "m074 RESOLVED #1");
        assertThat(run.notifications).isEqualTo(4);
    }

    @Test
    void while_flapping_the_alert_is_held_firing_through_every_clear_minute() {
        Run run = run(rule().build(), 60, TOGGLING, 0);

        assertThat(run.states.subList(4, 60)).allMatch(s -> s.equals("FIRING #3 WARNING flapping"));
    }

    @Test
    void a_flip_that_would_leave_firing_is_the_one_held_back_when_it_exceeds_the_limit() {
        // With at most 3 flips the fourth is the clear at m003: the alert stays FIRING instead of resolving.
        RuleDefinition rule = rule().flap(new FlapSettings(3, Duration.ofMinutes(30), Duration.ofMinutes(15)))
                .build();
        Run run = run(rule, 60, TOGGLING, 0);

        assertThat(run.events)
                .containsExactly("m000 OPENED #1", "m001 RESOLVED #1", "m002 OPENED #2", "m003 FLAPPING_STARTED #2");
        assertThat(run.states.get(3)).isEqualTo("FIRING #2 WARNING flapping");
    }

    @Test
    void a_condition_that_ends_flapping_while_breaching_keeps_the_episode_firing() {
        // The toggling stops at m060 with a breaching value that then stays: stable from m060.
        Run run = run(rule().build(), 80, minute -> minute < 60 ? TOGGLING.apply(minute) : 130.0, 0);

        assertThat(run.events).endsWith("m004 FLAPPING_STARTED #3", "m075 FLAPPING_ENDED #3");
        assertThat(Trace.describe(run.final_)).isEqualTo("FIRING #3 WARNING");
    }

    @Test
    void escalation_while_flapping_is_notified_but_de_escalation_waits_until_flapping_ends() {
        RuleDefinition rule = rule().levels(level(Severity.WARNING, 100, 90), level(Severity.CRITICAL, 150, 140))
                .build();
        // Toggling at WARNING, then at m10 one CRITICAL value, then back to toggling at WARNING.
        Run run = run(rule, 60, minute -> minute == 10 ? 160.0 : TOGGLING.apply(minute), 20);

        assertThat(run.events)
                .containsExactly(
                        "m000 OPENED #1",
                        "m001 RESOLVED #1",
                        "m002 OPENED #2",
                        "m003 RESOLVED #2",
                        "m004 OPENED #3",
                        "m004 FLAPPING_STARTED #3",
                        "m010 SEVERITY_CHANGED #3",
                        "m074 FLAPPING_ENDED #3",
                        "m074 RESOLVED #3");
        assertThat(run.states.get(30)).isEqualTo("FIRING #3 CRITICAL flapping");
    }

    @Test
    void flips_spread_wider_than_the_window_allows_never_count_as_flapping() {
        // A crossing every 10 minutes: never more than 4 flips inside any 30 minutes.
        Run run = run(rule().build(), 60, minute -> (minute / 10) % 2 == 0 ? 120.0 : 80.0, 0);

        assertThat(run.events)
                .containsExactly(
                        "m000 OPENED #1",
                        "m010 RESOLVED #1",
                        "m020 OPENED #2",
                        "m030 RESOLVED #2",
                        "m040 OPENED #3",
                        "m050 RESOLVED #3");
    }

    /** What a run yielded: every transition as "minute TYPE #episode", every state, notification count. */
    private record Run(List<String> events, List<String> states, long notifications, ConditionState final_) {}

    /** One value per minute for {@code minutes}, then {@code settle} minutes of clock ticks only. */
    private static Run run(RuleDefinition rule, int minutes, IntFunction<Double> value, int settle) {
        ConditionMachine machine = new ConditionMachine(rule);
        ConditionState state = ConditionState.initial();
        List<String> events = new ArrayList<>();
        List<String> states = new ArrayList<>();
        long notifications = 0;
        for (int minute = 0; minute < minutes + settle; minute++) {
            Input input =
                    minute < minutes ? Input.value(T0.plusSeconds(60L * minute), value.apply(minute)) : Input.clock();
            Step step = machine.step(state, input, T0.plusSeconds(60L * minute));
            state = step.state();
            states.add(Trace.describe(state));
            for (Transition t : step.transitions()) {
                events.add(String.format("m%03d %s #%d", minute, t.type(), t.episode()));
                notifications += t.type().notifies() ? 1 : 0;
            }
        }
        return new Run(events, states, notifications, state);
    }
}
