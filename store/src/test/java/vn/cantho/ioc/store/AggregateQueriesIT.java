package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cantho.ioc.store.Aggregates.aggregate;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * Reads a fixed data set: devices d1, d2 in area north and d3 in area south, plus both areas' own rows,
 * each with windows at minutes 0 to 4 — 25 rows of one metric.
 */
@Tag("db")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AggregateQueriesIT {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");
    private static final int MINUTES = 5;
    private static final String METRIC = "pm25";

    private static Database database;
    private static AggregateWriter writer;
    private static AggregateQueries queries;

    @BeforeAll
    static void writeDataSet() throws SQLException {
        SharedServers servers = SharedServers.get();
        database = Database.open(
                TestSchemas.freshSchemaUrl(servers, "queries_it"), servers.dbUser(), servers.dbPassword(), 4);
        writer = new AggregateWriter(database.dataSource());
        queries = new AggregateQueries(database.dataSource());
        List<Aggregate> rows = new ArrayList<>();
        for (int minute = 0; minute < MINUTES; minute++) {
            Instant start = minute(minute);
            rows.add(aggregate(METRIC, Scope.DEVICE, "d1", "north", start, 1));
            rows.add(aggregate(METRIC, Scope.DEVICE, "d2", "north", start, 2));
            rows.add(aggregate(METRIC, Scope.DEVICE, "d3", "south", start, 3));
            rows.add(aggregate(METRIC, Scope.AREA, "north", "north", start, 3));
            rows.add(aggregate(METRIC, Scope.AREA, "south", "south", start, 3));
        }
        rows.add(aggregate("pm10", Scope.DEVICE, "d1", "north", T0, 1));
        writer.upsert(rows);
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void without_filters_every_row_of_the_metric_comes_in_bucket_scope_entity_order() {
        // When
        AggregatePage page = queries.find(AggregateQuery.of(METRIC));

        // Then
        assertThat(page.items()).hasSize(25).allSatisfy(row -> assertThat(row.metric())
                .isEqualTo(METRIC));
        assertThat(page.items())
                .isSortedAccordingTo(Comparator.comparing(AggregateRow::bucket)
                        .thenComparing(row -> row.scope().id())
                        .thenComparing(AggregateRow::entityId));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void scope_filter_keeps_only_that_scope() {
        assertThat(queries.find(AggregateQuery.of(METRIC).withScope(Scope.DEVICE))
                        .items())
                .hasSize(15)
                .allSatisfy(row -> assertThat(row.scope()).isEqualTo(Scope.DEVICE));
        assertThat(queries.find(AggregateQuery.of(METRIC).withScope(Scope.AREA)).items())
                .hasSize(10);
    }

    @Test
    void entity_filter_keeps_only_that_entity() {
        // When
        List<AggregateRow> rows = queries.find(
                        AggregateQuery.of(METRIC).withScope(Scope.DEVICE).withEntityId("d2"))
                .items();

        // Then
        assertThat(rows).hasSize(MINUTES).allSatisfy(row -> assertThat(row.entityId())
                .isEqualTo("d2"));
    }

    @Test
    void area_filter_with_device_scope_keeps_the_devices_of_that_area() {
        // When
        List<AggregateRow> rows = queries.find(
                        AggregateQuery.of(METRIC).withScope(Scope.DEVICE).withAreaCode("north"))
                .items();

        // Then
        assertThat(rows).hasSize(10).extracting(AggregateRow::entityId).containsOnly("d1", "d2");
    }

    @Test
    void area_filter_with_area_scope_keeps_the_area_itself() {
        // When
        List<AggregateRow> rows = queries.find(
                        AggregateQuery.of(METRIC).withScope(Scope.AREA).withAreaCode("south"))
                .items();

        // Then
        assertThat(rows).hasSize(MINUTES).extracting(AggregateRow::entityId).containsOnly("south");
    }

    @Test
    void time_range_includes_from_and_excludes_to() {
        // When
        List<AggregateRow> rows = queries.find(AggregateQuery.of(METRIC).withRange(minute(1), minute(3)))
                .items();

        // Then
        assertThat(rows).hasSize(10).extracting(AggregateRow::bucket).containsOnly(minute(1), minute(2));
    }

    @Test
    void paging_with_the_cursor_returns_every_row_once_in_order() {
        // Given
        List<AggregateRow> all = queries.find(AggregateQuery.of(METRIC)).items();

        // When
        List<AggregateRow> paged = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        AggregateQuery query = AggregateQuery.of(METRIC).withLimit(4);
        AggregatePage page;
        do {
            page = queries.find(query);
            paged.addAll(page.items());
            pageSizes.add(page.items().size());
            query = page.nextCursor() == null ? query : query.after(AggregateCursor.decode(page.nextCursor()));
        } while (page.nextCursor() != null);

        // Then
        assertThat(paged).isEqualTo(all);
        assertThat(pageSizes).containsExactly(4, 4, 4, 4, 4, 4, 1);
    }

    @Test
    void a_page_that_ends_exactly_at_the_last_row_has_no_next_cursor() {
        // When
        AggregatePage first = queries.find(AggregateQuery.of(METRIC).withLimit(24));
        AggregatePage last =
                queries.find(AggregateQuery.of(METRIC).withLimit(24).after(AggregateCursor.decode(first.nextCursor())));
        AggregatePage whole = queries.find(AggregateQuery.of(METRIC).withLimit(25));

        // Then
        assertThat(first.nextCursor()).isNotNull();
        assertThat(last.items()).hasSize(1);
        assertThat(last.nextCursor()).isNull();
        assertThat(whole.nextCursor()).isNull();
    }

    @Test
    void paging_combines_with_filters() {
        // When
        AggregateQuery query = AggregateQuery.of(METRIC)
                .withScope(Scope.DEVICE)
                .withAreaCode("north")
                .withLimit(3);
        AggregatePage first = queries.find(query);
        AggregatePage second = queries.find(query.after(AggregateCursor.decode(first.nextCursor())));

        // Then
        assertThat(first.items()).extracting(AggregateRow::entityId).containsExactly("d1", "d2", "d1");
        assertThat(second.items()).extracting(AggregateRow::entityId).containsExactly("d2", "d1", "d2");
        assertThat(second.items().get(0).bucket()).isEqualTo(minute(1));
    }

    @Test
    void sql_in_filter_values_is_just_a_value_that_matches_nothing() {
        // When
        AggregatePage page =
                queries.find(AggregateQuery.of("pm25' OR '1'='1").withEntityId("x'; DROP TABLE metric_agg_1m; --"));
        AggregatePage byEntity = queries.find(AggregateQuery.of(METRIC).withEntityId("d1' OR '1'='1"));

        // Then
        assertThat(page.items()).isEmpty();
        assertThat(byEntity.items()).isEmpty();
        assertThat(queries.find(AggregateQuery.of(METRIC)).items()).hasSize(25);
    }

    private static Instant minute(int minute) {
        return T0.plusSeconds(60L * minute);
    }
}
