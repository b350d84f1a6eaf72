package vn.cantho.ioc.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The resolutions aggregates are stored at, each in its own relation with the same columns. On
 * TimescaleDB {@code metric_agg_1h} and {@code metric_agg_1d} are views over continuous aggregates; on
 * plain PostgreSQL they are tables kept up to date by {@link RollupMaintainer}. Readers only use the
 * relation name, so they never care which one they hit.
 */
public enum AggregateTier {
    MINUTE("1m", "metric_agg_1m", Duration.ofMinutes(1)),
    HOUR("1h", "metric_agg_1h", Duration.ofHours(1)),
    DAY("1d", "metric_agg_1d", Duration.ofDays(1));

    private final String id;
    private final String relation;
    private final Duration width;

    AggregateTier(String id, String relation, Duration width) {
        this.id = id;
        this.relation = relation;
        this.width = width;
    }

    /** As written in the API: {@code 1m}, {@code 1h}, {@code 1d}. */
    public String id() {
        return id;
    }

    /** The table or view holding this tier (a fixed identifier, safe to splice into SQL). */
    public String relation() {
        return relation;
    }

    /** Bucket width. Daily buckets are Cần Thơ days (00:00 at UTC+7), see {@link StoragePolicy#DAY_ORIGIN}. */
    public Duration width() {
        return width;
    }

    public static Optional<AggregateTier> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
