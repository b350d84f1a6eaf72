package vn.cantho.ioc.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Statistics of one metric over one time window for one device or one area. The streams stage
 * emits a new version whenever the window receives a reading; the latest version per {@link #key()}
 * is the truth, which is why the sink upserts. Value of
 * {@link vn.cantho.ioc.model.kafka.Topics#AGGREGATES_1M}.
 */
public record Aggregate(
        int schemaVersion,
        Scope scope,
        String entityId,
        String metric,
        String domain,
        String areaCode,
        Instant windowStart,
        Instant windowEnd,
        long count,
        double sum,
        double min,
        double max,
        double last) {

    public static final int SCHEMA_VERSION = 1;

    /** Mean of the window's values. */
    @JsonProperty("avg")
    public double avg() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Identity of the window: scope, entity, metric and window start. */
    public String key() {
        return scope.id() + '|' + entityId + '|' + metric + '|' + windowStart.toEpochMilli();
    }
}
