package vn.cantho.ioc.store.explanation;

import java.time.Instant;

/** One step of a request's audit trail: REQUESTED, READ, ANSWERED or OVERDUE_ALERTED, by whom and when. */
public record ExplanationEvent(long id, long requestId, String type, String actor, Instant at, String text) {}
