package vn.cantho.ioc.alerting.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * While an active alert matches {@code source}, alerts matching {@code target} that have the same
 * values of every {@code equal} label are inhibited (not notified). The shipped rules: an active
 * {@code STALE} alert of a device or a feed inhibits the other alerts of that device or feed.
 *
 * @param name   shown in the suppression reason
 * @param source matchers of the inhibiting alert
 * @param target matchers of the inhibited alerts
 * @param equal  labels (or alert fields such as {@code entity}) that must be equal on both
 */
public record InhibitionRule(String name, List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

    public InhibitionRule {
        Objects.requireNonNull(name, "an inhibition rule needs a name");
        source = List.copyOf(source);
        target = List.copyOf(target);
        equal = equal == null ? List.of() : List.copyOf(equal);
        if (source.isEmpty()) {
            throw new IllegalArgumentException("inhibition rule '" + name + "' needs at least one source matcher");
        }
    }

    boolean sourceMatches(Map<String, String> sourceLabels) {
        return LabelMatcher.all(source, sourceLabels);
    }

    boolean targetMatches(Map<String, String> targetLabels) {
        return LabelMatcher.all(target, targetLabels);
    }

    /** Whether a matching source and a matching target agree on every {@code equal} label. */
    boolean equalLabels(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
        for (String label : equal) {
            if (!sourceLabels.getOrDefault(label, "").equals(targetLabels.getOrDefault(label, ""))) {
                return false;
            }
        }
        return true;
    }
}
