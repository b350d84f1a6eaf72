package vn.cantho.ioc.streams.kpi;

import java.time.Instant;
import java.util.Optional;
import vn.cantho.ioc.model.FeedRecord;

/** Typed reads of a feed record's fields (validated by the feed API, so only absence is expected). */
final class Fields {

    private Fields() {}

    static Optional<Double> number(FeedRecord record, String field) {
        return record.fields().get(field) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    static double number(FeedRecord record, String field, double absent) {
        return number(record, field).orElse(absent);
    }

    static Optional<String> text(FeedRecord record, String field) {
        return record.fields().get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    static Optional<Instant> instant(FeedRecord record, String field) {
        return text(record, field).map(Instant::parse);
    }
}
