package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.cantho.ioc.store.Aggregates.aggregate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.testkit.SharedServers;

/** Migrations and the upsert against the real PostgreSQL: idempotence, ordering of versions, batches. */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AggregateStoreIT {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    private static SharedServers servers;
    private static String schemaUrl;
    private static Database database;
    private static AggregateWriter writer;
    private static AggregateQueries queries;

    @BeforeAll
    static void openDatabase() throws SQLException {
        servers = SharedServers.get();
        schemaUrl = TestSchemas.freshSchemaUrl(servers, "store_it");
        database = Database.open(schemaUrl, servers.dbUser(), servers.dbPassword(), 4);
        writer = new AggregateWriter(database.dataSource());
        queries = new AggregateQueries(database.dataSource());
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void migrations_build_an_empty_schema_and_reopening_changes_nothing() throws SQLException {
        // Given an empty schema
        String url = TestSchemas.freshSchemaUrl(servers, "migrate_it");
        String metric = SharedServers.uniqueName("m");

        // When it is opened, written to, closed and opened again
        try (Database first = Database.open(url, servers.dbUser(), servers.dbPassword(), 2)) {
            new AggregateWriter(first.dataSource()).upsert(List.of(aggregate(metric, Scope.DEVICE, "d1", "a", T0, 1)));
            assertThat(strings(
                            first, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                    .startsWith("1", "2")
                    .doesNotHaveDuplicates();
        }
        try (Database second = Database.open(url, servers.dbUser(), servers.dbPassword(), 2)) {

            // Then each migration ran once, the indexes exist and the data survived
            assertThat(strings(second, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .startsWith("1", "2")
                    .doesNotHaveDuplicates();
            assertThat(strings(
                            second,
                            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                                    + " AND tablename = 'metric_agg_1m'"))
                    .contains(
                            "metric_agg_1m_pkey",
                            "metric_agg_1m_metric_bucket_idx",
                            "metric_agg_1m_metric_area_bucket_idx");
            assertThat(new AggregateQueries(second.dataSource())
                            .find(AggregateQuery.of(metric))
                            .items())
                    .hasSize(1);
        }
    }

    @Test
    void ping_reports_a_reachable_database_as_up() {
        assertThat(database.ping().up()).isTrue();
        assertThat(database.ping().detail()).contains("SELECT 1");
    }

    @Test
    void upsert_writes_every_field_of_new_windows() {
        // Given
        String metric = SharedServers.uniqueName("m");
        Aggregate device = aggregate(metric, Scope.DEVICE, "aq-1", "ninh-kieu", T0, 4);
        Aggregate area = aggregate(metric, Scope.AREA, "ninh-kieu", "ninh-kieu", T0, 9);

        // When
        int written = writer.upsert(List.of(device, area));

        // Then
        assertThat(written).isEqualTo(2);
        List<AggregateRow> rows = queries.find(AggregateQuery.of(metric)).items();
        assertThat(rows).hasSize(2);
        AggregateRow stored = rows.get(1);
        assertThat(stored)
                .usingRecursiveComparison()
                .ignoringFields("updatedAt")
                .isEqualTo(new AggregateRow(
                        Scope.DEVICE,
                        "aq-1",
                        metric,
                        "environment",
                        "ninh-kieu",
                        T0,
                        T0.plusSeconds(60),
                        4,
                        40.0,
                        1.0,
                        8.0,
                        10.0,
                        4.5,
                        null));
        assertThat(stored.updatedAt()).isNotNull();
        assertThat(rows.get(0).scope()).isEqualTo(Scope.AREA);
    }

    @Test
    void re_upserting_the_same_batch_changes_nothing() {
        // Given
        String metric = SharedServers.uniqueName("m");
        List<Aggregate> batch = List.of(
                aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 3),
                aggregate(metric, Scope.DEVICE, "aq-2", "a", T0, 5));
        writer.upsert(batch);
        List<AggregateRow> before = queries.find(AggregateQuery.of(metric)).items();

        // When
        int written = writer.upsert(batch);

        // Then
        assertThat(written).isZero();
        assertThat(queries.find(AggregateQuery.of(metric)).items()).isEqualTo(before);
    }

    @Test
    void an_older_version_does_not_overwrite_a_newer_one_but_a_newer_one_does() {
        // Given
        String metric = SharedServers.uniqueName("m");
        writer.upsert(List.of(aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 5)));

        // When an older version is replayed
        int replayed = writer.upsert(List.of(aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 3)));

        // Then
        assertThat(replayed).isZero();
        assertThat(onlyRow(metric).count()).isEqualTo(5);

        // When a newer version arrives
        int newer = writer.upsert(List.of(aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 6)));

        // Then
        assertThat(newer).isEqualTo(1);
        assertThat(onlyRow(metric).count()).isEqualTo(6);
        assertThat(onlyRow(metric).last()).isEqualTo(6.5);
    }

    @Test
    void duplicates_within_one_batch_keep_the_last_even_with_rewritten_batch_inserts() throws SQLException {
        // Given a pool whose driver turns the batch into one multi-row INSERT
        String metric = SharedServers.uniqueName("m");
        String rewriting = TestSchemas.withParameter(schemaUrl, "reWriteBatchedInserts=true");
        try (Database rewritingDb = Database.open(rewriting, servers.dbUser(), servers.dbPassword(), 2)) {
            List<Aggregate> batch = List.of(
                    aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 2),
                    aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 7),
                    aggregate(metric, Scope.DEVICE, "aq-2", "a", T0, 1),
                    aggregate(metric, Scope.DEVICE, "aq-1", "a", T0, 4));

            // When
            new AggregateWriter(rewritingDb.dataSource()).upsert(batch);
        }

        // Then
        List<AggregateRow> rows = queries.find(AggregateQuery.of(metric)).items();
        assertThat(rows)
                .extracting(AggregateRow::entityId, AggregateRow::count)
                .containsExactly(tuple("aq-1", 4L), tuple("aq-2", 1L));
    }

    @Test
    void a_large_batch_is_written_in_one_call() {
        // Given
        String metric = SharedServers.uniqueName("m");
        List<Aggregate> batch = new ArrayList<>();
        for (int minute = 0; minute < 100; minute++) {
            for (int device = 0; device < 30; device++) {
                batch.add(aggregate(metric, Scope.DEVICE, "aq-" + device, "a", T0.plusSeconds(60L * minute), 1));
            }
        }

        // When
        int written = writer.upsert(batch);

        // Then
        assertThat(written).isEqualTo(3000);
        assertThat(queries.find(AggregateQuery.of(metric).withLimit(AggregateQuery.MAX_LIMIT))
                        .items())
                .hasSize(3000);
    }

    @Test
    void an_empty_window_is_stored_without_an_average() {
        // Given
        String metric = SharedServers.uniqueName("m");
        Aggregate empty = new Aggregate(
                1,
                Scope.AREA,
                "city",
                metric,
                "environment",
                null,
                T0,
                T0.plusSeconds(60),
                0,
                0,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                Double.NaN);

        // When
        writer.upsert(List.of(empty));

        // Then
        AggregateRow row = onlyRow(metric);
        assertThat(row.avg()).isNull();
        assertThat(row.areaCode()).isNull();
        assertThat(row.min()).isInfinite();
        assertThat(row.last()).isNaN();
    }

    private AggregateRow onlyRow(String metric) {
        List<AggregateRow> rows = queries.find(AggregateQuery.of(metric)).items();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> strings(Database db, String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
