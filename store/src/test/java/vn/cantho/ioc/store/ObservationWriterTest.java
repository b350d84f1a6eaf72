package vn.cantho.ioc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationWriterTest {

    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    void values_are_grouped_into_readings_by_device_and_microsecond_in_key_order_with_the_first_value_kept() {
        // Given values of two devices, one time given twice within the same microsecond, and a repeated metric
        List<ObservationRow> rows = List.of(
                row("aq-2", "pm25", T, 1),
                row("aq-1", "pm25", T.plusSeconds(60), 2),
                row("aq-1", "pm25", T, 3),
                row("aq-1", "pm10", T.plusNanos(400), 4),
                row("aq-1", "pm25", T, 5));

        // When they are grouped
        List<ObservationWriter.GroupedReading> readings = ObservationWriter.readings(rows);

        // Then each (device, stored time) is one reading, in key order, metrics in order of arrival
        assertThat(readings)
                .extracting(r -> r.first().deviceId() + "@" + r.micros() + " " + r.values())
                .containsExactly(
                        "aq-1@" + micros(T) + " {pm25=3.0, pm10=4.0}",
                        "aq-1@" + micros(T.plusSeconds(60)) + " {pm25=2.0}",
                        "aq-2@" + micros(T) + " {pm25=1.0}");
    }

    @Test
    void a_value_without_device_metric_time_or_domain_or_not_finite_is_refused_naming_its_position() {
        assertThatThrownBy(() -> ObservationWriter.readings(
                        List.of(row("aq-1", "pm25", T, 1), row("aq-1", "pm10", T, Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("observation #1");
        assertThatThrownBy(() -> ObservationWriter.readings(List.of(row("aq-1", " ", T, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metric_names_are_quoted_and_escaped_in_the_array_literal() {
        assertThat(ObservationWriter.arrayLiteral(List.of("pm25", "a,b", "say \"hi\"", "back\\slash")))
                .isEqualTo("{\"pm25\",\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\"}");
    }

    private static ObservationRow row(String device, String metric, Instant ts, double value) {
        return new ObservationRow(device, metric, ts, value, "environment", "ninh-kieu", null);
    }

    private static long micros(Instant instant) {
        return ObservationWriter.micros(instant);
    }
}
