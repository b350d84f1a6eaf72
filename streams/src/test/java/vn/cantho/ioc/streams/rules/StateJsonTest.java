package vn.cantho.ioc.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.streams.rules.RuleBuilder.rule;
import static vn.cantho.ioc.streams.rules.Trace.T0;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.model.json.Json;

/** State and rules survive the shared JSON mapper: the state store's changelog and the rule catalogue. */
class StateJsonTest {

    static ConditionState roundTrip(ConditionState state) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsBytes(state), ConditionState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_firing_state_with_samples_and_flips_reads_back_equal() {
        ConditionMachine machine =
                new ConditionMachine(rule().rateOfChange(Duration.ofHours(1)).build());
        ConditionState state = ConditionState.initial();
        for (int m = 0; m <= 60; m++) {
            Instant t = T0.plusSeconds(60L * m);
            state = machine.step(state, Input.value(t, m < 40 ? 100 : 100 + (m - 40) * 200.0), t)
                    .state();
        }

        assertThat(state.status()).isEqualTo(ConditionStatus.FIRING);
        assertThat(state.samples()).hasSize(61);
        assertThat(state.flips()).hasSize(1);
        assertThat(roundTrip(state)).isEqualTo(state);
    }

    @Test
    void the_state_of_an_hour_long_rate_window_stays_under_four_kilobytes() throws JsonProcessingException {
        ConditionMachine machine =
                new ConditionMachine(rule().rateOfChange(Duration.ofHours(1)).build());
        ConditionState state = ConditionState.initial();
        for (int s = 0; s < 2 * 3600; s += 10) {
            Instant t = T0.plusSeconds(s);
            state = machine.step(state, Input.value(t, 123.456 + s), t).state();
        }

        assertThat(Json.mapper().writeValueAsBytes(state).length).isLessThan(4096);
    }

    @Test
    void a_rule_written_as_in_the_catalogue_reads_into_a_valid_definition() throws JsonProcessingException {
        String json = """
                {"id": "river-level-rising", "kind": "RATE_OF_CHANGE", "metric": "water_level", "scope": "device",
                 "direction": "ABOVE",
                 "levels": [{"severity": "WARNING", "raise": 20, "clear": 15},
                            {"severity": "CRITICAL", "raise": 40, "clear": 30}],
                 "pending": "PT10M", "keepFiring": "PT15M", "rateWindow": "PT1H", "noDataAfter": "PT20M",
                 "flap": {"maxFlips": 4, "window": "PT1H", "stableFor": "PT30M"},
                 "identityLabels": ["gauge"]}
                """;

        RuleDefinition rule = Json.mapper().readValue(json, RuleDefinition.class);

        assertThat(rule.problems()).isEmpty();
        assertThat(rule.scope()).isEqualTo(Scope.DEVICE);
        assertThat(rule.levels())
                .containsExactly(
                        new SeverityLevel(Severity.WARNING, 20, 15), new SeverityLevel(Severity.CRITICAL, 40, 30));
        assertThat(rule.keepFiring()).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.identityLabels()).isEqualTo(List.of("gauge"));
    }

    @Test
    void a_rule_with_missing_fields_reads_and_then_reports_each_missing_field() throws JsonProcessingException {
        RuleDefinition rule =
                Json.mapper().readValue("{\"id\": \"half-written\", \"levels\": [null]}", RuleDefinition.class);

        assertThat(rule.problems())
                .contains(
                        "rule 'half-written': metric: must not be blank",
                        "rule 'half-written': levels[0].severity: must be one of INFO, WARNING, MAJOR, CRITICAL",
                        "rule 'half-written': pending: is required");
    }
}
