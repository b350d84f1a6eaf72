package vn.cantho.ioc.api.alert;

import java.time.Instant;
import java.util.List;
import vn.cantho.ioc.store.alert.LabelMatcher;
import vn.cantho.ioc.store.alert.Silence;

/**
 * A silence as the API shows it: the stored silence with each matcher as {@code {"label","op","value"}},
 * {@code op} being the operator as written ({@code =}, {@code !=}, {@code =~}, {@code !~}), the same
 * shape a client may send back when creating one.
 */
public record SilenceView(
        long id,
        List<Matcher> matchers,
        String createdBy,
        String comment,
        Instant startsAt,
        Instant endsAt,
        Instant createdAt,
        Instant expiredAt,
        String expiredBy) {

    /** One label matcher. */
    public record Matcher(String label, String op, String value) {}

    static SilenceView of(Silence s) {
        List<Matcher> matchers = s.matchers().stream()
                .map((LabelMatcher m) -> new Matcher(m.label(), m.op().symbol(), m.value()))
                .toList();
        return new SilenceView(
                s.id(),
                matchers,
                s.createdBy(),
                s.comment(),
                s.startsAt(),
                s.endsAt(),
                s.createdAt(),
                s.expiredAt(),
                s.expiredBy());
    }
}
