package vn.cantho.ioc.store.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A silence: alerts matching every matcher are not notified between {@link #startsAt()} and
 * {@link #endsAt()}. Expiring one sets {@link #expiredAt()}; silences are never deleted.
 */
public record Silence(
        long id,
        List<LabelMatcher> matchers,
        String createdBy,
        String comment,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt,
        Instant expiredAt,
        String expiredBy) {

    public Silence {
        matchers = List.copyOf(matchers);
    }

    /** Whether it silences now: started, not ended, not expired. */
    public boolean activeAt(Instant now) {
        return expiredAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** Whether it applies to an alert with these labels (see {@link LabelMatcher#labelsOf}) at {@code now}. */
    public boolean silences(Map<String, String> labels, Instant now) {
        return activeAt(now) && LabelMatcher.all(matchers, labels);
    }
}
