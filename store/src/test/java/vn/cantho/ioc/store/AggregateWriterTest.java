package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Aggregate;
import vn.cantho.ioc.model.Scope;

/** How the writer prepares a batch, without a database. */
class AggregateWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void duplicates_within_a_batch_keep_the_last_occurrence() {
        // Given
        Aggregate first = aggregate(Scope.DEVICE, "d1", T0, 3);
        Aggregate other = aggregate(Scope.DEVICE, "d2", T0, 1);
        Aggregate last = aggregate(Scope.DEVICE, "d1", T0, 2);

        // When
        List<Aggregate> rows = AggregateWriter.latestPerWindow(List.of(first, other, last));

        // Then
        assertThat(rows).containsExactly(last, other);
    }

    @Test
    void rows_come_out_in_key_order_whatever_the_input_order() {
        // Given
        Aggregate areaRow = aggregate(Scope.AREA, "ninh-kieu", T0, 1);
        Aggregate laterWindow = aggregate(Scope.DEVICE, "d1", T0.plusSeconds(60), 1);
        Aggregate earlierWindow = aggregate(Scope.DEVICE, "d1", T0, 1);
        Aggregate otherDevice = aggregate(Scope.DEVICE, "d0", T0.plusSeconds(120), 1);

        // When
        List<Aggregate> rows =
                AggregateWriter.latestPerWindow(List.of(laterWindow, otherDevice, earlierWindow, areaRow));

        // Then
        assertThat(rows).containsExactly(areaRow, otherDevice, earlierWindow, laterWindow);
    }

    @Test
    void an_aggregate_missing_a_required_field_is_rejected_before_touching_the_database() {
        // Given
        Aggregate valid = aggregate(Scope.DEVICE, "d1", T0, 1);
        Aggregate noDomain =
                new Aggregate(1, Scope.DEVICE, "d2", "pm25", null, "ninh-kieu", T0, T0.plusSeconds(60), 1, 1, 1, 1, 1);

        // When / Then
        assertThatThrownBy(() -> AggregateWriter.latestPerWindow(List.of(valid, noDomain)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#1");
        assertThatThrownBy(() -> AggregateWriter.latestPerWindow(Arrays.asList(valid, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void an_empty_batch_writes_nothing_and_needs_no_database() {
        // Given
        AggregateWriter writer = new AggregateWriter(null);

        // When
        int written = writer.upsert(List.of());

        // Then
        assertThat(written).isZero();
    }

    private static Aggregate aggregate(Scope scope, String entityId, Instant start, long count) {
        return new Aggregate(
                Aggregate.SCHEMA_VERSION,
                scope,
                entityId,
                "pm25",
                "environment",
                "ninh-kieu",
                start,
                start.plusSeconds(60),
                count,
                count * 10.0,
                5,
                15,
                10);
    }
}
