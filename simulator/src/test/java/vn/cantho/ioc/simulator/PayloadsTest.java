package vn.cantho.ioc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.model.json.Json;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;

class PayloadsTest {

    private static final Instant TS = Instant.parse("2026-11-23T03:00:30.045Z");
    private final Device gauge = DeviceRegistry.builtIn().device("wl-can-tho").orElseThrow();
    private final Device counter =
            DeviceRegistry.builtIn().device("tc-tran-hung-dao").orElseThrow();

    @Test
    void compact_payload_has_the_timestamp_and_the_values() throws Exception {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("vehicle_count", 312.0);
        values.put("mean_speed", 27.4);

        JsonNode json = Json.mapper().readTree(Payloads.compact(TS, values));

        assertThat(json.get("ts").asText()).isEqualTo("2026-11-23T03:00:30.045Z");
        assertThat(json.get("values").get("vehicle_count").isIntegralNumber()).isTrue();
        assertThat(json.get("values").get("vehicle_count").asLong()).isEqualTo(312);
        assertThat(json.get("values").get("mean_speed").asDouble()).isEqualTo(27.4);
    }

    @Test
    void senml_payload_names_the_device_in_the_base_name_with_base_time_and_units() throws Exception {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("vehicle_count", 312.0);
        values.put("mean_speed", 27.4);

        JsonNode pack = Json.mapper().readTree(Payloads.senml(counter, TS, values));

        assertThat(pack.isArray()).isTrue();
        assertThat(pack).hasSize(2);
        assertThat(pack.get(0).get("bn").asText()).isEqualTo("urn:dev:ioc:tc-tran-hung-dao:");
        assertThat(pack.get(0).get("bt").decimalValue()).isEqualByComparingTo("1795402830.045");
        assertThat(pack.get(0).get("n").asText()).isEqualTo("vehicle_count");
        assertThat(pack.get(0).get("u").asText()).isEqualTo("count");
        assertThat(pack.get(1).get("u").asText()).isEqualTo("km/h");
        assertThat(pack.get(1).get("v").asDouble()).isEqualTo(27.4);
        assertThat(pack.get(1).has("bn")).isFalse();
    }

    @Test
    void base_time_keeps_leading_zeros_of_the_milliseconds() throws Exception {
        JsonNode pack = Json.mapper()
                .readTree(
                        Payloads.senml(gauge, Instant.parse("2026-11-23T03:00:30.005Z"), Map.of("water_level", 1.23)));

        assertThat(pack.get(0).get("bt").decimalValue()).isEqualByComparingTo("1795402830.005");
        assertThat(pack.get(0).get("u").asText()).isEqualTo("m");
    }

    @Test
    void gauges_and_water_quality_speak_senml_the_others_compact() {
        DeviceRegistry registry = DeviceRegistry.builtIn();

        assertThat(Payloads.formatOf(gauge)).isEqualTo(Payloads.Format.SENML);
        assertThat(Payloads.formatOf(registry.device("wq-song-can-tho").orElseThrow()))
                .isEqualTo(Payloads.Format.SENML);
        assertThat(Payloads.formatOf(counter)).isEqualTo(Payloads.Format.COMPACT);
        assertThat(Payloads.formatOf(registry.device("aq-ninh-kieu-01").orElseThrow()))
                .isEqualTo(Payloads.Format.COMPACT);
    }
}
