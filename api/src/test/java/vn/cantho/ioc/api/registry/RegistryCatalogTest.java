package vn.cantho.ioc.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cantho.ioc.api.http.ApiException;
import vn.cantho.ioc.api.http.ErrorCode;
import vn.cantho.ioc.model.registry.Area;
import vn.cantho.ioc.model.registry.Device;
import vn.cantho.ioc.model.registry.DeviceRegistry;
import vn.cantho.ioc.model.registry.Domain;
import vn.cantho.ioc.model.registry.LiveRegistry;

/** Filters and lookups of the reference-data endpoints. */
class RegistryCatalogTest {

    private final RegistryCatalog catalog = new RegistryCatalog(new LiveRegistry(
            new DeviceRegistry(
                    List.of(
                            new Area("ninh-kieu", "Ninh Kiều", 10.03, 105.77),
                            new Area("cai-rang", "Cái Răng", 9.99, 105.76)),
                    List.of(device("aq-1", "ninh-kieu"), device("aq-2", "cai-rang"), device("aq-3", "ninh-kieu"))),
            0));

    @Test
    void devices_can_be_filtered_by_area() {
        // When
        List<DeviceView> devices = catalog.devices(Optional.of("ninh-kieu"), Optional.empty());

        // Then
        assertThat(devices).extracting(DeviceView::id).containsExactly("aq-1", "aq-3");
    }

    @Test
    void devices_can_be_filtered_by_domain() {
        assertThat(catalog.devices(Optional.empty(), Optional.of("environment")))
                .hasSize(3);
        assertThat(catalog.devices(Optional.empty(), Optional.of("tourism"))).isEmpty();
    }

    @Test
    void an_unknown_area_filter_is_not_found_rather_than_an_empty_list() {
        assertThatThrownBy(() -> catalog.devices(Optional.of("atlantis"), Optional.empty()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_AREA));
    }

    @Test
    void an_unknown_domain_filter_is_a_bad_parameter() {
        assertThatThrownBy(() -> catalog.metrics(Optional.of("weather")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_PARAMETER))
                .hasMessageStartingWith("domain:");
    }

    @Test
    void single_lookups_answer_or_say_which_kind_of_id_is_unknown() {
        assertThat(catalog.device("aq-2").areaCode()).isEqualTo("cai-rang");
        assertThat(catalog.area("cai-rang").name()).isEqualTo("Cái Răng");
        assertThatThrownBy(() -> catalog.device("aq-9"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_DEVICE));
        assertThatThrownBy(() -> catalog.area("atlantis"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_AREA));
    }

    @Test
    void metrics_show_unit_domain_and_range() {
        // When
        List<MetricView> metrics = catalog.metrics(Optional.empty());

        // Then
        assertThat(metrics)
                .contains(new MetricView("pm25", "PM2.5", "µg/m³", "environment", new MetricView.Range(0, 1000)));
    }

    private static Device device(String id, String area) {
        return new Device(id, id, "air_station", Domain.ENVIRONMENT, area, 10, 105, "so-tnmt", List.of("pm25"));
    }
}
