package vn.cantho.ioc.api.alert;

import vn.cantho.ioc.store.alert.Alert;
import vn.cantho.ioc.store.alert.AlertQuery;
import vn.cantho.ioc.store.alert.LabelMatcher;

/**
 * The filters of an {@link AlertQuery} evaluated on one alert in memory, with the same meaning as
 * the list query in the database: the live stream decides per change whether a subscriber sees it.
 */
final class AlertFilter {

    private AlertFilter() {}

    static boolean matches(AlertQuery q, Alert a) {
        return (q.conditions().isEmpty() || q.conditions().contains(a.condition()))
                && (q.handling().isEmpty() || q.handling().contains(a.handling()))
                && (q.severities().isEmpty()
                        || (a.severity() != null && q.severities().contains(a.severity())))
                && (q.domains().isEmpty() || q.domains().contains(a.domain()))
                && (q.areas().isEmpty() || (a.areaCode() != null && q.areas().contains(a.areaCode())))
                && (q.rules().isEmpty() || q.rules().contains(a.ruleId()))
                && (q.assignee() == null || q.assignee().equals(a.assignee()))
                && (q.from() == null || !a.lastSeenAt().isBefore(q.from()))
                && (q.to() == null || a.lastSeenAt().isBefore(q.to()))
                && LabelMatcher.all(q.matchers(), LabelMatcher.labelsOf(a));
    }
}
