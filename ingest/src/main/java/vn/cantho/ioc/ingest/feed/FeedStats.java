package vn.cantho.ioc.ingest.feed;

import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import vn.cantho.ioc.model.metrics.StageMeters;

/**
 * Counters of the feed API, so "nothing lost" can be checked: every row of a processed push is
 * accepted (forwarded), rejected (dead-lettered) or a duplicate of a record already forwarded.
 */
public final class FeedStats {

    private final LongAdder pushes = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder corrections = new LongAdder();
    private final Map<RowErrorCode, LongAdder> rowErrors = new EnumMap<>(RowErrorCode.class);

    public FeedStats() {
        for (RowErrorCode code : RowErrorCode.values()) {
            rowErrors.put(code, new LongAdder());
        }
    }

    void countPush(PushResponse response) {
        pushes.increment();
        accepted.add(response.accepted());
        rejected.add(response.rejected());
        duplicates.add(response.duplicates());
        corrections.add(response.corrections());
        // Per feed on /metrics (feed ids come from the registry, so the label stays bounded).
        String feed = response.feed();
        Metrics.counter(StageMeters.FEED_PUSHES, "feed", feed, "outcome", "accepted")
                .increment();
        Metrics.counter(StageMeters.FEED_ROWS, "feed", feed, "result", "accepted")
                .increment(response.accepted());
        Metrics.counter(StageMeters.FEED_ROWS, "feed", feed, "result", "rejected")
                .increment(response.rejected());
        Metrics.counter(StageMeters.FEED_ROWS, "feed", feed, "result", "duplicate")
                .increment(response.duplicates());
    }

    void countRowError(RowErrorCode code) {
        rowErrors.get(code).increment();
    }

    /** A request answered with a 4xx error code (not pushed). */
    void countRefused() {
        refused.increment();
        // The feed of a refused request may be unknown or not the caller's: never a label from the URL.
        Metrics.counter(StageMeters.FEED_PUSHES, "feed", "none", "outcome", "refused")
                .increment();
    }

    /** A request that failed on our side (5xx): Kafka or the database unavailable, or a bug. */
    void countFailed() {
        failed.increment();
        Metrics.counter(StageMeters.FEED_PUSHES, "feed", "none", "outcome", "failed")
                .increment();
    }

    /** Pushes processed (answered 202). */
    public long pushes() {
        return pushes.sum();
    }

    public long refused() {
        return refused.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    public long rejected() {
        return rejected.sum();
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long corrections() {
        return corrections.sum();
    }

    public long rowErrors(RowErrorCode code) {
        return rowErrors.get(code).sum();
    }

    @Override
    public String toString() {
        return "pushes " + pushes() + " (refused " + refused() + ", failed " + failed() + "); rows accepted "
                + accepted() + " (corrections " + corrections() + "), rejected " + rejected() + ", duplicates "
                + duplicates();
    }
}
