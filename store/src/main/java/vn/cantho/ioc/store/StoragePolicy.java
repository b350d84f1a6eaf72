package vn.cantho.ioc.store;

/**
 * Retention, compression and rollup constants shared by the TimescaleDB migration (policies) and
 * {@link RollupMaintainer} (plain PostgreSQL), as PostgreSQL interval literals. Changing one here
 * only affects new databases on TimescaleDB (the policies are created by migrations V3 and V12); use
 * {@code remove_retention_policy}/{@code add_retention_policy} to change a running one.
 */
public final class StoragePolicy {

    /** Raw observations are kept this long. */
    public static final String RAW_RETENTION = "30 days";
    /** One-minute aggregates are kept this long; hourly and daily rollups are kept forever. */
    public static final String MINUTE_RETENTION = "365 days";
    /** TimescaleDB compresses chunks of raw observations and one-minute aggregates older than this. */
    public static final String COMPRESS_AFTER = "7 days";
    /** Chunk width of the readings hypertable (raw data, migration V12). */
    public static final String RAW_CHUNK = "1 day";
    /** Chunk width of the one-minute hypertable. */
    public static final String MINUTE_CHUNK = "7 days";
    /**
     * Origin of daily buckets: midnight in Cần Thơ (UTC+7, no daylight saving), so a "day" is a local
     * day on both dialects ({@code time_bucket(..., origin)} / {@code date_bin(..., origin)}). Hours are
     * whole in both UTC and UTC+7.
     */
    public static final String DAY_ORIGIN = "2000-01-01 00:00:00+07";
    /** Origin of hourly buckets. */
    public static final String HOUR_ORIGIN = "2000-01-01 00:00:00+00";

    private StoragePolicy() {}
}
