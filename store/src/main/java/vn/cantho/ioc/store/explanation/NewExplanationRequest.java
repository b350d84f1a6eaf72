package vn.cantho.ioc.store.explanation;

import java.time.Instant;
import java.util.SortedMap;

/** What a leader sends: the KPI series and value it is about, the addressed unit, the message and the due time. */
public record NewExplanationRequest(
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
        Instant dueAt) {}
