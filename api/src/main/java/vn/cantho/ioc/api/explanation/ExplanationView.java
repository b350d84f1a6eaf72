package vn.cantho.ioc.api.explanation;

import java.time.Instant;
import java.util.SortedMap;
import vn.cantho.ioc.store.explanation.ExplanationRequest;

/** A request for explanation as the API shows it (the stored request with its computed status). */
public record ExplanationView(
        long id,
        String status,
        String indicator,
        String label,
        String unit,
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
        Instant overdueAlertedAt) {

    static ExplanationView of(ExplanationRequest r, String label, String unit) {
        return new ExplanationView(
                r.id(),
                r.status().name(),
                r.indicator(),
                label,
                unit,
                r.scope(),
                r.entityId(),
                r.areaCode(),
                r.domain(),
                r.labels(),
                r.department(),
                r.periodStart(),
                r.value(),
                r.target(),
                r.planStatus(),
                r.message(),
                r.dueAt(),
                r.requestedBy(),
                r.requestedAt(),
                r.readAt(),
                r.answer(),
                r.answeredBy(),
                r.answeredAt(),
                r.overdueAlertedAt());
    }
}
