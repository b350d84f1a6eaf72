package vn.cantho.ioc.store.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Granularity;
import vn.cantho.ioc.model.Indicator;
import vn.cantho.ioc.model.Scope;
import vn.cantho.ioc.store.Database;

/**
 * What {@link IndicatorWriter} and {@link IndicatorQueries} must do on both storage dialects:
 * {@link IndicatorPostgresIT} runs it on plain PostgreSQL 15, {@link IndicatorTimescaleIT} on TimescaleDB.
 * Every test uses indicator ids of its own, because the TimescaleDB server is one shared database per JVM.
 */
abstract class IndicatorStoreSuite {

    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    abstract Database database();

    private IndicatorWriter writer() {
        return new IndicatorWriter(database().dataSource());
    }

    private IndicatorQueries queries() {
        return new IndicatorQueries(database().dataSource());
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void upsert_stores_every_field_and_reads_it_back_unchanged() {
        // Given
        String id = unique("aqi");
        Indicator value = new Indicator(
                Indicator.SCHEMA_VERSION,
                id,
                Scope.DEVICE,
                "aq-ninh-kieu-01",
                "environment",
                "ninh-kieu",
                Granularity.HOUR,
                T0,
                T0.plus(HOUR),
                62.0,
                new TreeMap<>(Map.of("channel", "web")),
                Map.of("category", "Trung bình", "colour", "#FFFF00", "note", "quote ' and \" ok"),
                T0.plusSeconds(1800));

        // When
        writer().upsert(List.of(value));

        // Then
        assertThat(queries().find(IndicatorQuery.all().withIndicator(id)).items())
                .containsExactly(value);
    }

    @Test
    void an_older_computed_at_never_overwrites_a_newer_one_and_replays_change_nothing() {
        String id = unique("guard");
        Indicator v1 = value(id, "aq-1", T0, 50, T0.plusSeconds(60));
        Indicator v2 = value(id, "aq-1", T0, 70, T0.plusSeconds(120));

        writer().upsert(List.of(v1));
        writer().upsert(List.of(v2));
        writer().upsert(List.of(v1));
        writer().upsert(List.of(v2, v1));
        writer().upsert(List.of(v1, v2, v1));

        assertThat(queries().find(IndicatorQuery.all().withIndicator(id)).items())
                .containsExactly(v2);
    }

    @Test
    void a_version_with_the_same_computed_at_replaces_the_stored_one() {
        // A late reading changes a value without advancing the station's latest event time.
        String id = unique("tie");
        writer().upsert(List.of(value(id, "aq-1", T0, 60, T0.plusSeconds(60))));
        writer().upsert(List.of(value(id, "aq-1", T0, 69, T0.plusSeconds(60))));

        assertThat(queries().find(IndicatorQuery.all().withIndicator(id)).items())
                .extracting(Indicator::value)
                .containsExactly(69.0);
    }

    @Test
    void filters_select_by_indicator_domain_scope_entity_area_granularity_and_period() {
        String id = unique("flt");
        String other = unique("flt_other");
        List<Indicator> rows = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            rows.add(value(id, "aq-1", T0.plus(HOUR.multipliedBy(h)), h, T0));
            rows.add(value(id, "aq-2", T0.plus(HOUR.multipliedBy(h)), 10 + h, T0));
        }
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                id,
                Scope.AREA,
                "cai-rang",
                "environment",
                "cai-rang",
                Granularity.DAY,
                T0,
                T0.plus(Duration.ofDays(1)),
                99,
                null,
                null,
                T0));
        rows.add(new Indicator(
                Indicator.SCHEMA_VERSION,
                other,
                Scope.AGENCY,
                "so-tttt",
                "government",
                null,
                Granularity.DAY,
                T0,
                T0.plus(Duration.ofDays(1)),
                1,
                null,
                null,
                T0));
        writer().upsert(rows);

        assertThat(values(IndicatorQuery.all().withIndicator(id).withEntityId("aq-2")))
                .containsExactly(10.0, 11.0, 12.0);
        assertThat(values(IndicatorQuery.all().withIndicator(id).withAreaCode("cai-rang")))
                .containsExactly(99.0);
        assertThat(values(IndicatorQuery.all().withIndicator(id).withScope(Scope.AREA)))
                .containsExactly(99.0);
        assertThat(values(IndicatorQuery.all().withIndicator(id).withGranularity(Granularity.DAY)))
                .containsExactly(99.0);
        assertThat(values(IndicatorQuery.all()
                        .withIndicator(id)
                        .withEntityId("aq-1")
                        .withRange(T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2)))))
                .containsExactly(1.0);
        assertThat(values(IndicatorQuery.all()
                        .withDomain("government")
                        .withEntityId("so-tttt")
                        .withIndicator(other)))
                .containsExactly(1.0);
        assertThat(values(IndicatorQuery.all().withIndicator(id).withDomain("government")))
                .isEmpty();
    }

    @Test
    void cursor_paging_returns_every_row_once_in_order() {
        String id = unique("page");
        List<Indicator> rows = new ArrayList<>();
        for (int h = 0; h < 5; h++) {
            for (String entity : List.of("aq-a", "aq-b", "aq-c")) {
                rows.add(value(id, entity, T0.plus(HOUR.multipliedBy(h)), h * 10 + entity.charAt(3) - 'a', T0));
            }
        }
        writer().upsert(rows);

        List<Indicator> seen = new ArrayList<>();
        IndicatorQuery query = IndicatorQuery.all().withIndicator(id).withLimit(4);
        int pages = 0;
        while (true) {
            IndicatorPage page = queries().find(query);
            seen.addAll(page.items());
            pages++;
            if (page.nextCursor() == null) {
                break;
            }
            query = query.after(IndicatorCursor.decode(page.nextCursor()));
        }

        assertThat(pages).isEqualTo(4);
        assertThat(seen)
                .extracting(Indicator::value)
                .containsExactly(0.0, 1.0, 2.0, 10.0, 11.0, 12.0, 20.0, 21.0, 22.0, 30.0, 31.0, 32.0, 40.0, 41.0, 42.0);
    }

    @Test
    void latest_returns_the_newest_period_per_entity_optionally_in_one_area() {
        String id = unique("latest");
        writer().upsert(List.of(
                value(id, "aq-1", "ninh-kieu", T0, 1),
                value(id, "aq-1", "ninh-kieu", T0.plus(HOUR), 2),
                value(id, "aq-2", "ninh-kieu", T0, 3),
                value(id, "aq-3", "cai-rang", T0.plus(HOUR.multipliedBy(5)), 4)));

        assertThat(queries().latest(id, null))
                .extracting(i -> i.entityId() + "=" + i.value())
                .containsExactly("aq-1=2.0", "aq-2=3.0", "aq-3=4.0");
        assertThat(queries().latest(id, "ninh-kieu"))
                .extracting(i -> i.entityId() + "=" + i.value())
                .containsExactly("aq-1=2.0", "aq-2=3.0");
        assertThat(queries().latest(unique("none"), null)).isEmpty();
    }

    private List<Double> values(IndicatorQuery query) {
        return queries().find(query).items().stream().map(Indicator::value).toList();
    }

    private static Indicator value(String id, String entity, Instant hour, double value, Instant computedAt) {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                id,
                Scope.DEVICE,
                entity,
                "environment",
                "ninh-kieu",
                Granularity.HOUR,
                hour,
                hour.plus(HOUR),
                value,
                null,
                Map.of("v", Double.toString(value)),
                computedAt);
    }

    private static Indicator value(String id, String entity, String area, Instant hour, double value) {
        return new Indicator(
                Indicator.SCHEMA_VERSION,
                id,
                Scope.DEVICE,
                entity,
                "environment",
                area,
                Granularity.HOUR,
                hour,
                hour.plus(HOUR),
                value,
                null,
                null,
                hour);
    }
}
