package vn.cantho.ioc.store.feed;

/** What {@link FeedLedger#claim} found for an {@code Idempotency-Key}. */
public sealed interface IdempotencyClaim {

    /** The key is new (or its earlier attempt was abandoned): process the request, then complete or release. */
    record Claimed() implements IdempotencyClaim {}

    /** The same request was completed before: answer with its stored response, do not process again. */
    record Replay(int status, String body) implements IdempotencyClaim {}

    /** The key was used before for a different request (other feed, media type or body). */
    record Conflict(String feedId) implements IdempotencyClaim {}

    /** The same key is being processed by another request right now. */
    record InProgress() implements IdempotencyClaim {}
}
