package vn.cantho.ioc.api.alertmanager;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;

/**
 * A hub silence in the shape of Alertmanager's {@code gettableSilence}. {@code createdBy} is the hub's
 * actor (the token that made it), whatever the client sent; {@code updatedAt} is when it was expired,
 * else when it was made.
 */
record AmSilence(
        String id,
        Status status,
        Instant updatedAt,
        List<Matcher> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment) {

    record Status(String state) {}

    /** Named explicitly: Jackson would otherwise drop the {@code is} of a boolean accessor. */
    record Matcher(
            String name,
            String value,
            @JsonProperty("isRegex") boolean isRegex,
            @JsonProperty("isEqual") boolean isEqual) {}

    static AmSilence of(Silence s, Instant now) {
        List<Matcher> matchers = s.matchers().stream().map(AmSilence::matcher).toList();
        // An expired silence ends when it was expired, as in Alertmanager.
        Instant endsAt = s.expiredAt() != null && s.expiredAt().isBefore(s.endsAt()) ? s.expiredAt() : s.endsAt();
        String state = s.expiredAt() != null || !now.isBefore(endsAt)
                ? "expired"
                : now.isBefore(s.startsAt()) ? "pending" : "active";
        return new AmSilence(
                SilenceIds.toUuid(s.id()),
                new Status(state),
                s.expiredAt() != null ? s.expiredAt() : s.createdAt(),
                matchers,
                s.startsAt(),
                endsAt,
                s.createdBy(),
                s.comment());
    }

    private static Matcher matcher(LabelMatcher m) {
        return new Matcher(
                m.label(),
                m.value(),
                m.op() == LabelMatcher.Op.RE || m.op() == LabelMatcher.Op.NRE,
                m.op() == LabelMatcher.Op.EQ || m.op() == LabelMatcher.Op.RE);
    }
}
