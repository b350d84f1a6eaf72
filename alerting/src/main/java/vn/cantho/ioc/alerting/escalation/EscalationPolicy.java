package vn.cantho.ioc.alerting.escalation;

import java.util.List;
import java.util.Map;
import vn.cantho.ioc.store.alert.LabelMatcher;

/** An escalation policy: the steps for alerts whose labels match every matcher. */
public record EscalationPolicy(String id, List<LabelMatcher> match, List<EscalationStep> steps) {

    public EscalationPolicy {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an escalation policy needs an id");
        }
        match = match == null ? List.of() : List.copyOf(match);
        steps = List.copyOf(steps);
    }

    public boolean matches(Map<String, String> labels) {
        return LabelMatcher.all(match, labels);
    }
}
