package vn.cantho.ioc.store;

import static vn.cantho.ioc.store.StoragePolicy.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On plain PostgreSQL, does what TimescaleDB's policies do: keeps {@code metric_agg_1h} and
 * {@code metric_agg_1d} up to date from {@code metric_agg_1m}, and deletes raw observations and
 * one-minute aggregates past retention ({@link StoragePolicy}). The hub runs {@link #runOnce()}
 * periodically. On TimescaleDB it does nothing: continuous aggregates and policies do the work.
 *
 * <p>Each run, in one transaction: finds the (entity, metric, hour/day) buckets whose one-minute rows
 * changed since the watermark ({@code updated_at}, minus a safety overlap for writes that committed
 * late), recomputes those buckets entirely with {@code INSERT … SELECT … ON CONFLICT DO UPDATE}
 * (idempotent: running twice changes nothing), deletes past retention, and advances the watermark to
 * the run's start. A transaction-level advisory lock makes concurrent hubs take turns.
 */
public final class RollupMaintainer {

    static final String WATERMARK_NAME = "metric_agg_rollups";
    /** Writes whose transaction started before the watermark but committed after it are still seen. */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    private static final long LOCK_KEY = 0x10C_0A66L;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(RollupMaintainer.class);

    private final DataSource dataSource;
    private final StorageDialect dialect;

    public RollupMaintainer(DataSource dataSource, StorageDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    public StorageDialect dialect() {
        return dialect;
    }

    /** What one run did. */
    public record Result(boolean ran, int hourRows, int dayRows, int readingsDeleted, int minuteRowsDeleted) {
        static final Result SKIPPED = new Result(false, 0, 0, 0, 0);
    }

    /**
     * One maintenance pass; a no-op on TimescaleDB or while another hub holds the lock.
     *
     * @throws StoreException when the database fails; nothing of the run is kept, the next run redoes it
     */
    public Result runOnce() {
        if (dialect == StorageDialect.TIMESCALEDB) {
            return Result.SKIPPED;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, (int) RUN_TIMEOUT.toMillis());
            connection.setAutoCommit(false);
            try {
                Result result = run(connection);
                connection.commit();
                if (result.ran()) {
                    LOG.debug("rollup maintenance: {}", result);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.wrap("maintaining rollups and retention", e);
        }
    }

    /**
     * Runs {@link #runOnce()} every {@code interval} (fixed delay, first run at once) on a daemon thread
     * until the returned handle is closed. Failures are logged and retried at the next tick. On
     * TimescaleDB nothing is scheduled.
     */
    public AutoCloseable scheduleEvery(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("rollup interval must be positive, got " + interval);
        }
        if (dialect == StorageDialect.TIMESCALEDB) {
            LOG.info("TimescaleDB: rollups and retention are maintained by its continuous aggregates and policies");
            return () -> {};
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rollup-maintainer");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean failing = new AtomicBoolean();
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        runOnce();
                        if (failing.getAndSet(false)) {
                            LOG.info("rollup maintenance works again");
                        }
                    } catch (RuntimeException e) {
                        if (!failing.getAndSet(true)) {
                            LOG.warn("rollup maintenance failed; retrying every {}: {}", interval, e.getMessage());
                        }
                    }
                },
                0,
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("plain PostgreSQL: the hub maintains hourly/daily rollups and retention every {}", interval);
        return () -> {
            executor.shutdownNow();
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("rollup maintenance did not stop within 30 s");
            }
        };
    }

    private Result run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT pg_try_advisory_xact_lock(" + LOCK_KEY + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Result.SKIPPED;
                }
            }
            // now() is the transaction start: every row written later has a later updated_at.
            statement.execute("CREATE TEMPORARY TABLE rollup_touched ON COMMIT DROP AS"
                    + " SELECT DISTINCT scope, entity_id, metric, bucket FROM metric_agg_1m"
                    + " WHERE updated_at >= (SELECT through FROM rollup_watermark WHERE name = '" + WATERMARK_NAME
                    + "') - INTERVAL '" + OVERLAP.toSeconds() + " seconds'");
            int hours = statement.executeUpdate(rollup(AggregateTier.HOUR, HOUR_ORIGIN));
            int days = statement.executeUpdate(rollup(AggregateTier.DAY, DAY_ORIGIN));
            int raw =
                    statement.executeUpdate("DELETE FROM readings WHERE ts < now() - INTERVAL '" + RAW_RETENTION + "'");
            int minutes = statement.executeUpdate(
                    "DELETE FROM metric_agg_1m WHERE bucket < now() - INTERVAL '" + MINUTE_RETENTION + "'");
            try (PreparedStatement advance =
                    connection.prepareStatement("UPDATE rollup_watermark SET through = now() WHERE name = ?")) {
                advance.setString(1, WATERMARK_NAME);
                advance.executeUpdate();
            }
            return new Result(true, hours, days, raw, minutes);
        }
    }

    /** Recomputes every touched bucket of {@code tier} from its one-minute rows; same formulas as the caggs. */
    static String rollup(AggregateTier tier, String origin) {
        String width = "INTERVAL '" + tier.width().toSeconds() + " seconds'";
        String bucketOf = "date_bin(" + width + ", %s, TIMESTAMPTZ '" + origin + "')";
        String t = tier.relation();
        return "WITH keys AS (SELECT DISTINCT scope, entity_id, metric, " + bucketOf.formatted("bucket") + " AS tb"
                + " FROM rollup_touched)"
                + " INSERT INTO " + t + " (scope, entity_id, metric, domain, area_code, bucket, bucket_end,"
                + " sample_count, sum_value, min_value, max_value, avg_value, last_value, updated_at)"
                + " SELECT m.scope, m.entity_id, m.metric,"
                + " (array_agg(m.domain ORDER BY m.bucket DESC))[1], (array_agg(m.area_code ORDER BY m.bucket DESC))[1],"
                + " k.tb, k.tb + " + width + ", sum(m.sample_count)::bigint, sum(m.sum_value), min(m.min_value),"
                + " max(m.max_value), sum(m.sum_value) / NULLIF(sum(m.sample_count)::bigint, 0),"
                + " (array_agg(m.last_value ORDER BY m.bucket DESC))[1], max(m.updated_at)"
                + " FROM keys k JOIN metric_agg_1m m ON m.scope = k.scope AND m.entity_id = k.entity_id"
                + " AND m.metric = k.metric AND m.bucket >= k.tb AND m.bucket < k.tb + " + width
                + " GROUP BY m.scope, m.entity_id, m.metric, k.tb"
                + " ORDER BY m.scope, m.entity_id, m.metric, k.tb"
                + " ON CONFLICT (scope, entity_id, metric, bucket) DO UPDATE SET"
                + " domain = EXCLUDED.domain, area_code = EXCLUDED.area_code, bucket_end = EXCLUDED.bucket_end,"
                + " sample_count = EXCLUDED.sample_count, sum_value = EXCLUDED.sum_value,"
                + " min_value = EXCLUDED.min_value, max_value = EXCLUDED.max_value, avg_value = EXCLUDED.avg_value,"
                + " last_value = EXCLUDED.last_value, updated_at = EXCLUDED.updated_at"
                + " WHERE (" + t + ".domain, " + t + ".area_code, " + t + ".sample_count, " + t + ".sum_value, "
                + t + ".min_value, " + t + ".max_value, " + t + ".last_value, " + t + ".updated_at)"
                + " IS DISTINCT FROM (EXCLUDED.domain, EXCLUDED.area_code, EXCLUDED.sample_count,"
                + " EXCLUDED.sum_value, EXCLUDED.min_value, EXCLUDED.max_value, EXCLUDED.last_value,"
                + " EXCLUDED.updated_at)";
    }
}
