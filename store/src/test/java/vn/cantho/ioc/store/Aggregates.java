package vn.cantho.ioc.store;

import java.time.Instant;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/** Builds test aggregates whose statistics follow from their count, so versions are easy to tell apart. */
final class Aggregates {

    private Aggregates() {}

    static Aggregate aggregate(
            String metric, Scope scope, String entityId, String areaCode, Instant start, long count) {
        return new Aggregate(
                Aggregate.SCHEMA_VERSION,
                scope,
                entityId,
                metric,
                "environment",
                areaCode,
                start,
                start.plusSeconds(60),
                count,
                count * 10.0,
                1.0,
                count * 2.0,
                count + 0.5);
    }
}
