package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Scope;

/** Construction rules of {@link AggregateQuery}. */
class AggregateQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void a_new_query_has_no_filters_and_the_default_page_size() {
        // When
        AggregateQuery query = AggregateQuery.of("pm25");

        // Then
        assertThat(query.scope()).isNull();
        assertThat(query.entityId()).isNull();
        assertThat(query.areaCode()).isNull();
        assertThat(query.from()).isNull();
        assertThat(query.to()).isNull();
        assertThat(query.after()).isNull();
        assertThat(query.limit()).isEqualTo(AggregateQuery.DEFAULT_LIMIT);
    }

    @Test
    void withers_change_only_their_own_field() {
        // Given
        AggregateCursor cursor = new AggregateCursor(T0, Scope.DEVICE, "d1");

        // When
        AggregateQuery query = AggregateQuery.of("pm25")
                .withScope(Scope.DEVICE)
                .withEntityId("d1")
                .withAreaCode("ninh-kieu")
                .withRange(T0, T0.plusSeconds(60))
                .withLimit(7)
                .after(cursor);

        // Then
        assertThat(query)
                .isEqualTo(
                        new AggregateQuery("pm25", Scope.DEVICE, "d1", "ninh-kieu", T0, T0.plusSeconds(60), 7, cursor));
    }

    @Test
    void a_query_without_metric_is_rejected() {
        assertThatThrownBy(() -> AggregateQuery.of(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric");
    }

    @Test
    void a_limit_outside_one_to_max_is_rejected() {
        AggregateQuery query = AggregateQuery.of("pm25");

        assertThatThrownBy(() -> query.withLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> query.withLimit(AggregateQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(query.withLimit(AggregateQuery.MAX_LIMIT).limit()).isEqualTo(AggregateQuery.MAX_LIMIT);
    }

    @Test
    void an_empty_or_reversed_range_is_rejected() {
        AggregateQuery query = AggregateQuery.of("pm25");

        assertThatThrownBy(() -> query.withRange(T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from");
        assertThatThrownBy(() -> query.withRange(T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_open_ended_range_is_allowed() {
        assertThat(AggregateQuery.of("pm25").withRange(T0, null).from()).isEqualTo(T0);
        assertThat(AggregateQuery.of("pm25").withRange(null, T0).to()).isEqualTo(T0);
    }
}
