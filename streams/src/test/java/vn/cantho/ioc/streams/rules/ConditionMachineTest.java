package vn.cantho.ioc.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.cantho.ioc.streams.rules.RuleBuilder.level;
import static vn.cantho.ioc.streams.rules.RuleBuilder.rule;
import static vn.cantho.ioc.streams.rules.Trace.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.alert.TransitionType;

/** What the tables do not show: counters, event contents, bounded state, and properties over random input. */
class ConditionMachineTest {

    private static Instant minute(double m) {
        return T0.plusMillis((long) (m * 60_000));
    }

    @Test
    void repeats_while_firing_raise_the_occurrence_count_and_last_seen_time_but_open_no_episode() {
        ConditionMachine machine = new ConditionMachine(rule().build());
        ConditionState state = ConditionState.initial();
        for (int m = 0; m < 5; m++) {
            state = machine.step(state, Input.value(minute(m), 120 + m), minute(m))
                    .state();
        }
        state = machine.step(state, Input.clock(), minute(5.5)).state();

        assertThat(state.episode()).isEqualTo(1);
        assertThat(state.occurrences()).isEqualTo(5);
        assertThat(state.lastSeen()).isEqualTo(minute(4));
        assertThat(state.statusSince()).isEqualTo(minute(0));
        assertThat(state.lastMeasure()).isEqualTo(124.0);
    }

    @Test
    void a_transition_carries_its_time_episode_severity_and_the_measure_that_caused_it() {
        ConditionMachine machine =
                new ConditionMachine(rule().levels(level(Severity.WARNING, 100, 90), level(Severity.CRITICAL, 150, 140))
                        .build());
        ConditionState state = machine.step(ConditionState.initial(), Input.value(minute(0), 120), minute(0))
                .state();

        Step step = machine.step(state, Input.value(minute(1), 151.5), minute(1));

        assertThat(step.transitions())
                .containsExactly(new Transition(
                        TransitionType.SEVERITY_CHANGED, minute(1), 1, Severity.CRITICAL, Severity.WARNING, 151.5));
    }

    @ParameterizedTest(name = "reporting every {0} seconds")
    @ValueSource(ints = {5, 31, 59, 60, 90})
    void a_rate_rule_keeps_at_most_about_sixty_samples_however_often_a_device_reports(int seconds) {
        ConditionMachine machine =
                new ConditionMachine(rule().rateOfChange(Duration.ofHours(1)).build());
        ConditionState state = ConditionState.initial();
        for (int s = 0; s < 3 * 3600; s += seconds) {
            Instant t = T0.plusSeconds(s);
            state = machine.step(state, Input.value(t, 100 + s / 3600.0), t).state();
        }

        assertThat(state.samples()).hasSizeLessThanOrEqualTo(62);
        assertThat(state.lastMeasure()).isCloseTo(1.0, within(1e-6));
        assertThat(state.level()).isNull();
    }

    @Test
    void a_non_finite_value_is_refused_because_ingest_never_lets_one_through() {
        assertThatThrownBy(() -> Input.value(T0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void random_input_keeps_the_invariants_of_episodes_flips_and_events() {
        RuleDefinition rule = rule().levels(level(Severity.WARNING, 100, 90), level(Severity.CRITICAL, 150, 140))
                .pending(Duration.ofMinutes(2))
                .keepFiring(Duration.ofMinutes(3))
                .noDataAfter(Duration.ofMinutes(4))
                .build();
        ConditionMachine machine = new ConditionMachine(rule);
        Random random = new Random(5);
        ConditionState state = ConditionState.initial();
        Set<TransitionType> seen = EnumSet.noneOf(TransitionType.class);
        double walk = 100;
        for (int i = 0; i < 20_000; i++) {
            Instant now = T0.plusSeconds(30L * i);
            // A noisy random walk over all levels, silent for 10 minutes in every 70.
            walk = Math.max(0, Math.min(200, walk + random.nextGaussian() * 8));
            Input input = (i / 20) % 7 == 3 ? Input.clock() : Input.value(now, walk);
            Step step = machine.step(state, input, now);
            ConditionState next = step.state();
            long opened = step.transitions().stream()
                    .filter(t -> t.type() == TransitionType.OPENED)
                    .count();
            step.transitions().forEach(t -> seen.add(t.type()));

            assertThat(next.episode()).isEqualTo(state.episode() + opened);
            assertThat(opened).isLessThanOrEqualTo(1);
            assertThat(next.flips()).hasSizeLessThanOrEqualTo(rule.flap().maxFlips());
            switch (next.status()) {
                case FIRING, RECOVERING -> assertThat(next.episodeOpen()).isTrue();
                case OK, PENDING, RESOLVED -> assertThat(next.episodeOpen()).isFalse();
                case NO_DATA -> {}
            }
            if (next.flapping()) {
                assertThat(next.status()).isIn(ConditionStatus.FIRING, ConditionStatus.NO_DATA);
                assertThat(next.episodeOpen()).isTrue();
            }
            if (!step.transitions().isEmpty()) {
                assertThat(Trace.describe(next))
                        .as("a transition is emitted only on a real change")
                        .isNotEqualTo(Trace.describe(state));
            }
            state = next;
        }
        assertThat(seen).as("the walk reaches every kind of transition").isEqualTo(EnumSet.allOf(TransitionType.class));
    }

    @Test
    void a_state_restored_from_json_after_every_step_gives_the_same_transitions_as_one_kept_in_memory() {
        RuleDefinition rule = rule().rateOfChange(Duration.ofMinutes(30))
                .levels(level(Severity.WARNING, 20, 10))
                .keepFiring(Duration.ofMinutes(5))
                .noDataAfter(Duration.ofMinutes(3))
                .build();
        ConditionMachine machine = new ConditionMachine(rule);
        Random random = new Random(7);
        List<Step> kept = new ArrayList<>();
        List<Step> restored = new ArrayList<>();
        ConditionState inMemory = ConditionState.initial();
        ConditionState fromJson = ConditionState.initial();
        double level = 100;
        for (int i = 0; i < 2_000; i++) {
            Instant now = T0.plusSeconds(60L * i);
            level += random.nextGaussian() * 3;
            Input input = random.nextInt(10) < 8 ? Input.value(now, level) : Input.clock();
            kept.add(machine.step(inMemory, input, now));
            restored.add(machine.step(fromJson, input, now));
            inMemory = kept.get(i).state();
            fromJson = StateJsonTest.roundTrip(restored.get(i).state());
        }

        assertThat(restored).isEqualTo(kept);
    }
}
