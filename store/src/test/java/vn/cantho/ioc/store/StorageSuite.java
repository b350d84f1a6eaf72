package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/**
 * The storage test suite both dialects must pass (DESIGN §3): {@link PostgresStorageIT} runs it on plain
 * PostgreSQL 15, {@link TimescaleStorageIT} on TimescaleDB. Subclasses say how to make the database do
 * its maintenance now: the hub's {@link RollupMaintainer} on PostgreSQL, {@code CALL run_job(id)} on
 * TimescaleDB (the test server has no scheduler). Every test uses entity ids of its own, because the
 * TimescaleDB server is one shared database per JVM.
 */
abstract class StorageSuite {

    static final ZoneOffset CAN_THO = ZoneOffset.ofHours(7);

    abstract Database database();

    abstract StorageDialect expectedDialect();

    /** Brings metric_agg_1h and metric_agg_1d up to date. */
    abstract void refreshRollups() throws SQLException;

    /** Applies the retention policies. */
    abstract void applyRetention() throws SQLException;

    /** Compresses old chunks where the dialect can; a no-op on plain PostgreSQL. */
    abstract void compressOldChunks() throws SQLException;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void migrations_apply_from_empty_and_create_every_tier_in_the_expected_dialect() throws SQLException {
        assertThat(StorageDialect.of(database().dataSource())).isEqualTo(expectedDialect());
        assertThat(strings("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .contains("1", "3", "12")
                .doesNotHaveDuplicates();
        for (String relation : List.of("readings", "observations", "metric_agg_1m", "metric_agg_1h", "metric_agg_1d")) {
            assertThat(strings("SELECT to_regclass('" + relation + "')::text"))
                    .as(relation)
                    .containsExactly(relation);
        }
        // Same reader-visible columns on every tier and dialect.
        for (AggregateTier tier : AggregateTier.values()) {
            assertThat(strings("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                            + tier.relation() + "' AND table_schema = current_schema() ORDER BY column_name"))
                    .as(tier.relation())
                    .containsExactlyInAnyOrder(
                            "scope",
                            "entity_id",
                            "metric",
                            "domain",
                            "area_code",
                            "bucket",
                            "bucket_end",
                            "sample_count",
                            "sum_value",
                            "min_value",
                            "max_value",
                            "avg_value",
                            "last_value",
                            "updated_at");
        }
    }

    @Test
    void observation_writer_is_batched_and_idempotent() throws SQLException {
        String device = unique("obs");
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        ObservationWriter writer = new ObservationWriter(database().dataSource());
        List<ObservationRow> batch = List.of(
                new ObservationRow(device, "pm25", t, 12.5, "environment", "ninh-kieu", t.plusSeconds(1)),
                new ObservationRow(device, "pm10", t, 30.0, "environment", "ninh-kieu", t.plusSeconds(1)),
                new ObservationRow(device, "pm25", t.plusSeconds(60), 13.0, "environment", "ninh-kieu", null),
                // a duplicate inside the batch is written once
                new ObservationRow(device, "pm25", t, 12.5, "environment", "ninh-kieu", t.plusSeconds(1)));

        assertThat(writer.insert(batch)).isPositive();
        writer.insert(batch);
        writer.insert(List.of(new ObservationRow(device, "pm25", t, 99.0, "environment", "ninh-kieu", null)));

        assertThat(strings("SELECT metric || ' ' || value || ' ' || coalesce(area_code, '-') FROM observations"
                        + " WHERE device_id = '" + device + "' ORDER BY ts, metric"))
                .containsExactly("pm10 30 ninh-kieu", "pm25 12.5 ninh-kieu", "pm25 13 ninh-kieu");
    }

    @Test
    void values_of_one_reading_that_arrive_apart_are_merged_into_one_row_and_the_first_value_of_a_metric_wins()
            throws SQLException {
        // Given a reading stored with two metrics
        String device = unique("obs-merge");
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        ObservationWriter writer = new ObservationWriter(database().dataSource());
        writer.insert(List.of(
                new ObservationRow(device, "pm25", t, 12.5, "environment", "ninh-kieu", t),
                new ObservationRow(device, "pm10", t, 30.0, "environment", "ninh-kieu", t)));

        // When values of the same device and time arrive in later batches: one new metric, one already stored
        int merged = writer.insert(List.of(
                new ObservationRow(device, "no2", t, 41.0, "environment", "ninh-kieu", t.plusSeconds(5)),
                new ObservationRow(device, "pm25", t, 99.0, "environment", "ninh-kieu", t.plusSeconds(5))));
        int unchanged = writer.insert(List.of(new ObservationRow(device, "pm10", t, 1.0, "environment", null, null)));

        // Then the reading is one row with the three metrics, each with its first value
        assertThat(merged).isEqualTo(1);
        assertThat(unchanged).isZero();
        assertThat(strings("SELECT array_to_string(metrics, ' ') || ' ' || array_to_string(metric_values, ' ')"
                        + " FROM readings WHERE device_id = '" + device + "'"))
                .containsExactly("pm25 pm10 no2 12.5 30 41");
        assertThat(strings("SELECT metric || ' ' || value || ' ' || area_code FROM observations"
                        + " WHERE device_id = '" + device + "' ORDER BY metric"))
                .containsExactly("no2 41 ninh-kieu", "pm10 30 ninh-kieu", "pm25 12.5 ninh-kieu");
    }

    @Test
    void metric_names_with_quotes_commas_and_braces_are_stored_as_given() throws SQLException {
        String device = unique("obs-names");
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        List<String> names = List.of("a,b", "say \"hi\"", "{x}", "back\\slash", " spaced ", "NULL");
        List<ObservationRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new ObservationRow(device, names.get(i), t, i, "environment", null, null));
        }

        new ObservationWriter(database().dataSource()).insert(rows);

        assertThat(strings("SELECT metric || '=' || value FROM observations WHERE device_id = '" + device + "'"))
                .containsExactlyInAnyOrder("a,b=0", "say \"hi\"=1", "{x}=2", "back\\slash=3", " spaced =4", "NULL=5");
    }

    @Test
    void observation_times_are_stored_to_the_microsecond_rounded_as_postgresql_rounds_text() throws SQLException {
        String device = unique("obs-us");
        Instant t = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        new ObservationWriter(database().dataSource())
                .insert(List.of(
                        new ObservationRow(device, "pm25", t.plusNanos(123_456_700), 1.0, "environment", null, t),
                        new ObservationRow(device, "pm10", t.plusNanos(5_500), 2.0, "environment", null, null)));

        assertThat(strings("SELECT metric || ' ' || (ts - timestamptz '" + t + "') || ' '"
                        + " || coalesce((received_at - timestamptz '" + t + "')::text, '-') FROM observations"
                        + " WHERE device_id = '" + device + "' ORDER BY metric"))
                .containsExactly("pm10 00:00:00.000006 -", "pm25 00:00:00.123457 00:00:00");
    }

    @Test
    void aggregate_writer_is_idempotent() throws SQLException {
        String device = unique("agg");
        Instant t = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        AggregateWriter writer = new AggregateWriter(database().dataSource());
        List<Aggregate> batch = List.of(minute(device, t, 3), minute(device, t.plusSeconds(60), 2));
        writer.upsert(batch);
        writer.upsert(batch);
        writer.upsert(List.of(minute(device, t, 1))); // an older version of the window is ignored

        assertThat(strings("SELECT sample_count || ' ' || sum_value FROM metric_agg_1m WHERE entity_id = '" + device
                        + "' ORDER BY bucket"))
                .containsExactly("3 30", "2 20");
    }

    @Test
    void hourly_and_daily_rollups_equal_a_hand_computation_from_the_minute_rows() throws SQLException {
        String device = unique("roll");
        String area = unique("area");
        // Local midnight (UTC+7) two days ago, inside every refresh window.
        Instant day = LocalDate.now(CAN_THO).minusDays(2).atStartOfDay(CAN_THO).toInstant();
        List<Aggregate> rows = List.of(
                minute(device, area, day.plus(Duration.ofMinutes(10)), 2), // hour 0
                minute(device, area, day.plus(Duration.ofMinutes(59)), 4), // hour 0, newest
                minute(device, area, day.plus(Duration.ofMinutes(60)), 1), // hour 1
                minute(device, area, day.plus(Duration.ofMinutes(23 * 60 + 59)), 3), // hour 23
                minute(device, area, day.plus(Duration.ofMinutes(24 * 60 + 5)), 5)); // next day, hour 0
        AggregateWriter writer = new AggregateWriter(database().dataSource());
        writer.upsert(rows);
        refreshRollups();
        refreshRollups(); // running it again changes nothing

        // count k, sum 10k, min 1, max 2k, last k + 0.5 (see minute())
        assertThat(read(AggregateTier.HOUR, device, day))
                .containsExactly(
                        line(day, Duration.ofHours(1), 6, 60, 1, 8, 4.5, area),
                        line(day.plus(Duration.ofHours(1)), Duration.ofHours(1), 1, 10, 1, 2, 1.5, area),
                        line(day.plus(Duration.ofHours(23)), Duration.ofHours(1), 3, 30, 1, 6, 3.5, area),
                        line(day.plus(Duration.ofHours(24)), Duration.ofHours(1), 5, 50, 1, 10, 5.5, area));
        assertThat(read(AggregateTier.DAY, device, day))
                .containsExactly(
                        line(day, Duration.ofDays(1), 10, 100, 1, 8, 3.5, area),
                        line(day.plus(Duration.ofDays(1)), Duration.ofDays(1), 5, 50, 1, 10, 5.5, area));

        // A late, fuller version of a window changes its rollups on the next run.
        writer.upsert(List.of(minute(device, area, day.plus(Duration.ofMinutes(60)), 7)));
        refreshRollups();
        assertThat(read(AggregateTier.HOUR, device, day))
                .element(1)
                .isEqualTo(line(day.plus(Duration.ofHours(1)), Duration.ofHours(1), 7, 70, 1, 14, 7.5, area));
        assertThat(read(AggregateTier.DAY, device, day))
                .element(0)
                .isEqualTo(line(day, Duration.ofDays(1), 16, 160, 1, 14, 3.5, area));
        // The minute tier reads the rows as written, through the same query.
        assertThat(read(AggregateTier.MINUTE, device, day)).hasSize(5);
    }

    @Test
    void retention_removes_raw_rows_and_minute_rows_past_their_tier() throws SQLException {
        String device = unique("ret");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant old = now.minus(Duration.ofDays(40));
        Instant recent = now.minus(Duration.ofDays(1));
        new ObservationWriter(database().dataSource())
                .insert(List.of(
                        new ObservationRow(device, "pm25", old, 1.0, "environment", null, old),
                        new ObservationRow(device, "pm25", recent, 2.0, "environment", null, recent)));
        Instant ancient = now.minus(Duration.ofDays(400));
        new AggregateWriter(database().dataSource())
                .upsert(List.of(minute(device, ancient, 1), minute(device, recent, 2)));

        applyRetention();

        assertThat(strings("SELECT value::text FROM observations WHERE device_id = '" + device + "'"))
                .containsExactly("2");
        assertThat(strings("SELECT sample_count::text FROM metric_agg_1m WHERE entity_id = '" + device + "'"))
                .containsExactly("2");
    }

    @Test
    void old_chunks_are_compressed_and_still_read_and_written() throws SQLException {
        String device = unique("cmp");
        Instant t = Instant.now().minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.MINUTES);
        AggregateWriter writer = new AggregateWriter(database().dataSource());
        writer.upsert(List.of(minute(device, t, 2), minute(device, t.plusSeconds(60), 3)));
        new ObservationWriter(database().dataSource())
                .insert(List.of(new ObservationRow(device, "pm25", t, 4.0, "environment", null, t)));

        compressOldChunks();

        if (expectedDialect() == StorageDialect.TIMESCALEDB) {
            assertThat(
                            strings(
                                    "SELECT count(*)::text FROM timescaledb_information.chunks WHERE hypertable_name"
                                            + " IN ('metric_agg_1m', 'readings') AND is_compressed AND range_end < now() - INTERVAL '7 days'"))
                    .first()
                    .isNotEqualTo("0");
        }
        assertThat(read(AggregateTier.MINUTE, device, t.minus(Duration.ofHours(1))))
                .hasSize(2);
        // The sink may still deliver a late version into a compressed chunk.
        writer.upsert(List.of(minute(device, t, 5)));
        writer.upsert(List.of(minute(device, t, 5)));
        assertThat(strings("SELECT sample_count::text FROM metric_agg_1m WHERE entity_id = '" + device
                        + "' ORDER BY bucket"))
                .containsExactly("5", "3");
        assertThat(strings("SELECT value::text FROM observations WHERE device_id = '" + device + "'"))
                .containsExactly("4");
    }

    // ---------------------------------------------------------------------------------------------

    static Aggregate minute(String device, Instant start, long count) {
        return minute(device, "ninh-kieu", start, count);
    }

    static Aggregate minute(String device, String area, Instant start, long count) {
        return Aggregates.aggregate("pm25", Scope.DEVICE, device, area, start, count);
    }

    private static String line(
            Instant bucket, Duration width, long count, double sum, double min, double max, double last, String area) {
        return String.format(
                Locale.ROOT,
                "%s %s %d sum=%s min=%s max=%s avg=%s last=%s %s environment",
                bucket,
                bucket.plus(width),
                count,
                sum,
                min,
                max,
                sum / count,
                last,
                area);
    }

    private List<String> read(AggregateTier tier, String device, Instant from) {
        AggregateQuery query = AggregateQuery.of("pm25")
                .withScope(Scope.DEVICE)
                .withEntityId(device)
                .withRange(from, from.plus(Duration.ofDays(3)))
                .withTier(tier);
        List<String> lines = new ArrayList<>();
        AggregatePage page = new AggregateQueries(database().dataSource()).find(query);
        for (AggregateRow r : page.items()) {
            assertThat(r.updatedAt()).isNotNull();
            lines.add(String.format(
                    Locale.ROOT,
                    "%s %s %d sum=%s min=%s max=%s avg=%s last=%s %s %s",
                    r.bucket(),
                    r.bucketEnd(),
                    r.count(),
                    r.sum(),
                    r.min(),
                    r.max(),
                    r.avg(),
                    r.last(),
                    r.areaCode(),
                    r.domain()));
        }
        return lines;
    }

    List<String> strings(String sql) throws SQLException {
        try (Connection connection = database().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    void runJobs(String procName) throws SQLException {
        List<String> jobs = strings("SELECT job_id::text FROM timescaledb_information.jobs WHERE proc_name = '"
                + procName + "' ORDER BY job_id");
        assertThat(jobs).as(procName).isNotEmpty();
        try (Connection connection = database().dataSource().getConnection();
                PreparedStatement call = connection.prepareStatement("CALL run_job(?)")) {
            for (String job : jobs) {
                call.setInt(1, Integer.parseInt(job));
                call.execute();
            }
        }
    }
}
