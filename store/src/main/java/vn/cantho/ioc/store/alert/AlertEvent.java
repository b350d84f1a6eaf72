package vn.cantho.ioc.store.alert;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of an alert's append-only audit trail (table {@code alert_events}).
 *
 * @param id      global id; increases in the order entries become visible, so it is a resume cursor
 * @param alertId the alert
 * @param seq     the entry's number within its alert: 1, 2, 3, ...
 * @param type    what happened
 * @param actor   the person, {@code rule:<rule id>} for condition events, or {@code system:<part>}
 * @param at      when it happened (event time for condition events)
 * @param episode the episode it belongs to (0 before the first)
 * @param comment the person's comment or reason; null if none
 * @param details facts of the entry: severities, measure, assignee, snooze end, receivers, ...
 */
public record AlertEvent(
        long id,
        long alertId,
        int seq,
        AuditType type,
        String actor,
        Instant at,
        int episode,
        String comment,
        Map<String, Object> details) {

    public AlertEvent {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }
}
