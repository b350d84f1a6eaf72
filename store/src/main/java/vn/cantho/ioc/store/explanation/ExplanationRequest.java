package vn.cantho.ioc.store.explanation;

import java.time.Instant;
import java.util.SortedMap;

/**
 * A request for explanation (yêu cầu giải trình) as stored, with its status as of when it was read.
 *
 * @param department the addressed unit's id (a department token's department)
 * @param periodStart the KPI value's period the leader asked about, with its value, target and plan status
 */
public record ExplanationRequest(
        long id,
        String indicator,
        String scope,
        String entityId,
        String areaCode,
        String domain,
        SortedMap<String, String> labels,
        String department,
        Instant periodStart,
        Double value,
        Double target,
        String planStatus,
        String message,
        Instant dueAt,
        String requestedBy,
        Instant requestedAt,
        Instant readAt,
        String answer,
        String answeredBy,
        Instant answeredAt,
        Instant overdueAlertedAt,
        Status status) {

    /** ANSWERED once answered; OVERDUE when unanswered past its due time; else OPEN. */
    public enum Status {
        OPEN,
        ANSWERED,
        OVERDUE
    }

    static Status statusAt(Instant answeredAt, Instant dueAt, Instant now) {
        if (answeredAt != null) {
            return Status.ANSWERED;
        }
        return now.isAfter(dueAt) ? Status.OVERDUE : Status.OPEN;
    }
}
