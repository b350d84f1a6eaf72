package vn.cantho.ioc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.Reading;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.LiveRegistry;
import vn.cantho.ioc.store.ObservationRow;
import vn.cantho.ioc.store.ObservationWriter;

/** One row per metric value, enriched from the registry; unknown devices and non-finite values skipped. */
class ObservationSinkWriterTest {

    private static final Instant TS = Instant.parse("2026-11-23T03:00:00Z");
    private static final Instant RECEIVED = TS.plusSeconds(2);

    private final ObservationSinkWriter writer =
            new ObservationSinkWriter(new LiveRegistry(DeviceRegistry.builtIn(), 0), new ObservationWriter(null));

    @Test
    void every_value_becomes_a_row_with_the_device_domain_and_area() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("pm25", 12.5);
        values.put("pm10", 30.0);
        List<ObservationRow> rows = writer.rows(
                List.of(new Reading(Reading.SCHEMA_VERSION, "aq-ninh-kieu-01", TS, values, RECEIVED, "mqtt")));

        assertThat(rows)
                .containsExactly(
                        new ObservationRow("aq-ninh-kieu-01", "pm25", TS, 12.5, "environment", "ninh-kieu", RECEIVED),
                        new ObservationRow("aq-ninh-kieu-01", "pm10", TS, 30.0, "environment", "ninh-kieu", RECEIVED));
        assertThat(writer.skipped()).isZero();
    }

    @Test
    void unknown_devices_and_non_finite_values_are_skipped_and_counted() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("pm25", Double.NaN);
        values.put("pm10", 30.0);
        List<Reading> batch = new ArrayList<>();
        batch.add(new Reading(Reading.SCHEMA_VERSION, "no-such-device", TS, Map.of("pm25", 1.0), RECEIVED, "mqtt"));
        batch.add(new Reading(Reading.SCHEMA_VERSION, "aq-ninh-kieu-01", TS, values, RECEIVED, "mqtt"));
        batch.add(null);

        assertThat(writer.rows(batch)).extracting(ObservationRow::metric).containsExactly("pm10");
        assertThat(writer.skipped()).isEqualTo(2);
        assertThat(writer.write(List.of())).isZero();
    }
}
