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
    private final List<Alert> activeAlerts;
    private final List<InhibitionRule> inhibitions;

    /**
     * @param silences     the silences in force
     * @param activeAlerts the alerts that can inhibit (open episode or no data)
     * @param inhibitions  the inhibition rules
     */
    public Suppressions(List<Silence> silences, List<Alert> activeAlerts, List<InhibitionRule> inhibitions) {
        this.silences = List.copyOf(silences);
        this.activeAlerts = List.copyOf(activeAlerts);
        this.inhibitions = List.copyOf(inhibitions);
    }

    public List<Suppression> of(Alert alert, Instant now) {
        List<Suppression> reasons = new ArrayList<>();
        if (alert.snoozedUntil() != null && alert.snoozedUntil().isAfter(now)) {
            reasons.add(new Suppression(Suppression.Kind.SNOOZED, alert.snoozedUntil().toString(),
                    "snoozed until " + alert.snoozedUntil()));
        }
        Map<String, String> labels = LabelMatcher.labelsOf(alert);
        for (Silence silence : silences) {
            if (silence.silences(labels, now)) {
                reasons.add(new Suppression(Suppression.Kind.SILENCED, Long.toString(silence.id()),
                        "silenced by " + silence.createdBy() + " until " + silence.endsAt() + ": " + silence.comment()));
            }
        }
        for (InhibitionRule rule : inhibitions) {
            if (!rule.targetMatches(labels)) {
                continue;
            }
            for (Alert source : activeAlerts) {
                if (source.id() != alert.id() && rule.inhibits(LabelMatcher.labelsOf(source), labels)) {
                    reasons.add(new Suppression(Suppression.Kind.INHIBITED, Long.toString(source.id()),
                            "inhibited by alert " + source.id() + " (" + source.ruleId() + " on " + source.entityId()
                                    + ", rule '" + rule.name() + "')"));
                    break;
                }
            }
        }
        return reasons;
    }
}
