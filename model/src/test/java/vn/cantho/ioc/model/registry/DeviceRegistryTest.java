package vn.cantho.ioc.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRegistryTest {

    private static final Area NINH_KIEU = new Area("ninh-kieu", "Ninh Kiều", 10.03, 105.77);

    @Test
    void built_in_registry_covers_the_nine_historical_districts_with_an_air_station_each() {
        DeviceRegistry registry = DeviceRegistry.builtIn();

        assertThat(registry.areas())
                .extracting(Area::name)
                .containsExactlyInAnyOrder(
                        "Ninh Kiều",
                        "Bình Thủy",
                        "Cái Răng",
                        "Ô Môn",
                        "Thốt Nốt",
                        "Phong Điền",
                        "Cờ Đỏ",
                        "Thới Lai",
                        "Vĩnh Thạnh");
        for (Area area : registry.areas()) {
            assertThat(registry.devices()).anySatisfy(device -> {
                assertThat(device.areaCode()).isEqualTo(area.code());
                assertThat(device.metrics()).contains("pm25", "pm10");
            });
        }
        assertThat(registry.device("aq-ninh-kieu-01"))
                .hasValueSatisfying(device -> assertThat(device.domain()).isEqualTo(Domain.ENVIRONMENT));
    }

    @Test
    void built_in_registry_has_river_gauges_traffic_counters_and_visitor_counters_with_their_domains() {
        DeviceRegistry registry = DeviceRegistry.builtIn();

        assertThat(registry.device("wl-can-tho"))
                .hasValueSatisfying(d -> assertThat(d.metrics()).containsExactly("water_level"));
        assertThat(registry.devices())
                .filteredOn(d -> d.type().equals("traffic_counter"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.domain()).isEqualTo(Domain.SECURITY_TRAFFIC));
        assertThat(registry.devices())
                .filteredOn(d -> d.type().equals("visitor_counter"))
                .extracting(Device::name)
                .contains("Đếm khách Bến Ninh Kiều", "Đếm khách Chợ nổi Cái Răng");
        for (Device device : registry.devices()) {
            for (String metric : device.metrics()) {
                assertThat(Metric.byId(metric))
                        .hasValueSatisfying(m -> assertThat(m.domain()).isEqualTo(device.domain()));
            }
        }
    }

    @Test
    void device_in_an_unknown_area_is_rejected_with_its_id() {
        Device stray = device("aq-x", "nowhere", List.of("pm25"));

        assertThatThrownBy(() -> new DeviceRegistry(List.of(NINH_KIEU), List.of(stray)))
                .hasMessageContaining("aq-x")
                .hasMessageContaining("unknown area nowhere");
    }

    @Test
    void device_with_an_unknown_metric_is_rejected() {
        Device device = device("aq-x", "ninh-kieu", List.of("pm25", "radon"));

        assertThatThrownBy(() -> new DeviceRegistry(List.of(NINH_KIEU), List.of(device)))
                .hasMessageContaining("unknown metric radon");
    }

    @Test
    void duplicate_device_ids_are_rejected() {
        Device device = device("aq-x", "ninh-kieu", List.of("pm25"));

        assertThatThrownBy(() -> new DeviceRegistry(List.of(NINH_KIEU), List.of(device, device)))
                .hasMessageContaining("duplicate device id aq-x");
    }

    @Test
    void registry_loads_from_a_directory_of_json_files(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("areas.json"),
                "[{\"code\":\"cai-rang\",\"name\":\"Cái Răng\",\"lat\":9.99,\"lon\":105.76}]");
        Files.writeString(
                dir.resolve("devices.json"),
                "[{\"id\":\"aq-1\",\"name\":\"Trạm 1\",\"type\":\"air_station\","
                        + "\"domain\":\"environment\",\"areaCode\":\"cai-rang\",\"lat\":9.99,\"lon\":105.76,"
                        + "\"owner\":\"so-tnmt\",\"metrics\":[\"pm10\"]}]");

        DeviceRegistry registry = DeviceRegistry.fromDirectory(dir);

        assertThat(registry.device("aq-1")).map(Device::areaCode).hasValue("cai-rang");
        assertThat(registry.area("cai-rang")).map(Area::name).hasValue("Cái Răng");
    }

    private static Device device(String id, String area, List<String> metrics) {
        return new Device(id, id, "air_station", Domain.ENVIRONMENT, area, 10, 105, "so-tnmt", metrics);
    }
}
