package vn.cantho.ioc.streams.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.cantho.ioc.model.Scope;

/**
 * One alert rule as written in the rule catalogue (JSON or YAML, read with Jackson). Records are
 * built without checks so that a catalogue loader can report every fault of every rule at once:
 * call {@link #problems()} or {@link #validated()} before evaluating one.
 *
 * @param id             stable rule id; part of every alert's dedup key, so never reuse or rename it
 * @param kind           what is compared with the levels: the value or its rate of change per hour
 * @param metric         metric id from the metric registry (e.g. {@code pm25})
 * @param scope          whether the rule watches each device or each area
 * @param direction      which side of the levels is bad
 * @param levels         severity levels from least to most severe, each with a raise and a clear level
 * @param pending        how long the condition must hold before the alert fires ({@code PT0S}: at once)
 * @param keepFiring     how long the alert stays open (RECOVERING) after its condition clears
 * @param rateWindow     span over which the rate is measured; only for {@link RuleKind#RATE_OF_CHANGE}
 * @param noDataAfter    silence after which the alert goes NO_DATA: the source's expected cadence plus
 *                       tolerance for late or missed reports; {@code null} turns no-data detection off
 * @param flap           flap control
 * @param identityLabels labels that tell apart alerts of one rule and entity (part of the dedup key)
 */
public record RuleDefinition(
        String id,
        RuleKind kind,
        String metric,
        Scope scope,
        Direction direction,
        List<SeverityLevel> levels,
        Duration pending,
        Duration keepFiring,
        Duration rateWindow,
        Duration noDataAfter,
        FlapSettings flap,
        List<String> identityLabels) {

    public RuleDefinition {
        // Copies that tolerate null entries: a catalogue's "levels": [null] must reach validation, not fail here.
        levels = levels == null ? null : Collections.unmodifiableList(new ArrayList<>(levels));
        identityLabels =
                identityLabels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(identityLabels));
    }

    /** Every inconsistency of this rule, each naming the rule and the field; empty when it is usable. */
    public List<String> problems() {
        return RuleValidation.problems(this);
    }

    /** This rule, if it has no {@link #problems()}. */
    public RuleDefinition validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return this;
    }
}
