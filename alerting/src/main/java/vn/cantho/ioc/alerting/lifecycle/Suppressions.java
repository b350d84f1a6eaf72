package vn.cantho.ioc.alerting.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;
import vn.cantho.ioc.store.alert.Suppression;

/**
 * Why an alert is not notified at a given moment: its snooze, the silences whose matchers it
 * matches, and the inhibition rules whose source alerts are active. Computed, never stored, so a
 * silence that ends or a source that recovers takes effect at once. Pure.
 */
public final class Suppressions {

    private final List<Silence> silences;
    private final List<InhibitionRule> inhibitions;
    /** Per inhibition rule, the active alerts matching its source, with their labels: computed once. */
    private final List<List<Source>> sources;

    private record Source(Alert alert, Map<String, String> labels) {}

    /**
     * @param silences     the silences in force
     * @param activeAlerts the alerts that can inhibit (open episode or no data)
     * @param inhibitions  the inhibition rules
     */
    public Suppressions(List<Silence> silences, List<Alert> activeAlerts, List<InhibitionRule> inhibitions) {
        this.silences = List.copyOf(silences);
        this.inhibitions = List.copyOf(inhibitions);
        List<Source> active = activeAlerts.stream()
                .map(a -> new Source(a, LabelMatcher.labelsOf(a)))
                .toList();
        this.sources = this.inhibitions.stream()
                .map(rule -> active.stream()
                        .filter(s -> rule.sourceMatches(s.labels()))
                        .toList())
                .toList();
    }

    public List<Suppression> of(Alert alert, Instant now) {
        List<Suppression> reasons = new ArrayList<>();
        if (alert.snoozedUntil() != null && alert.snoozedUntil().isAfter(now)) {
            reasons.add(new Suppression(
                    Suppression.Kind.SNOOZED,
                    alert.snoozedUntil().toString(),
                    "snoozed until " + alert.snoozedUntil()));
        }
        Map<String, String> labels = LabelMatcher.labelsOf(alert);
        for (Silence silence : silences) {
            if (silence.silences(labels, now)) {
                reasons.add(new Suppression(
                        Suppression.Kind.SILENCED,
                        Long.toString(silence.id()),
                        "silenced by " + silence.createdBy() + " until " + silence.endsAt() + ": "
                                + silence.comment()));
            }
        }
        for (int i = 0; i < inhibitions.size(); i++) {
            InhibitionRule rule = inhibitions.get(i);
            if (!rule.targetMatches(labels)) {
                continue;
            }
            for (Source candidate : sources.get(i)) {
                Alert source = candidate.alert();
                if (source.id() != alert.id() && rule.equalLabels(candidate.labels(), labels)) {
                    reasons.add(new Suppression(
                            Suppression.Kind.INHIBITED,
                            Long.toString(source.id()),
                            "inhibited by alert " + source.id() + " (" + source.ruleId() + " on " + source.entityId()
                                    + ", rule '" + rule.name() + "')"));
                    break;
                }
            }
        }
        return reasons;
    }
}
