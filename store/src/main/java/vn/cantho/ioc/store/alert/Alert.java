package vn.cantho.ioc.store.alert;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.model.alert.ConditionStatus;
import vn.cantho.ioc.model.alert.Severity;

/**
 * One alert: everything under one dedup key, across its episodes. The stored columns of table
 * {@code alerts} plus two things computed when it is read: why it is not notified now
 * ({@link #suppressions()}) and the escalation steps waiting for it ({@link #pendingActions()}).
 *
 * @param condition    condition axis, set by the rule processor (and by a manual resolve)
 * @param episodeOpen  whether the current episode is open
 * @param handling     handling axis, set by people; independent of the condition
 * @param occurrences  how often the rule raised the condition under this key, all episodes
 * @param resolvedBy   the person who resolved the episode by hand; null when the rule resolved it
 * @param version      optimistic-concurrency version, +1 on every change (the API's ETag)
 * @param lastEventSeq sequence number of the newest audit entry
 */
public record Alert(
        long id,
        String alertKey,
        String ruleId,
        String entityId,
        Scope scope,
        String domain,
        String areaCode,
        SortedMap<String, String> labels,
        Severity severity,
        ConditionStatus condition,
        boolean episodeOpen,
        boolean flapping,
        int episode,
        long occurrences,
        Instant firstSeenAt,
        Instant lastSeenAt,
        Instant openedAt,
        Instant resolvedAt,
        String resolvedBy,
        Handling handling,
        String ackedBy,
        Instant ackedAt,
        String assignee,
        Instant snoozedUntil,
        String summary,
        Double measure,
        long version,
        int lastEventSeq,
        Instant updatedAt,
        List<Suppression> suppressions,
        List<EscalationAction> pendingActions) {

    public Alert {
        labels = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
        suppressions = suppressions == null ? List.of() : List.copyOf(suppressions);
        pendingActions = pendingActions == null ? List.of() : List.copyOf(pendingActions);
    }

    /** Whether anything keeps it from being notified now (silence, snooze or inhibition). */
    public boolean suppressed() {
        return !suppressions.isEmpty();
    }

    /** The same alert with its computed parts replaced. */
    public Alert withComputed(List<Suppression> suppressions, List<EscalationAction> pendingActions) {
        return new Alert(
                id,
                alertKey,
                ruleId,
                entityId,
                scope,
                domain,
                areaCode,
                labels,
                severity,
                condition,
                episodeOpen,
                flapping,
                episode,
                occurrences,
                firstSeenAt,
                lastSeenAt,
                openedAt,
                resolvedAt,
                resolvedBy,
                handling,
                ackedBy,
                ackedAt,
                assignee,
                snoozedUntil,
                summary,
                measure,
                version,
                lastEventSeq,
                updatedAt,
                suppressions,
                pendingActions);
    }
}
